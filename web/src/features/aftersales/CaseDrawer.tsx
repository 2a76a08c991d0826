// One case: where it stands, whether it was eligible and why, every step (who, when),
// and the actions open now. Actions that need a fact ask for it first; a colleague who
// moved the case first makes ours fail with "reload" rather than overwrite theirs.
import { App, Button, Descriptions, Drawer, Flex, Input, InputNumber, Modal, Spin, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { formatTime, formatYuan } from "../workbench/format";
import { useCase, useCaseAction, type AftersalesCase, type CaseAction } from "./aftersales-api";
import { ComplaintChecklist, DueTime, EvidenceButton } from "./CaseExtras";
import { EligibilityNotes } from "./EligibilityNotes";

type Asked = { action: "offer_retention"; value: string } | { action: "mark_return_shipped"; value: string } | { action: "refund"; value: number | null };

const ASKS: Partial<Record<CaseAction, Asked>> = {
  offer_retention: { action: "offer_retention", value: "" },
  mark_return_shipped: { action: "mark_return_shipped", value: "" },
  refund: { action: "refund", value: null },
};

export function CaseDrawer({ customerId, caseId, onClose }: { customerId: string; caseId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const detail = useCase(caseId);
  const act = useCaseAction(customerId, caseId ?? "");
  const [asked, setAsked] = useState<Asked | null>(null);
  const c = detail.data?.case;

  const run = (current: AftersalesCase, action: CaseAction, extra: { offer?: string; trackingNumber?: string; refundCents?: number } = {}) =>
    act.mutate(
      { action, version: current.version, ...extra },
      {
        onSuccess: () => {
          setAsked(null);
          void message.success(t(`aftersales.actions.${action}`));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409 && err.code === "conflict") void message.warning(t("aftersales.conflict"));
          else if (err instanceof ApiError && err.code === "out_of_stock") void message.error(t("aftersales.outOfStock"));
          else void message.error(t("aftersales.actionFailed"));
        },
      },
    );

  const start = (current: AftersalesCase, action: CaseAction) => {
    const ask = ASKS[action];
    if (ask) setAsked(action === "refund" ? { action: "refund", value: current.refundCents ?? null } : ask);
    else run(current, action);
  };

  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      width={420}
      title={c ? t(`aftersales.kinds.${c.kind}`) : t("aftersales.title")}
      extra={c ? <EvidenceButton c={c} /> : null}
      destroyOnHidden
    >
      {!c ? (
        <Spin />
      ) : (
        <Flex vertical gap={16} data-testid="aftersales-case-detail" data-status={c.status}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("aftersales.status")}>
              <Tag color={c.status === "closed" ? "green" : c.status === "cancelled" ? "default" : "processing"}>{t(`aftersales.statuses.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("aftersales.reason")}>{t(`aftersales.reasons.${c.reason}`)}</Descriptions.Item>
            {c.retentionOffer && <Descriptions.Item label={t("aftersales.offer")}>{c.retentionOffer}</Descriptions.Item>}
            {c.retention && <Descriptions.Item label={t("aftersales.buyerAnswer")}>{t(`aftersales.retention.${c.retention}`)}</Descriptions.Item>}
            {c.trackingNumber && <Descriptions.Item label={t("aftersales.tracking")}>{c.trackingNumber}</Descriptions.Item>}
            {c.refundCents !== null && <Descriptions.Item label={t("aftersales.refundAmount")}>{formatYuan(c.refundCents)}</Descriptions.Item>}
            {c.note && <Descriptions.Item label={t("aftersales.note")}>{c.note}</Descriptions.Item>}
          </Descriptions>
          <DueTime c={c} customerId={customerId} />
          {c.eligibility && <EligibilityNotes eligibility={c.eligibility} />}
          <ComplaintChecklist c={c} customerId={customerId} />
          {c.actions.length > 0 && (
            <Flex gap={8} wrap>
              {c.actions.map((action) => (
                <Button
                  key={action}
                  size="small"
                  data-testid="aftersales-action"
                  data-action={action}
                  danger={action === "cancel"}
                  type={action === "cancel" ? "default" : "primary"}
                  ghost={action !== "cancel"}
                  loading={act.isPending && act.variables?.action === action}
                  onClick={() => start(c, action)}
                >
                  {t(`aftersales.do.${action}`)}
                </Button>
              ))}
            </Flex>
          )}
          <div>
            <Typography.Text strong>{t("aftersales.steps")}</Typography.Text>
            <Timeline
              style={{ marginTop: 12 }}
              items={(detail.data?.steps ?? []).map((step) => ({
                children: (
                  <div data-testid="aftersales-step">
                    <Typography.Text>{step.action === "open" ? t("aftersales.opened") : t(`aftersales.actions.${step.action}`)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {formatTime(step.at, i18n.language)} · {t(`aftersales.statuses.${step.to}`)}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          </div>
        </Flex>
      )}
      <Modal
        open={asked !== null}
        title={asked ? t(`aftersales.do.${asked.action}`) : ""}
        onCancel={() => setAsked(null)}
        okButtonProps={{ "data-testid": "aftersales-ask-ok", loading: act.isPending }}
        onOk={() => {
          if (!c || !asked) return;
          if (asked.action === "offer_retention") run(c, asked.action, { offer: asked.value.trim() });
          else if (asked.action === "mark_return_shipped") run(c, asked.action, { trackingNumber: asked.value.trim() });
          else if (asked.value !== null) run(c, "refund", { refundCents: Math.round(asked.value * 100) });
        }}
        destroyOnHidden
      >
        {asked?.action === "refund" ? (
          <InputNumber
            data-testid="aftersales-ask"
            autoFocus
            min={0.01}
            step={0.01}
            precision={2}
            prefix="¥"
            style={{ width: "100%" }}
            placeholder={t("aftersales.refundAmount")}
            value={asked.value}
            onChange={(value) => setAsked({ action: "refund", value: typeof value === "number" ? value : null })}
          />
        ) : asked ? (
          <Input
            data-testid="aftersales-ask"
            autoFocus
            maxLength={asked.action === "offer_retention" ? 500 : 100}
            placeholder={t(asked.action === "offer_retention" ? "aftersales.offerPlaceholder" : "aftersales.trackingPlaceholder")}
            value={asked.value}
            onChange={(e) => setAsked({ ...asked, value: e.target.value })}
          />
        ) : null}
      </Modal>
    </Drawer>
  );
}
