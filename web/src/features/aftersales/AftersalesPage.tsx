// The after-sales desk: every open case by due time, overdue first in red, due within the
// hour in orange (seed 003: answer the same day; seed 004: keep the promised time). The
// same list is the supervisors' breach list; a case opens in its drawer.
import { Empty, Segmented, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../workbench/format";
import { useSlaList, type AftersalesCase } from "./aftersales-api";
import { CaseDrawer } from "./CaseDrawer";
import { SLA_COLOR } from "./CaseExtras";

type Row = AftersalesCase & { customerId: string };
type Filter = "all" | "due_soon" | "overdue";

export function AftersalesPage() {
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
    <div style={{ flex: 1, overflow: "auto", padding: 16, minWidth: 0 }} data-testid="aftersales-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t("aftersales.deskTitle")}
      </Typography.Title>
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
    </div>
  );
}
