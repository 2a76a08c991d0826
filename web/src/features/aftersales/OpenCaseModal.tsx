// Opening an after-sales case for one of the buyer's orders, with the eligibility
// computed live as the agent picks the kind, reason and the item's condition.
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Order } from "../../platform/types";
import { formatTime, formatYuan } from "../workbench/format";
import { CASE_KINDS, REASON_CODES, useEligibility, useOpenCase, type AftersalesCase, type CaseKind, type ItemCondition, type ReasonCode } from "./aftersales-api";
import { EligibilityNotes } from "./EligibilityNotes";

const CONDITIONS: ItemCondition[] = ["unused", "used", "damaged_by_buyer"];
const GOODS_BACK = new Set<CaseKind>(["return", "exchange", "quality_complaint", "wrong_item"]);

interface Props {
  customerId: string;
  conversationId: string | null;
  orders: readonly Order[];
  open: boolean;
  onClose: () => void;
  onOpened: (c: AftersalesCase) => void;
}

export function OpenCaseModal({ customerId, conversationId, orders, open, onClose, onOpened }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [orderId, setOrderId] = useState<string | null>(orders[0]?.id ?? null);
  const [kind, setKind] = useState<CaseKind>("return");
  const [reason, setReason] = useState<ReasonCode>("no_reason");
  const [condition, setCondition] = useState<ItemCondition | null>(null);
  const [note, setNote] = useState("");
  const eligibility = useEligibility(open && orderId ? { orderId, kind, reason, condition: GOODS_BACK.has(kind) ? condition : null } : null);
  const create = useOpenCase(customerId);

  const submit = () =>
    create.mutate(
      {
        kind,
        reason,
        ...(orderId ? { orderId } : {}),
        ...(conversationId ? { conversationId } : {}),
        ...(condition && GOODS_BACK.has(kind) ? { condition } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: (c) => {
          onClose();
          onOpened(c);
        },
        onError: () => void message.error(t("aftersales.openFailed")),
      },
    );

  return (
    <Modal
      open={open}
      title={t("aftersales.openTitle")}
      okText={t("aftersales.openSubmit")}
      okButtonProps={{ "data-testid": "aftersales-submit", loading: create.isPending, disabled: !orderId && !conversationId }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t("aftersales.order")}>
          <Select
            value={orderId}
            onChange={setOrderId}
            data-testid="aftersales-order"
            options={orders.map((o) => ({ value: o.id, label: `${o.externalId ?? o.id} · ${formatTime(o.createdAt, i18n.language)} · ${formatYuan(o.totalCents)}` }))}
          />
        </Form.Item>
        <Form.Item label={t("aftersales.kind")}>
          <Select value={kind} onChange={setKind} data-testid="aftersales-kind" options={CASE_KINDS.map((k) => ({ value: k, label: t(`aftersales.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t("aftersales.reason")} extra={t("aftersales.reasonHint")}>
          <Select value={reason} onChange={setReason} data-testid="aftersales-reason" options={REASON_CODES.map((r) => ({ value: r, label: t(`aftersales.reasons.${r}`) }))} />
        </Form.Item>
        {GOODS_BACK.has(kind) && (
          <Form.Item label={t("aftersales.condition")}>
            <Select
              value={condition}
              allowClear
              placeholder={t("aftersales.conditionUnknown")}
              onChange={(value?: ItemCondition) => setCondition(value ?? null)}
              options={CONDITIONS.map((c) => ({ value: c, label: t(`aftersales.conditions.${c}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t("aftersales.note")}>
          <Input.TextArea value={note} maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        {eligibility.data?.eligibility && <EligibilityNotes eligibility={eligibility.data.eligibility} />}
      </Form>
    </Modal>
  );
}
