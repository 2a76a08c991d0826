// The after-sales desk: every open case by due time, overdue first in red, due within the
// hour in orange (seed 003: answer the same day; seed 004: keep the promised time). The
// same list is the supervisors' breach list; a case opens in its drawer. Beside it, the
// after-delivery follow-ups (seed 001).
import { Empty, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from "antd";
import { navigate } from "../../app/route";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../workbench/format";
import { useSlaList, type AftersalesCase } from "./aftersales-api";
import { CaseDrawer } from "./CaseDrawer";
import { FollowUpsPanel } from "./FollowUpsPanel";
import { SLA_COLOR } from "./CaseExtras";

type Row = AftersalesCase & { customerId: string };
type Filter = "all" | "due_soon" | "overdue";

export function AftersalesPage({ section }: { section?: string | null }) {
  const { t } = useTranslation();
  return (
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="aftersales-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("aftersales.deskTitle")}
        </Typography.Title>
        <Segmented
          value={section === "follow-ups" ? "follow-ups" : "cases"}
          onChange={(value) => navigate({ page: "aftersales", section: value === "cases" ? null : String(value) })}
          options={[
            { value: "cases", label: t("aftersales.casesTab") },
            { value: "follow-ups", label: <span data-testid="aftersales-follow-ups-tab">{t("followUps.title")}</span> },
          ]}
        />
      </Flex>
      {section === "follow-ups" ? <FollowUpsPanel /> : <CasesDesk />}
    </div>
  );
}

/** Open cases by due time: the SLA list, which is also the supervisors' breach list. */
function CasesDesk() {
  const { t, i18n } = useTranslation();
  const list = useSlaList();
  const [filter, setFilter] = useState<Filter>("all");
  const [shown, setShown] = useState<Row | null>(null);
  const rows = useMemo(() => (list.data?.items ?? []).filter((c) => filter === "all" || c.sla === filter), [list.data, filter]);
  const count = (sla: Filter) => (list.data?.items ?? []).filter((c) => c.sla === sla).length;
  const columns: TableColumnsType<Row> = [
    { key: "due", title: t("aftersales.due"), render: (_, c) => (c.dueAt ? formatTime(c.dueAt, i18n.language) : "—") },
    { key: "sla", title: t("aftersales.slaTitle"), render: (_, c) => <Tag color={SLA_COLOR[c.sla]}>{t(`aftersales.sla.${c.sla}`)}</Tag> },
    { key: "kind", title: t("aftersales.kind"), render: (_, c) => t(`aftersales.kinds.${c.kind}`) },
    { key: "reason", title: t("aftersales.reason"), render: (_, c) => t(`aftersales.reasons.${c.reason}`) },
    { key: "status", title: t("aftersales.status"), render: (_, c) => t(`aftersales.statuses.${c.status}`) },
    { key: "opened", title: t("aftersales.openedAt"), render: (_, c) => formatTime(c.openedAt, i18n.language) },
  ];
  return (
    <>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={[
          { value: "all", label: t("aftersales.filterAll") },
          { value: "due_soon", label: `${t("aftersales.sla.due_soon")} (${count("due_soon")})` },
          { value: "overdue", label: `${t("aftersales.sla.overdue")} (${count("overdue")})` },
        ]}
      />
      <Table<Row>
        data-testid="aftersales-sla-table"
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        onRow={(c) => ({ onClick: () => setShown(c), style: { cursor: "pointer" } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("aftersales.noneOpen")} /> }}
      />
      {shown && <CaseDrawer customerId={shown.customerId} caseId={shown.id} onClose={() => setShown(null)} />}
    </>
  );
}
