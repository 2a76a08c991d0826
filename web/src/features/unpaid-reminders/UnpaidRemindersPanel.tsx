// 催付: orders created but not paid, newest first, with how old they are, what the buyer
// last said, the reminders sent (two at most, automatic ones counted) and when the next
// automatic one is due; an agent sends one from here. The recovery rate is on top.
import { MessageOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Flex, Segmented, Select, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { formatTime, formatYuan, variantText } from "../workbench/format";
import { ageParts, ratePercent } from "./reminder-format";
import { ReminderSendModal } from "./ReminderSendModal";
import { useRecovery, useUnpaidList, type RecoveryReport, type UnpaidItem } from "./unpaid-reminders-api";

const PERIODS = [7, 30, 90] as const;

/** "YYYY-MM-DD" in the shop's zone, `daysAgo` days back. */
function shopDate(daysAgo: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

function RecoveryCard({ report, loading }: { report: RecoveryReport | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const all = report?.all;
  return (
    <Flex gap={24} wrap align="flex-start" data-testid="reminder-recovery">
      <Statistic loading={loading} title={t("unpaidReminders.recoveryRate")} value={ratePercent(all?.rate ?? null)} />
      <Statistic loading={loading} title={t("unpaidReminders.reminded")} value={all?.reminded ?? 0} />
      <Statistic loading={loading} title={t("unpaidReminders.recovered")} value={all?.recovered ?? 0} />
      <Statistic loading={loading} title={t("unpaidReminders.recoveredAmount")} value={formatYuan(all?.recoveredCents ?? 0)} />
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          {t("unpaidReminders.byHand")}: {ratePercent(report?.byHand.rate ?? null)} ({report?.byHand.recovered ?? 0}/{report?.byHand.reminded ?? 0})
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("unpaidReminders.automatic")}: {ratePercent(report?.automatic.rate ?? null)} ({report?.automatic.recovered ?? 0}/{report?.automatic.reminded ?? 0})
        </Typography.Text>
        {report?.agents.map((a) => (
          <Typography.Text key={a.agentId} type="secondary" data-testid="reminder-recovery-agent">
            {a.name}: {ratePercent(a.rate)} ({a.recovered}/{a.reminded})
          </Typography.Text>
        ))}
      </Flex>
    </Flex>
  );
}

export function UnpaidRemindersPanel() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const canSend = useAbility(ABILITY.updateOrders);
  const [shopId, setShopId] = useState<string | null>(me.shops[0]?.id ?? null);
  const shop = me.shops.find((s) => s.id === shopId) ?? null;
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [sending, setSending] = useState<string | null>(null);
  const list = useUnpaidList(shopId);
  const timeZone = shop?.timezone ?? "Asia/Shanghai";
  const period = useMemo(() => ({ from: shopDate(days - 1, timeZone), to: shopDate(0, timeZone) }), [days, timeZone]);
  const recovery = useRecovery(shopId, period);

  const columns: TableColumnsType<UnpaidItem> = [
    {
      title: t("unpaidReminders.order"),
      key: "order",
      render: (_v, row) => (
        <Flex vertical>
          <Typography.Text copyable={{ text: row.order.externalId ?? row.order.id }}>{row.order.externalId ?? row.order.id.slice(-10)}</Typography.Text>
          {row.order.items.map((i, n) => (
            <Typography.Text key={n} type="secondary" style={{ fontSize: 12 }}>
              {i.title ?? "—"} {variantText(i) && `(${variantText(i)})`} × {i.qty}
            </Typography.Text>
          ))}
          <Typography.Text strong>{formatYuan(row.order.totalCents)}</Typography.Text>
        </Flex>
      ),
    },
    { title: t("unpaidReminders.buyer"), key: "buyer", render: (_v, row) => row.buyer.nick || "—" },
    {
      title: t("unpaidReminders.ageColumn"),
      key: "age",
      render: (_v, row) => {
        const age = ageParts(row.ageMinutes);
        return <Tooltip title={formatTime(row.order.createdAt, i18n.language)}>{t(age.key, { count: age.count })}</Tooltip>;
      },
    },
    {
      title: t("unpaidReminders.lastChat"),
      key: "lastChat",
      render: (_v, row) =>
        row.lastChat ? (
          <Flex vertical style={{ maxWidth: 260 }}>
            <Typography.Text ellipsis={{ tooltip: row.lastChat.text }}>
              <Tag style={{ marginInlineEnd: 4 }}>{t(`unpaidReminders.from.${row.lastChat.from}`)}</Tag>
              {row.lastChat.kind === "text" ? row.lastChat.text : t(`unpaidReminders.kind.${row.lastChat.kind}`, { defaultValue: `[${row.lastChat.kind}]` })}
            </Typography.Text>
            <Flex gap={4} align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(row.lastChat.at, i18n.language)}
              </Typography.Text>
              <Button size="small" type="link" icon={<MessageOutlined />} onClick={() => navigate({ page: "workbench", conversationId: row.lastChat!.conversationId })}>
                {t("unpaidReminders.openChat")}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t("unpaidReminders.noChat")}</Typography.Text>
        ),
    },
    {
      title: t("unpaidReminders.sentColumn"),
      key: "sent",
      render: (_v, row) =>
        row.reminders.length === 0 ? (
          <Typography.Text type="secondary">0 / {row.reminders.length + row.remindersLeft}</Typography.Text>
        ) : (
          <Flex vertical gap={2} data-testid="reminder-sent">
            {row.reminders.map((r) => (
              <Tag key={r.ordinal} color={r.automatic ? "blue" : "orange"}>
                {r.ordinal}. {r.automatic ? t("unpaidReminders.automatic") : (r.agentName ?? t("unpaidReminders.byHand"))} · {formatTime(r.sentAt, i18n.language)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t("unpaidReminders.nextDue"),
      key: "next",
      render: (_v, row) =>
        row.nextDueAt ? (
          <Typography.Text data-testid="reminder-next">{formatTime(row.nextDueAt, i18n.language)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{row.remindersLeft === 0 ? t("unpaidReminders.capReached") : "—"}</Typography.Text>
        ),
    },
    ...(canSend
      ? [
          {
            title: "",
            key: "send",
            render: (_v: unknown, row: UnpaidItem) => (
              <Button icon={<SendOutlined />} disabled={row.remindersLeft === 0} onClick={() => setSending(row.order.id)} data-testid="reminder-open">
                {t("unpaidReminders.remind")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  if (!shop) return <Alert type="info" showIcon title={t("unpaidReminders.noShop")} />;

  return (
    <Flex vertical gap={16} data-testid="unpaid-reminders">
      <Card
        title={t("unpaidReminders.title")}
        extra={
          <Flex gap={8} align="center" wrap>
            {me.shops.length > 1 && <Select value={shopId} onChange={setShopId} style={{ minWidth: 160 }} options={me.shops.map((s) => ({ value: s.id, label: s.name }))} aria-label={t("settings.shop")} />}
            <Segmented value={days} onChange={(v) => setDays(v as (typeof PERIODS)[number])} options={PERIODS.map((d) => ({ value: d, label: t("unpaidReminders.lastDays", { count: d }) }))} />
          </Flex>
        }
      >
        <RecoveryCard report={recovery.data} loading={recovery.isLoading} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t("unpaidReminders.recoveryHint")}
        </Typography.Paragraph>
      </Card>
      <Card>
        <Table<UnpaidItem>
          rowKey={(row) => row.order.id}
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: <Empty description={t("unpaidReminders.none")} /> }}
          onRow={(row) => ({ "data-testid": "reminder-row", "data-order-id": row.order.id }) as object}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
        />
      </Card>
      <ReminderSendModal orderId={sending} onClose={() => setSending(null)} />
    </Flex>
  );
}

/** The chat sidebar's "催付" for an unpaid order: opens the same form, into the conversation the agent is in. */
export function UnpaidReminderButton({ orderId, conversationId, size = "small" }: { orderId: string; conversationId: string | null; size?: "small" | "middle" }) {
  const { t } = useTranslation();
  const canSend = useAbility(ABILITY.updateOrders);
  const [open, setOpen] = useState(false);
  if (!canSend) return null;
  return (
    <>
      <Button size={size} icon={<SendOutlined />} onClick={(e) => (e.stopPropagation(), setOpen(true))} data-testid="chat-reminder-open">
        {t("unpaidReminders.remind")}
      </Button>
      <ReminderSendModal orderId={open ? orderId : null} conversationId={conversationId} onClose={() => setOpen(false)} />
    </>
  );
}
