// The figures dashboard (CONTRACTS §4): KPI cards for the shop or, for an agent who may see
// only their own, for that agent; supervisors and owners also get the agent ranking and a
// conversion chart. Loaded lazily from the shell, together with ECharts.
import { Alert, Card, Col, DatePicker, Flex, Row, Select, Spin, Statistic, Table, Typography, type TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../platform/session";
import { ABILITY, type Agent } from "../../platform/types";
import { useAgents } from "../agents/agents-api";
import { ConversionChart } from "./ConversionChart";
import { REPORT_ABILITY, useAgentsFigures, useFigures, type Period } from "./figures-api";
import { FIGURE_KEYS, FIGURE_KIND, formatFigure, rankAgents, type FigureKey, type Figures, type RankingRow } from "./figures-format";

const DAY_FORMAT = "YYYY-MM-DD";
const lastDays = (n: number): [Dayjs, Dayjs] => [dayjs().subtract(n - 1, "day").startOf("day"), dayjs().startOf("day")];

export function FiguresPage() {
  const { t } = useTranslation();
  const me = useSession();
  const viewAll = me.abilities.includes(REPORT_ABILITY.viewAll);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => lastDays(7));
  const period: Period | null = shopId ? { shop: shopId, from: range[0].format(DAY_FORMAT), to: range[1].format(DAY_FORMAT) } : null;
  // Without reports.view_all the server answers only for the agent's own id.
  const summary = useFigures(period, viewAll ? null : me.agent.id);

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
            style={{ minWidth: 180 }}
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
            ]}
            onChange={(dates) => {
              if (dates?.[0] && dates[1]) setRange([dates[0], dates[1]]);
            }}
          />
        </Flex>
      </Flex>
      {!shopId ? (
        <Alert type="info" showIcon title={t("figures.noShop")} />
      ) : summary.isError ? (
        <Alert type="error" showIcon title={t("figures.loadFailed")} />
      ) : (
        <KpiCards figures={summary.data} loading={summary.isPending} />
      )}
      {viewAll && period && <AgentRanking period={period} />}
    </div>
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

function AgentRanking({ period }: { period: Period }) {
  const { t } = useTranslation();
  const me = useSession();
  const canListAgents = me.abilities.includes(ABILITY.viewAgents);
  const agents = useAgents(canListAgents);
  const list = agents.data ?? [];
  const results = useAgentsFigures(period, list.map((a) => a.id));
  const pending = agents.isPending || results.pending;
  const failed = agents.isError || results.failed;

  const rows = useMemo(() => rankingRows(list, results.data), [list, results.data]);
  const bars = useMemo(() => rows.map((r) => ({ name: r.name, rate: r.figures.inquiryToPaymentRate })), [rows]);

  if (!canListAgents) return <Alert type="info" showIcon title={t("figures.noAgentList")} style={{ marginTop: 16 }} />;

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
  ];

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("figures.ranking")}
      </Typography.Title>
      {failed && <Alert type="error" showIcon title={t("figures.loadFailed")} style={{ marginBottom: 12 }} />}
      <Table<RankingRow>
        data-testid="figures-ranking"
        size="small"
        rowKey="agentId"
        loading={pending}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("figures.noAgents") }}
      />
      {rows.length > 0 && (
        <Card size="small" title={t("figures.chartTitle")} style={{ marginTop: 16 }}>
          {pending ? <Spin /> : <ConversionChart bars={bars} label={t("figures.kpi.inquiryToPaymentRate")} />}
        </Card>
      )}
    </>
  );
}

/**
 * Pre-sales agents who can still sign in are always listed; anyone else only when they
 * served inquiries or were credited orders in the period (an agent moved to after-sales or
 * deactivated since). Agents whose figures have not arrived are left out until they do.
 */
function rankingRows(agents: readonly Agent[], figures: readonly (Figures | undefined)[]): RankingRow[] {
  const rows: RankingRow[] = [];
  agents.forEach((agent, i) => {
    const f = figures[i];
    if (!f) return;
    const current = agent.team === "presales" && agent.active !== false;
    if (current || f.inquiringBuyers > 0 || f.orders > 0) rows.push({ agentId: agent.id, name: agent.name, figures: f });
  });
  return rankAgents(rows);
}
