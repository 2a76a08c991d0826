// Products beside the chat (seed 000: answer with the real stock, suggest the size): search
// the shop's products, see the real stock of every colour × size at a glance, send the
// product card into the chat, and ask the size helper with the buyer's height and weight.
import { SendOutlined } from "@ant-design/icons";
import { Button, Collapse, Descriptions, Empty, Flex, Input, InputNumber, Spin, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { adviseSize } from "../../../../server/src/modules/catalog/size-advice";
import { useRealtime } from "../../platform/realtime/RealtimeProvider";
import { useProduct, useShopProducts, type SkuStock } from "../assistant/product-api";
import { formatYuan } from "../workbench/format";
import type { Knowledge } from "./catalog-api";

const LOW_STOCK = 3;

/** Rows of colours, columns of sizes, in the order the shop listed them. */
export function stockGrid(skus: readonly SkuStock[]): { sizes: string[]; rows: { color: string; stock: Record<string, number> }[] } {
  const sizes: string[] = [];
  const rows = new Map<string, Record<string, number>>();
  for (const sku of skus) {
    const size = sku.size ?? "—";
    const color = sku.color ?? "—";
    if (!sizes.includes(size)) sizes.push(size);
    const row = rows.get(color) ?? {};
    row[size] = sku.stock;
    rows.set(color, row);
  }
  return { sizes, rows: [...rows].map(([color, stock]) => ({ color, stock })) };
}

export function ProductHelper({ conversationId, shopId, canSend }: { conversationId: string; shopId: string; canSend: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const list = useShopProducts(shopId, true, query);
  return (
    <div data-testid="product-helper">
      <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
        {t("catalog.title")}
      </Typography.Text>
      <Input.Search size="small" allowClear placeholder={t("catalog.search")} onSearch={(value) => setQuery(value.trim())} data-testid="product-search" />
      {picked ? (
        <ProductDetail productId={picked} conversationId={conversationId} canSend={canSend} onBack={() => setPicked(null)} />
      ) : list.isPending ? (
        <Spin style={{ display: "block", margin: 16 }} />
      ) : (list.data?.items ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("catalog.none")} />
      ) : (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          {list.data!.items.slice(0, 20).map((p) => (
            <Button key={p.id} type="text" block data-testid="product-item" style={{ height: "auto", textAlign: "start", padding: "4px 8px" }} onClick={() => setPicked(p.id)}>
              <Flex justify="space-between" gap={8} style={{ width: "100%" }}>
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  {p.title}
                </Typography.Text>
                <Typography.Text type="danger">{formatYuan(p.promoPriceCents ?? p.priceCents)}</Typography.Text>
              </Flex>
            </Button>
          ))}
        </Flex>
      )}
    </div>
  );
}

function ProductDetail({ productId, conversationId, canSend, onBack }: { productId: string; conversationId: string; canSend: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const client = useRealtime();
  const detail = useProduct(productId);
  const [height, setHeight] = useState<number | null>(null);
  const [weight, setWeight] = useState<number | null>(null);
  const grid = useMemo(() => stockGrid(detail.data?.skus ?? []), [detail.data]);
  if (!detail.data) return <Spin style={{ display: "block", margin: 16 }} />;
  const { product } = detail.data;
  // The typed knowledge (catalog/knowledge.ts); an older server sends only attributes.
  const knowledge: Knowledge = (product as { knowledge?: Knowledge }).knowledge ?? {};
  const advice = height && weight ? adviseSize(knowledge.sizeChart ?? product.attributes.sizeChart, height, weight) : null;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="product-detail">
      <Flex justify="space-between" align="center" gap={8}>
        <Button size="small" type="link" onClick={onBack} style={{ paddingInline: 0 }}>
          {t("catalog.back")}
        </Button>
        {canSend && (
          <Button
            size="small"
            icon={<SendOutlined />}
            data-testid="product-send"
            onClick={() => client.sendMessage({ conversationId, kind: "product", productId: product.id, text: product.title })}
          >
            {t("catalog.sendCard")}
          </Button>
        )}
      </Flex>
      <Typography.Text strong>{product.title}</Typography.Text>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text type="danger" strong>
          {formatYuan(product.promoPriceCents ?? product.priceCents)}
        </Typography.Text>
        {product.promoPriceCents !== null && <Typography.Text delete type="secondary">{formatYuan(product.priceCents)}</Typography.Text>}
        {product.floorPriceCents !== null && <Tag color="gold">{t("catalog.floor", { price: formatYuan(product.floorPriceCents) })}</Tag>}
      </Flex>
      <Table
        size="small"
        pagination={false}
        rowKey="color"
        data-testid="product-stock"
        dataSource={grid.rows}
        scroll={{ x: "max-content" }}
        columns={[
          { key: "color", title: t("catalog.color"), dataIndex: "color" },
          ...grid.sizes.map((size) => ({
            key: size,
            title: size,
            align: "center" as const,
            render: (_: unknown, row: { stock: Record<string, number> }) => {
              const n = row.stock[size];
              if (n === undefined) return "—";
              return <Typography.Text type={n === 0 ? "danger" : n <= LOW_STOCK ? "warning" : undefined}>{n === 0 ? t("catalog.soldOut") : n}</Typography.Text>;
            },
          })),
        ]}
      />
      <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 56 } }} data-testid="product-knowledge">
        {knowledge.material && <Descriptions.Item label={t("catalog.material")}>{knowledge.material}</Descriptions.Item>}
        {knowledge.sellingPoints && <Descriptions.Item label={t("catalog.sellingPoints")}>{knowledge.sellingPoints.join("；")}</Descriptions.Item>}
        {knowledge.suits && <Descriptions.Item label={t("catalog.suits")}>{knowledge.suits}</Descriptions.Item>}
        {knowledge.care && <Descriptions.Item label={t("catalog.care")}>{knowledge.care}</Descriptions.Item>}
        {knowledge.knownLimits && <Descriptions.Item label={t("catalog.knownLimits")}>{knowledge.knownLimits}</Descriptions.Item>}
      </Descriptions>
      {knowledge.faq && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: "faq",
              label: t("catalog.faq"),
              children: (
                <Flex vertical gap={4}>
                  {knowledge.faq.map((f) => (
                    <Typography.Text key={f.q} style={{ fontSize: 12 }}>
                      <b>{f.q}</b> {f.a}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
      <Flex gap={6} align="center" wrap data-testid="size-helper">
        <Typography.Text style={{ fontSize: 13 }}>{t("catalog.sizeHelper")}</Typography.Text>
        <InputNumber size="small" min={80} max={220} placeholder={t("catalog.height")} value={height} onChange={setHeight} suffix="cm" style={{ width: 96 }} data-testid="size-height" />
        <InputNumber size="small" min={20} max={200} placeholder={t("catalog.weight")} value={weight} onChange={setWeight} suffix="kg" style={{ width: 96 }} data-testid="size-weight" />
        {height && weight ? (
          advice ? (
            <Tag color={advice.exact ? "green" : "orange"} data-testid="size-advice" data-size={advice.size}>
              {advice.exact ? t("catalog.adviceExact", { size: advice.size }) : advice.byHeight ? t("catalog.adviceBetween", { size: advice.size, other: advice.byHeight }) : t("catalog.adviceNearest", { size: advice.size })}
            </Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("catalog.noChart")}
            </Typography.Text>
          )
        ) : null}
      </Flex>
    </Flex>
  );
}
