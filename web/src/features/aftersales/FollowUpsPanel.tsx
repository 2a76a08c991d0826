// Seed 001's after-delivery call: every signed-for parcel gets a question ("还满意吗？有没有
// 破损？") and, when all is well, an invitation to confirm and review. Open ones by due time;
// the question goes into the chat in one click, then the outcome is recorded.
import { App, Button, Empty, Flex, Input, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { ApiError } from "../../platform/api";
import { formatTime, variantText } from "../workbench/format";
import { FOLLOW_UP_OUTCOMES, useFollowUpActions, useFollowUps, type FollowUp, type FollowUpOutcome } from "./follow-ups-api";

function OutcomeForm({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { outcome } = useFollowUpActions();
  const [value, setValue] = useState<FollowUpOutcome | null>(null);
  const [note, setNote] = useState("");
  return (
    <Space.Compact style={{ width: "100%" }}>
      <Select<FollowUpOutcome>
        style={{ minWidth: 150 }}
        placeholder={t("followUps.outcomeLabel")}
        value={value ?? undefined}
        onChange={setValue}
        options={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`followUps.outcomes.${o}`) }))}
        data-testid="follow-up-outcome"
      />
      <Input placeholder={t("followUps.note")} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      <Button
        disabled={!value}
        loading={outcome.isPending}
        onClick={() =>
          value &&
          outcome.mutate(
            { id: followUp.id, outcome: value, ...(note.trim() && { note: note.trim() }) },
            { onSuccess: () => void message.success(t("followUps.recorded")), onError: (e) => void message.error(e instanceof ApiError ? e.message : t("followUps.failed")) },
          )
        }
        data-testid="follow-up-record"
      >
        {t("common.save")}
      </Button>
    </Space.Compact>
  );
}

export function FollowUpsPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<"todo" | "done">("todo");
  const list = useFollowUps(state);
  const { ask } = useFollowUpActions();
  const columns: TableColumnsType<FollowUp> = [
    { key: "order", title: t("followUps.order"), render: (_, f) => f.orderRef },
    { key: "buyer", title: t("followUps.buyer"), render: (_, f) => f.buyerNick ?? "—" },
    { key: "goods", title: t("followUps.goods"), render: (_, f) => f.goods.map((g) => `${g.title ?? ""}${variantText(g) ? ` (${variantText(g)})` : ""} × ${g.qty}`).join("，") },
    { key: "delivered", title: t("followUps.delivered"), render: (_, f) => formatTime(f.deliveredAt, i18n.language) },
    ...(state === "todo"
      ? [
          { key: "due", title: t("followUps.due"), render: (_: unknown, f: FollowUp) => <Typography.Text type={f.overdue ? "danger" : undefined}>{formatTime(f.dueAt, i18n.language)}</Typography.Text> },
          {
            key: "act",
            title: t("followUps.action"),
            render: (_: unknown, f: FollowUp) =>
              f.state === "open" ? (
                <Button
                  size="small"
                  type="primary"
                  loading={ask.isPending && ask.variables === f.id}
                  data-testid="follow-up-ask"
                  onClick={() =>
                    ask.mutate(f.id, {
                      onSuccess: ({ conversationId }) => {
                        void message.success(t("followUps.asked"));
                        navigate({ page: "workbench", conversationId });
                      },
                      onError: (e) => void message.error(e instanceof ApiError ? e.message : t("followUps.failed")),
                    })
                  }
                >
                  {t("followUps.ask")}
                </Button>
              ) : (
                <Flex vertical gap={6} style={{ width: 320 }}>
                  <Space>
                    <Tag color="blue">{t("followUps.states.asked")}</Tag>
                    {f.conversationId && (
                      <Button size="small" type="link" onClick={() => navigate({ page: "workbench", conversationId: f.conversationId! })}>
                        {t("followUps.openChat")}
                      </Button>
                    )}
                  </Space>
                  <OutcomeForm followUp={f} />
                </Flex>
              ),
          },
        ]
      : [
          { key: "outcome", title: t("followUps.outcomeLabel"), render: (_: unknown, f: FollowUp) => (f.outcome ? <Tag color={f.outcome === "problem" ? "red" : f.outcome === "all_good" ? "green" : "default"}>{t(`followUps.outcomes.${f.outcome}`)}</Tag> : "—") },
          { key: "note", title: t("followUps.note"), render: (_: unknown, f: FollowUp) => f.note ?? "" },
        ]),
  ];
  return (
    <div data-testid="follow-ups">
      <Typography.Paragraph type="secondary">{t("followUps.hint")}</Typography.Paragraph>
      <Segmented value={state} onChange={(v) => setState(v as "todo" | "done")} style={{ marginBottom: 12 }} options={[{ value: "todo", label: t("followUps.todo") }, { value: "done", label: t("followUps.done") }]} />
      <Table<FollowUp>
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("followUps.none")} /> }}
      />
    </div>
  );
}
