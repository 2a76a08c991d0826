// The figures dashboard (CONTRACTS §4 plus the 3-minute response rate): KPI cards for the
// shop or, for an agent who may see only their own, for that agent; a trend by day, week
// or month; the agent ranking and why buyers did not buy; CSV/XLSX export. One request
// (GET /api/v1/reports/dashboard) computed by the same code as `qindesk report`.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, DatePicker, Dropdown, Flex, Row, Segmented, Select, Spin, Statistic, Table, Typography, type TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../platform/session";
import { download, toCsv, toXlsx, XLSX_TYPE } from "../../platform/spreadsheet";
import { AftersalesMix } from "./AftersalesMix";
import { ConversionChart } from "./ConversionChart";
import { BUCKETS, REPORT_ABILITY, useDashboard, type Bucket, type Dashboard, type Period } from "./figures-api";
import { exportName, lostReasonsSheet, rankingSheet, summarySheet, trendSheet } from "./figures-export";
import { FIGURE_KEYS, FIGURE_KIND, formatFigure, formatRate, rankAgents, type FigureKey, type Figures, type RankingRow } from "./figures-format";
import { TrendChart, type TrendLabels } from "./TrendChart";

const DAY_FORMAT = "YYYY-MM-DD";
const lastDays = (n: number): [Dayjs, Dayjs] => [dayjs().subtract(n - 1, "day").startOf("day"), dayjs().startOf("day")];

export function FiguresPage() {
  const { t } = useTranslation();
  const me = useSession();
  const viewAll = me.abilities.includes(REPORT_ABILITY.viewAll);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => lastDays(7));
  const [bucket, setBucket] = useState<Bucket>("day");
  const period: Period | null = shopId ? { shop: shopId, from: range[0].format(DAY_FORMAT), to: range[1].format(DAY_FORMAT) } : null;
  // Without reports.view_all the server answers only for the agent's own id.
  const dashboard = useDashboard(period, bucket, viewAll ? null : me.agent.id);
  const data = dashboard.data;

  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="figures-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {viewAll ? t("figures.title") : t("figures.titleOwn")}
        </Typography.Title>
        <Flex wrap gap={8}>
          <Select
            value={shopId}
            aria-label={t("figures.shop")}
            placeholder={t("figures.shop")}
            style={{ minWidth: 160 }}
            onChange={setShopId}
            options={me.shops.map((s) => ({ value: s.id, label: s.name }))}
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            aria-label={t("figures.period")}
            disabledDate={(day) => day.isAfter(dayjs(), "day")}
            presets={[
              { label: t("figures.preset.today"), value: lastDays(1) },
              { label: t("figures.preset.last7"), value: lastDays(7) },
              { label: t("figures.preset.last30"), value: lastDays(30) },
              { label: t("figures.preset.last90"), value: lastDays(90) },
            ]}
            onChange={(dates) => {
              if (dates?.[0] && dates[1]) setRange([dates[0], dates[1]]);
            }}
          />
          <Segmented<Bucket>
            data-testid="figures-bucket"
            value={bucket}
            onChange={setBucket}
            options={BUCKETS.map((b) => ({ value: b, label: t(`figures.bucket.${b}`) }))}
          />
          <ExportButton dashboard={data} />
        </Flex>
      </Flex>
      {!shopId ? (
        <Alert type="info" showIcon title={t("figures.noShop")} />
      ) : dashboard.isError ? (
        <Alert type="error" showIcon title={t("figures.loadFailed")} />
      ) : (
        <>
          <KpiCards figures={data?.figures} loading={dashboard.isPending} />
          <Card size="small" title={t("figures.trendTitle")} style={{ marginTop: 16 }}>
            {data ? <Trend dashboard={data} /> : <Spin />}
          </Card>
          {viewAll && <AgentRanking dashboard={data} loading={dashboard.isPending} />}
          <LostReasons dashboard={data} loading={dashboard.isPending} />
          {data?.aftersales && <AftersalesMix mix={data.aftersales} />}
        </>
      )}
    </div>
  );
}

