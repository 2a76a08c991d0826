// "Try it": pick products (or type a price) and a moment in shop time, and see what the
// shop's promotions give — the same answer the chat sidebar shows an agent.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Empty, Flex, InputNumber, Select, Spin, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useShopProducts } from "../assistant/product-api";
import { useEvaluation, type EvaluateItem } from "./promotions-api";
import { shortYuan, textParams } from "./wording";

interface Line {
  key: number;
  productId: string | null;
  /** Yuan, for a line without a product. */
  price: number | null;
  quantity: number;
}

let nextKey = 1;

export function TryItBox({ shopId, timeZone }: { shopId: string; timeZone: string }) {
  const { t } = useTranslation();
  const products = useShopProducts(shopId, true);
  const [lines, setLines] = useState<Line[]>([{ key: nextKey++, productId: null, price: null, quantity: 1 }]);
  const [at, setAt] = useState<Dayjs | null>(null);
  const items: EvaluateItem[] = lines.flatMap((l): EvaluateItem[] =>
    l.productId ? [{ productId: l.productId, quantity: l.quantity }] : l.price !== null ? [{ unitPriceCents: Math.round(l.price * 100), quantity: l.quantity }] : [],
  );
  const evaluation = useEvaluation(shopId, items, at ? at.format("YYYY-MM-DDTHH:mm") : undefined);
  const change = (key: number, patch: Partial<Line>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const answer = items.length > 0 ? evaluation.data : undefined;

  return (
    <Card title={t("promotions.tryTitle")} size="small" data-testid="promotion-try">
      <Flex vertical gap={8}>
        {lines.map((line) => (
          <Flex key={line.key} gap={8} align="center" wrap data-testid="try-line">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 220, flex: 1 }}
              placeholder={t("promotions.tryProduct")}
              value={line.productId}
              onChange={(productId: string | undefined) => change(line.key, { productId: productId ?? null })}
              options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} ${shortYuan(p.promoPriceCents ?? p.priceCents)}` }))}
              data-testid="try-product"
            />
            {!line.productId && (
              <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" placeholder={t("promotions.tryPrice")} value={line.price} onChange={(price) => change(line.key, { price })} style={{ width: 130 }} data-testid="try-price" />
            )}
            <InputNumber min={1} max={999} value={line.quantity} onChange={(q) => q && change(line.key, { quantity: q })} style={{ width: 80 }} aria-label={t("promotions.quantity")} data-testid="try-quantity" />
            {lines.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={t("common.delete")} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))} />}
          </Flex>
        ))}
        <Flex gap={8} wrap align="center">
          <Button size="small" icon={<PlusOutlined />} onClick={() => setLines((all) => [...all, { key: nextKey++, productId: null, price: null, quantity: 1 }])}>
            {t("promotions.tryAddLine")}
          </Button>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" value={at} onChange={setAt} placeholder={t("promotions.tryNow")} data-testid="try-at" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("promotions.tryZone", { zone: timeZone })}
          </Typography.Text>
        </Flex>
        {items.length === 0 ? null : !answer ? (
          evaluation.isError ? <Typography.Text type="danger">{t("promotions.loadFailed")}</Typography.Text> : <Spin size="small" />
        ) : (
          <Flex vertical gap={4} data-testid="try-result">
            <Typography.Text data-testid="try-total">{t("promotions.total", { subtotal: shortYuan(answer.subtotalCents), total: shortYuan(answer.totalCents) })}</Typography.Text>
            {answer.applies.length + answer.close.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("promotions.nothingForItems")} style={{ margin: 0 }} />}
            {[...answer.applies.map((e) => ({ e, tone: "applies" as const })), ...answer.close.map((e) => ({ e, tone: "close" as const }))].map(({ e, tone }) => (
              <Flex key={`${tone}-${e.promotionId}`} gap={6} align="center" data-testid={`try-${tone}`}>
                <Tag color={tone === "applies" ? "green" : "orange"}>{t(`promotions.tone.${tone}`)}</Tag>
                <Typography.Text>{t(e.key, textParams(e.params))}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.name}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
