// Another colour or size for an item of a paid, unshipped order (seed 000 §5.3: change the
// SKU instead of refund-and-rebuy). The real stock shows beside each choice; the buyer
// confirms in the chat, and only then does stock move.
import { App, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useProduct } from "../assistant/product-api";
import { variantText } from "../workbench/format";
import { sendOrderCard, type OrderView } from "./orders-api";

interface Props {
  open: boolean;
  order: OrderView;
  conversationId: string;
  onClose(): void;
}

export function SkuChangeModal({ open, order, conversationId, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changeable = order.items.filter((i) => i.skuId && i.productId);
  const [position, setPosition] = useState<number | null>(changeable[0]?.position ?? null);
  const [skuId, setSkuId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const item = changeable.find((i) => i.position === position) ?? null;
  const product = useProduct(open && item ? item.productId : null);
  const choices = (product.data?.skus ?? []).filter((s) => s.id !== item?.skuId);

  const send = async () => {
    if (position === null || !skuId) return;
    setSending(true);
    try {
      await sendOrderCard(order.id, { kind: "sku-change", conversationId, position, skuId });
      void message.success(t("orders.cardSent"));
      setSkuId(null);
      onClose();
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t("orders.failed"));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal open={open} title={t("orders.changeSku")} onCancel={onClose} onOk={() => void send()} okText={t("orders.sendToBuyer")} okButtonProps={{ disabled: !skuId, loading: sending, ...({ "data-testid": "sku-change-send" } as Record<string, string>) }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("orders.changeSkuHint")}</Typography.Paragraph>
      <Select
        style={{ width: "100%", marginBottom: 12 }}
        value={position ?? undefined}
        onChange={(value: number) => {
          setPosition(value);
          setSkuId(null);
        }}
        options={changeable.map((i) => ({ value: i.position, label: `${i.title ?? ""} (${variantText(i)}) × ${i.qty}` }))}
      />
      <Select
        style={{ width: "100%" }}
        placeholder={t("orders.chooseSku")}
        loading={product.isLoading}
        value={skuId ?? undefined}
        onChange={(value: string) => setSkuId(value)}
        data-testid="sku-change-choice"
        options={choices.map((s) => ({
          value: s.id,
          disabled: item !== null && s.stock < item.qty,
          label: `${variantText(s) || "—"} · ${t("orders.realStock", { count: s.stock })}`,
        }))}
      />
    </Modal>
  );
}