function Trend({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const labels = useMemo<TrendLabels>(
    () => ({
      inquiringBuyers: t("figures.kpi.inquiringBuyers"),
      payingBuyers: t("figures.kpi.payingBuyers"),
      inquiryToPaymentRate: t("figures.kpi.inquiryToPaymentRate"),
      responseWithin3MinRate: t("figures.kpi.responseWithin3MinRate"),
      title: t("figures.trendTitle"),
    }),
    [t],
  );
  return <TrendChart trend={dashboard.trend} labels={labels} />;
}

function useReasonLabel() {
  const { t } = useTranslation();
  return (code: string | null) => (code === null ? t("figures.lost.none") : t(`lostReason.${code}`, { defaultValue: code }));
}

function ExportButton({ dashboard }: { dashboard: Dashboard | undefined }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  const me = useSession();
  const viewAll = me.abilities.includes(REPORT_ABILITY.viewAll);
  const csv = (what: string, rows: Parameters<typeof toCsv>[0]) => download(`${exportName(dashboard!, what)}.csv`, toCsv(rows), "text/csv;charset=utf-8");
  return (
    <Dropdown
      disabled={!dashboard}
      trigger={["click"]}
      menu={{
        items: [
          { key: "xlsx", label: <span data-testid="figures-export-xlsx">{t("figures.export.xlsx")}</span> },
          ...(viewAll ? [{ key: "ranking", label: <span data-testid="figures-export-ranking">{t("figures.export.csvRanking")}</span> }] : []),
          { key: "trend", label: <span data-testid="figures-export-trend">{t("figures.export.csvTrend")}</span> },
        ],
        onClick: ({ key }) => {
          if (!dashboard) return;
          if (key === "ranking") csv("ranking", rankingSheet(dashboard, t).rows);
          else if (key === "trend") csv("trend", trendSheet(dashboard, t).rows);
          else {
            const sheets = [summarySheet(dashboard, t), ...(viewAll ? [rankingSheet(dashboard, t)] : []), trendSheet(dashboard, t), lostReasonsSheet(dashboard, t, reasonLabel)];
            download(`${exportName(dashboard, "figures")}.xlsx`, toXlsx(sheets), XLSX_TYPE);
          }
        },
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="figures-export">
        {t("figures.export.button")}
      </Button>
    </Dropdown>
  );
}

function KpiCards({ figures, loading }: { figures: Figures | undefined; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      {FIGURE_KEYS.map((key) => (
        <Col key={key} xs={12} sm={8} lg={6} xl={4}>
          <Card size="small" data-testid={`figure-${key}`}>
            <Statistic
              title={t(`figures.kpi.${key}`)}
              loading={loading}
              value={figures ? formatFigure(key, figures[key]) : ""}
              suffix={figures && figures[key] !== null && FIGURE_KIND[key] === "seconds" ? t("figures.secondsUnit") : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function AgentRanking({ dashboard, loading }: { dashboard: Dashboard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const rows = useMemo(() => rankAgents(dashboard?.agents ?? []), [dashboard]);
  const bars = useMemo(() => rows.map((r) => ({ name: r.name, rate: r.figures.inquiryToPaymentRate })), [rows]);

  const cell = (key: FigureKey) => (_: unknown, row: RankingRow) => {
    const text = formatFigure(key, row.figures[key]);
    return FIGURE_KIND[key] === "seconds" && row.figures[key] !== null ? t("figures.seconds", { value: text }) : text;
  };
  const column = (key: FigureKey) => ({ key, title: t(`figures.kpi.${key}`), align: "right" as const, render: cell(key) });
  const columns: TableColumnsType<RankingRow> = [
    { key: "rank", title: t("figures.rank"), width: 56, render: (_: unknown, __: RankingRow, index: number) => index + 1 },
    { key: "agent", title: t("figures.agent"), dataIndex: "name" },
    column("inquiringBuyers"),
    column("payingBuyers"),
    column("inquiryToPaymentRate"),
    column("sales"),
    column("salesPerBuyer"),
    column("salesPerOrder"),
    column("avgFirstResponseSeconds"),
    column("avgResponseSeconds"),
    column("responseWithin3MinRate"),
  ];

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("figures.ranking")}
      </Typography.Title>
      <Table<RankingRow>
        data-testid="figures-ranking"
        size="small"
        rowKey="agentId"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("figures.noAgents") }}
      />
      {rows.length > 0 && (
        <Card size="small" title={t("figures.chartTitle")} style={{ marginTop: 16 }}>
          <ConversionChart bars={bars} label={t("figures.kpi.inquiryToPaymentRate")} />
        </Card>
      )}
    </>
  );
}

interface ReasonRow {
  reason: string | null;
  conversations: number;
  share: number;
}

function LostReasons({ dashboard, loading }: { dashboard: Dashboard | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const reasonLabel = useReasonLabel();
  const rows = useMemo<ReasonRow[]>(() => {
    const list = dashboard?.lostReasons ?? [];
    const total = list.reduce((sum, row) => sum + row.conversations, 0);
    return list.map((row) => ({ ...row, share: total === 0 ? 0 : row.conversations / total }));
  }, [dashboard]);
  const columns: TableColumnsType<ReasonRow> = [
    { key: "reason", title: t("figures.lost.reason"), render: (_: unknown, row) => reasonLabel(row.reason) },
    { key: "conversations", title: t("figures.lost.conversations"), dataIndex: "conversations", align: "right" },
    { key: "share", title: t("figures.lost.share"), align: "right", render: (_: unknown, row) => formatRate(row.share) },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("figures.lost.title")}
      </Typography.Title>
      <Table<ReasonRow>
        data-testid="figures-lost-reasons"
        size="small"
        rowKey={(row) => row.reason ?? ""}
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("figures.lost.empty") }}
      />
    </>
  );
}
