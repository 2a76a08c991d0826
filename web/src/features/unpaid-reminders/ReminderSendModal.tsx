// Sending one 催付 reminder by hand: the agent picks a template (each already filled for
// this order from its chat, promotion and cut-off; what has no value is shown as missing),
// edits the text and sends it as their own message into the buyer's conversation.
import { Alert, App, Flex, Input, Modal, Radio, Spin, Tag, Typography, type ButtonProps } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { formatTime } from "../workbench/format";
import { firstChoice, REMINDER_VARIABLES, unfilled } from "./reminder-format";
import { useReminderForm, useSendReminder } from "./unpaid-reminders-api";

interface Props {
  orderId: string | null;
  /** From the chat sidebar: the conversation the agent is in. */
  conversationId?: string | null;
  onClose: () => void;
  onSent?: (conversationId: string) => void;
}

const MAX_TEXT = 500;

export function ReminderSendModal({ orderId, conversationId = null, onClose, onSent }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const form = useReminderForm(orderId, conversationId);
  const send = useSendReminder();
  const [key, setKey] = useState<string | null>(null);
  const [text, setText] = useState("");
  const data = form.data;

  // Each order starts from the template the automatic sequence would pick; a refetch
  // (window focus) must not throw away what the agent typed.
  const startedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!data || !orderId || startedFor.current === orderId) return;
    startedFor.current = orderId;
    const first = firstChoice(data.templates, data.item?.reminders.map((r) => r.template) ?? []);
    setKey(first?.key ?? null);
    setText(first?.text ?? "");
  }, [data, orderId]);

  const left = useMemo(() => unfilled(text, REMINDER_VARIABLES), [text]);
  const blocked = data?.blocked ?? null;
  const quietBlocks = data?.quietHours.now ?? false;
  const canSend = Boolean(orderId && data && !blocked && text.trim() && left.length === 0 && text.length <= MAX_TEXT);

  const choose = (next: string) => {
    const template = data?.templates.find((x) => x.key === next);
    setKey(next);
    if (template) setText(template.text);
  };

  const submit = async () => {
    if (!orderId || !canSend) return;
    try {
      const sent = await send.mutateAsync({ orderId, text: text.trim(), template: key, conversationId });
      void message.success(t("unpaidReminders.sent"));
      onSent?.(sent.reminder.conversationId);
      onClose();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : "";
      void message.error(t(`unpaidReminders.error.${code}`, { defaultValue: error instanceof Error ? error.message : t("unpaidReminders.error.other") }));
      void form.refetch();
    }
  };

  useEffect(() => {
    if (orderId === null) startedFor.current = null;
  }, [orderId]);

  const reminders = data?.item?.reminders ?? [];
  return (
    <Modal
      open={orderId !== null}
      title={t("unpaidReminders.sendTitle", { order: data?.item?.order.externalId ?? orderId ?? "" })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("unpaidReminders.send")}
      okButtonProps={{ disabled: !canSend, loading: send.isPending, "data-testid": "reminder-send" } as ButtonProps}
      cancelText={t("common.cancel")}
      width={640}
      destroyOnHidden
    >
      {form.isLoading || !data ? (
        <Spin />
      ) : (
        <Flex vertical gap={12} data-testid="reminder-form">
          {blocked && <Alert type="warning" showIcon title={t(`unpaidReminders.blocked.${blocked}`)} />}
          {quietBlocks && (
            <Alert
              type="info"
              showIcon
              data-testid="reminder-quiet"
              title={t("unpaidReminders.quietNow", { start: data.quietHours.start, end: data.quietHours.end, zone: data.quietHours.timeZone })}
              description={t("unpaidReminders.quietHint")}
            />
          )}
          <Typography.Text type="secondary">
            {data.target.opensNew ? t("unpaidReminders.targetNew") : t("unpaidReminders.targetOpen")}
            {reminders.length > 0 && ` · ${t("unpaidReminders.alreadySent", { count: reminders.length, last: formatTime(reminders[reminders.length - 1]!.sentAt, i18n.language) })}`}
          </Typography.Text>
          <Radio.Group value={key} onChange={(e) => choose(String(e.target.value))} data-testid="reminder-templates">
            <Flex vertical gap={6}>
              {data.templates.map((tpl) => (
                <Radio key={tpl.key} value={tpl.key} data-testid={`reminder-template-${tpl.key}`}>
                  <Typography.Text strong>{t(`unpaidReminders.template.${tpl.key}`, { defaultValue: tpl.key })}</Typography.Text>
                  {tpl.custom && <Tag style={{ marginInlineStart: 6 }}>{t("unpaidReminders.custom")}</Tag>}
                  {tpl.missing.length > 0 && (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                      {t("unpaidReminders.missing", { names: tpl.missing.map((m) => `{${m}}`).join(" ") })}
                    </Typography.Text>
                  )}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("unpaidReminders.preview")}
            </Typography.Text>
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={MAX_TEXT}
              showCount
              aria-label={t("unpaidReminders.preview")}
              data-testid="reminder-text"
            />
          </div>
          {left.length > 0 && <Alert type="error" showIcon title={t("unpaidReminders.fillIn", { names: left.map((m) => `{${m}}`).join(" ") })} />}
        </Flex>
      )}
    </Modal>
  );
}
