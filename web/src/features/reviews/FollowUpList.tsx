// The follow-up desk: neutral/bad reviews to act on by the platform's modification
// deadline, the most urgent first, with due-soon and overdue filters; closed ones on request.
import { Empty, Segmented, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "../workbench/format";
import { RATING_COLOR, STATE_COLOR } from "./review-format";
import { useFollowUps, type FollowUp, type FollowUpFilter } from "./reviews-api";

export function FollowUpList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<FollowUpFilter>("open");
  const open = useFollowUps("open");
  const shown = useFollowUps(filter, filter !== "open");
  const list = filter === "open" ? open : shown;
  const count = (state: "due_soon" | "overdue") => (open.data?.items ?? []).filter((f) => f.state === state).length;
  const columns: TableColumnsType<FollowUp> = [
    { key: "due", title: t("reviews.deadline"), render: (_, f) => formatTime(f.dueAt, i18n.language) },
    { key: "state", title: t("reviews.stateTitle"), render: (_, f) => <Tag color={STATE_COLOR[f.state]}>{f.outcome ? t(`reviews.outcome.${f.outcome}`) : t(`reviews.state.${f.state}`)}</Tag> },
    { key: "rating", title: t("reviews.ratingTitle"), render: (_, f) => <Tag color={RATING_COLOR[f.rating]}>{t(`reviews.rating.${f.rating}`)}</Tag> },
    { key: "buyer", title: t("reviews.buyer"), render: (_, f) => f.nick || "—" },
    { key: "text", title: t("reviews.text"), render: (_, f) => <Typography.Text ellipsis style={{ maxWidth: 280 }}>{f.reviewText ?? "—"}</Typography.Text> },
    { key: "assignee", title: t("reviews.assignee"), render: (_, f) => f.assigneeName ?? "—" },
  ];
  return (
    <>
      <Segmented<FollowUpFilter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 12 }}
        options={[
          { value: "open", label: t("reviews.filter.open") },
          { value: "due_soon", label: `${t("reviews.state.due_soon")} (${count("due_soon")})` },
          { value: "overdue", label: `${t("reviews.state.overdue")} (${count("overdue")})` },
          { value: "closed", label: t("reviews.filter.closed") },
        ]}
      />
      <Table<FollowUp>
        data-testid="follow-up-table"
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        onRow={(f) => ({ onClick: () => onOpen(f.id), style: { cursor: "pointer" }, "data-testid": "follow-up-row", "data-id": f.id }) as object}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reviews.noFollowUps")} /> }}
      />
    </>
  );
}
