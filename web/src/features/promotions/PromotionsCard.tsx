// Promotions beside the chat (seed 000, 003: tell the buyer about the gift before they
// ask): for the products the buyer sent as cards, or items the agent picks, what applies
// and what is close ("再买 ¥12 包邮"), each with a sentence to put in the reply.
import { CloseOutlined, GiftOutlined, MessageOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Empty, Flex, InputNumber, Select, Spin, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useShopProducts } from "../assistant/product-api";
import { insertIntoComposer } from "../quick-replies/composer-insert";
import { useMessages } from "../workbench/queries";
import { usePromotions, useEvaluation, type AppliedPromotion, type ClosePromotion, type EvaluateItem } from "./promotions-api";
import { draftKey, shortYuan, textParams } from "./wording";

interface Props {
  conversationId: string;
  shopId: string;
  canSend: boolean;
}

interface Picks {
  added: string[];
  removed: string[];
  quantities: Record<string, number>;
}

/** The products of the conversation's cards, first sent first, once each. */
function cardProducts(messages: readonly { kind: string; product: { productId: string; title: string } | null }[]) {
  const seen = new Map<string, string>();
  for (const m of messages) if (m.kind === "product" && m.product && !seen.has(m.product.productId)) seen.set(m.product.productId, m.product.title);
  return seen;
}

export function PromotionsCard({ conversationId, shopId, canSend }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const messages = useMessages(queryClient, conversationId);
  const [picks, setPicks] = useState<Picks>({ added: [], removed: [], quantities: {} });
  const [adding, setAdding] = useState(false);
  const products = useShopProducts(shopId, adding);
  const running = usePromotions(shopId);

  const cards = useMemo(() => cardProducts(messages.data ?? []), [messages.data]);
  const titles = useMemo(() => {
    const map = new Map(cards);
    for (const p of products.data?.items ?? []) map.set(p.id, p.title);
    return map;
  }, [cards, products.data]);
  const ids = [...new Set([...cards.keys(), ...picks.added])].filter((id) => !picks.removed.includes(id));
  const items: EvaluateItem[] = ids.map((productId) => ({ productId, quantity: picks.quantities[productId] ?? 1 }));
  const evaluation = useEvaluation(shopId, items);

  const setQuantity = (id: string, quantity: number) => setPicks((p) => ({ ...p, quantities: { ...p.quantities, [id]: quantity } }));
  const remove = (id: string) => setPicks((p) => ({ ...p, removed: [...p.removed, id] }));
  const add = (id: string) => {
    setPicks((p) => ({ ...p, added: [...p.added.filter((x) => x !== id), id], removed: p.removed.filter((x) => x !== id) }));
    setAdding(false);
  };

  const mention = (entry: AppliedPromotion | ClosePromotion) => insertIntoComposer(conversationId, t(draftKey(entry.key), textParams(entry.params)));
  const row = (entry: AppliedPromotion | ClosePromotion, tone: "applies" | "close") => (
    <Flex key={`${tone}-${entry.promotionId}`} align="center" gap={6} data-testid={`promotion-${tone}`} data-kind={entry.kind}>
      <Tag color={tone === "applies" ? "green" : "orange"} style={{ marginInlineEnd: 0 }}>
        {t(`promotions.tone.${tone}`)}
      </Tag>
      <Tooltip title={entry.name}>
        <Typography.Text style={{ fontSize: 13, flex: 1, minWidth: 0 }} ellipsis>
          {t(entry.key, textParams(entry.params))}
        </Typography.Text>
      </Tooltip>
      {canSend && (
        <Tooltip title={t("promotions.mention")}>
          <Button size="small" type="text" icon={<MessageOutlined />} aria-label={t("promotions.mention")} data-testid="promotion-mention" onClick={() => mention(entry)} />
        </Tooltip>
      )}
    </Flex>
  );

  const runningNow = (running.data ?? []).filter((p) => p.state === "running");
  const answer = evaluation.data;
  return (
    <div data-testid="promotions-card">
      <Flex align="center" gap={6} style={{ marginBottom: 8 }}>
        <GiftOutlined />
        <Typography.Text strong>{t("promotions.cardTitle")}</Typography.Text>
      </Flex>
      <Flex vertical gap={4}>
        {ids.map((id) => (
          <Flex key={id} align="center" gap={6} data-testid="promotion-item">
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0, fontSize: 12 }}>
              {titles.get(id) ?? id}
            </Typography.Text>
            <InputNumber size="small" min={1} max={99} value={picks.quantities[id] ?? 1} onChange={(v) => v && setQuantity(id, v)} style={{ width: 56 }} aria-label={t("promotions.quantity")} />
            <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t("promotions.removeItem")} onClick={() => remove(id)} />
          </Flex>
        ))}
        {adding ? (
          <Select
            size="small"
            autoFocus
            showSearch
            open
            optionFilterProp="label"
            placeholder={t("promotions.pickProduct")}
            loading={products.isPending}
            onChange={add}
            onBlur={() => setAdding(false)}
            options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} ${shortYuan(p.promoPriceCents ?? p.priceCents)}` }))}
            data-testid="promotion-pick"
          />
        ) : (
          <Button size="small" type="dashed" onClick={() => setAdding(true)} data-testid="promotion-add" style={{ alignSelf: "flex-start" }}>
            {t("promotions.addItem")}
          </Button>
        )}
      </Flex>
      <Flex vertical gap={4} style={{ marginTop: 8 }}>
        {ids.length === 0 ? (
          runningNow.length === 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("promotions.noneRunning")}
            </Typography.Text>
          ) : (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("promotions.runningNow")}
              </Typography.Text>
              {runningNow.map((p) => (
                <Typography.Text key={p.id} style={{ fontSize: 13 }} data-testid="promotion-running">
                  {p.description}
                </Typography.Text>
              ))}
            </>
          )
        ) : !answer ? (
          evaluation.isError ? <Typography.Text type="danger">{t("promotions.loadFailed")}</Typography.Text> : <Spin size="small" />
        ) : answer.applies.length + answer.close.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("promotions.nothingForItems")} style={{ margin: 0 }} />
        ) : (
          <>
            {answer.applies.map((a) => row(a, "applies"))}
            {answer.close.slice(0, 3).map((c) => row(c, "close"))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="promotion-total">
              {t("promotions.total", { subtotal: shortYuan(answer.subtotalCents), total: shortYuan(answer.totalCents) })}
            </Typography.Text>
          </>
        )}
      </Flex>
    </div>
  );
}
