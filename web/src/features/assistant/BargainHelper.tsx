// When the buyer bargains: the concession plan of seed 001 for the product in question —
// a small gift, free shipping or a coupon before any price, then prices in shrinking steps
// down to (never below) the floor price. Picking a step drafts the reply into the chat
// input; the final price needs a reason first. The agent still reads and sends it.
import { DollarOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Tooltip, Typography, theme } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { concessionPlan, type ConcessionStep } from "../../../../server/src/modules/assistant/bargain";
import { insertIntoComposer } from "../quick-replies/composer-insert";
import { usePromotions } from "../promotions/promotions-api";
import { useShopPolicies } from "../settings/use-shop-policies";
import { useProduct, useShopProducts } from "./product-api";

const REASONS = ["returning", "multiple", "clearance", "first_order"] as const;

const yuan = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

interface Props {
  conversationId: string;
  shopId: string;
  /** The product the chat is about (the latest product card), if any. */
  productId: string | null;
  onClose: () => void;
}

export function BargainHelper({ conversationId, shopId, productId, onClose }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [picked, setPicked] = useState<string | null>(productId);
  const [reason, setReason] = useState<(typeof REASONS)[number] | null>(null);
  const products = useShopProducts(shopId, picked === null);
  const detail = useProduct(picked);
  const product = detail.data?.product;
  const listPrice = product ? (product.promoPriceCents ?? product.priceCents) : null;
  // The shop's policies: its concession pattern, free shipping on request, and a coupon only when one is running.
  const policies = useShopPolicies(shopId);
  const couponAvailable = (usePromotions(shopId).data ?? []).some((p) => p.kind === "coupon" && p.state === "running");
  const steps = useMemo(
    () =>
      product && listPrice !== null
        ? concessionPlan({
            priceCents: listPrice,
            floorPriceCents: product.floorPriceCents,
            pattern: policies.concessionPattern,
            freeShippingOnRequest: policies.freeShippingOnRequest === "grant_when_needed",
            couponAvailable,
          })
        : [],
    [product, listPrice, policies, couponAvailable],
  );

  const draft = (step: ConcessionStep): string => {
    const title = product?.title ?? "";
    switch (step.kind) {
      case "price":
        return step.final
          ? t("bargain.draft.final", { price: yuan(step.priceCents), reason: t(`bargain.reason.${reason}`) })
          : t("bargain.draft.price", { price: yuan(step.priceCents), product: title });
      default:
        return t(`bargain.draft.${step.kind}`, { product: title });
    }
  };
  const label = (step: ConcessionStep) =>
    step.kind === "price" ? t(step.final ? "bargain.step.final" : "bargain.step.price", { price: yuan(step.priceCents), off: yuan(step.concededCents) }) : t(`bargain.step.${step.kind}`);

  return (
    <div data-testid="bargain-helper" style={{ padding: "8px 12px", background: token.colorFillQuaternary, borderTop: `1px solid ${token.colorBorderSecondary}` }}>
      <Flex align="center" gap={8} wrap>
        <DollarOutlined style={{ color: token.colorWarning }} />
        <Typography.Text strong style={{ fontSize: 13 }}>
          {t("bargain.title")}
        </Typography.Text>
        {product ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("bargain.product", { title: product.title, price: yuan(listPrice!) })}
            {product.floorPriceCents !== null && ` · ${t("bargain.floor", { price: yuan(product.floorPriceCents) })}`}
          </Typography.Text>
        ) : (
          <Select
            size="small"
            style={{ minWidth: 200 }}
            placeholder={t("bargain.pickProduct")}
            loading={products.isPending}
            onChange={(id: string) => setPicked(id)}
            options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            data-testid="bargain-product"
          />
        )}
        <Button size="small" type="text" onClick={onClose} style={{ marginInlineStart: "auto" }}>
          {t("bargain.hide")}
        </Button>
      </Flex>
      {product && (
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          {steps.map((step, i) => {
            const needsReason = step.kind === "price" && step.final && reason === null;
            return (
              <Tooltip key={i} title={needsReason ? t("bargain.needReason") : draft(step)}>
                <Button size="small" data-testid="bargain-step" data-kind={step.kind} disabled={needsReason} onClick={() => insertIntoComposer(conversationId, draft(step))}>
                  {label(step)}
                </Button>
              </Tooltip>
            );
          })}
          {steps.some((s) => s.kind === "price" && s.final) && (
            <Select
              size="small"
              style={{ minWidth: 140 }}
              placeholder={t("bargain.reasonPlaceholder")}
              value={reason}
              onChange={setReason}
              options={REASONS.map((r) => ({ value: r, label: t(`bargain.reason.${r}`) }))}
              data-testid="bargain-reason"
            />
          )}
          {product.floorPriceCents === null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("bargain.noFloor")}
            </Typography.Text>
          )}
        </Flex>
      )}
    </div>
  );
}
