// The parts of a case beyond its workflow: the due time (with a promise to reply by a
// time), seed 001 §7's complaint checklist with a phrase per step for the chat, and the
// evidence bundle for the platform's arbiter.
import { DownloadOutlined, SendOutlined } from "@ant-design/icons";
import { App, Button, Checkbox, DatePicker, Flex, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useAbility } from "../../platform/session";
import { ABILITY } from "../../platform/types";
import { insertIntoComposer } from "../quick-replies/composer-insert";
import { formatTime } from "../workbench/format";
import { COMPLAINT_STEPS, useCaseUpdate, type AftersalesCase } from "./aftersales-api";

export const SLA_COLOR = { none: "default", ok: "blue", due_soon: "orange", overdue: "red" } as const;

export function DueTime({ c, customerId }: { c: AftersalesCase; customerId: string }) {
  const { t, i18n } = useTranslation();
  const update = useCaseUpdate(customerId, c.id);
  if (!c.dueAt || c.sla === "none") return null;
  return (
    <Flex align="center" gap={8} wrap data-testid="aftersales-due" data-sla={c.sla}>
      <Tag color={SLA_COLOR[c.sla]} style={{ marginInlineEnd: 0 }}>
        {t(`aftersales.sla.${c.sla}`)}
      </Tag>
      <Typography.Text style={{ fontSize: 13 }}>
        {t(c.promisedBy ? "aftersales.promisedBy" : "aftersales.dueBy", { time: formatTime(c.dueAt, i18n.language) })}
      </Typography.Text>
      <DatePicker
        size="small"
        showTime={{ format: "HH:mm" }}
        format="MM-DD HH:mm"
        placeholder={t("aftersales.promise")}
        disabledDate={(day) => day.isBefore(dayjs(), "day")}
        onOk={(value) => value && update.mutate({ dueAt: value.toISOString() })}
        data-testid="aftersales-promise"
      />
    </Flex>
  );
}

export function ComplaintChecklist({ c, customerId }: { c: AftersalesCase; customerId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useCaseUpdate(customerId, c.id);
  if (!c.checklist) return null;
  const checklist = c.checklist;
  return (
    <div data-testid="complaint-checklist">
      <Typography.Text strong>{t("aftersales.checklistTitle")}</Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        {COMPLAINT_STEPS.map((step) => {
          const done = checklist[step];
          return (
            <Flex key={step} align="center" gap={8} justify="space-between">
              <Checkbox checked={!!done} disabled={!!done || update.isPending} data-testid="complaint-step" data-step={step} onChange={() => update.mutate({ step })}>
                {t(`aftersales.complaintSteps.${step}`)}
                {done && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {formatTime(done.at, i18n.language)}
                  </Typography.Text>
                )}
              </Checkbox>
              {c.conversationId && (
                <Tooltip title={t(`aftersales.complaintPhrases.${step}`)}>
                  <Button
                    size="small"
                    type="text"
                    icon={<SendOutlined />}
                    aria-label={t("aftersales.usePhrase")}
                    onClick={() => {
                      if (!insertIntoComposer(c.conversationId!, t(`aftersales.complaintPhrases.${step}`))) void message.info(t("aftersales.openChatFirst"));
                    }}
                  />
                </Tooltip>
              )}
            </Flex>
          );
        })}
      </Flex>
    </div>
  );
}

export function EvidenceButton({ c }: { c: AftersalesCase }) {
  const { t } = useTranslation();
  const allowed = useAbility(ABILITY.aftersalesEvidence);
  if (!allowed) return null;
  // A plain link: the browser downloads the ZIP with the session cookie; the server logs it.
  return (
    <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/aftersales/cases/${encodeURIComponent(c.id)}/evidence`} data-testid="aftersales-evidence">
      {t("aftersales.evidence")}
    </Button>
  );
}
