// The order pages: every order by status, and the pick list the warehouse ships from —
// paid and not shipped, oldest paid first, with the remark (seed 000, 002: the right
// thing ships) and whether the buyer confirmed the address. A row opens the order.
import { Button, Card, Empty, Flex, Segmented, Table, Tag, Typography } from "antd";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../../app/route";
import { useSession } from "../../platform/session";
import type { OrderStatus } from "../../platform/types";
import { useShop } from "../settings/settings-api";
import { formatTime, formatYuan, variantText } from "../workbench/format";
import { OrderDrawer } from "./OrderDrawer";
import { useOrders, type OrderView } from "./orders-api";
import { ORDER_STATUS_COLOR } from "./status-colors";

const STATUS_TABS: (OrderStatus | "all")[] = ["all", "awaiting_payment", "paid", "shipped", "delivered", "completed", "refunding", "refunded", "cancelled"];

export type OrdersSection = "all" | "pick";

interface Props {
  section: string | null;
  /** Extra sections other features add (the 催付 list), by key. */
  extraSections?: { key: string; label: string; render: () => ReactNode }[];
}

export function OrdersPage({ section, extraSections = [] }: Props) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const shopId = me.shops[0]?.id;
  const shop = useShop(shopId ?? null).data;
  const current = section ?? "all";
  const [status, setStatus] = useState<OrderStatus | "all">("all");
  const [open, setOpen] = useState<string | null>(null);
  const pick = current === "pick";
  const orders = useOrders({ shop: shopId, toShip: pick, ...(status !== "all" && !pick && { status: [status] }) });
  const extra = extraSections.find((s) => s.key === current);

  const columns = useMemo(
    () => [
      { title: t("orders.number"), key: "ref", render: (_: unknown, o: OrderView) => <Typography.Text copyable={{ text: o.externalId ?? o.id }}>{o.externalId ?? o.id.slice(-10)}</Typography.Text> },
      { title: t("orders.buyer"), key: "buyer", render: (_: unknown, o: OrderView) => o.buyerNick ?? "—" },
      {
        title: t("orders.items"),
        key: "items",
        render: (_: unknown, o: OrderView) => (
          <Flex vertical>
            {o.items.map((i) => (
              <span key={i.position}>
                {i.title} {variantText(i) && <Typography.Text type="secondary">({variantText(i)})</Typography.Text>} × {i.qty}
              </span>
            ))}
          </Flex>
        ),
      },
      ...(pick
        ? [
            { title: t("orders.remark"), key: "remark", render: (_: unknown, o: OrderView) => (o.remark ? <Typography.Text mark data-testid="pick-remark">{o.remark}</Typography.Text> : "—") },
            { title: t("orders.addressCheck"), key: "verified", render: (_: unknown, o: OrderView) => (o.addressVerifiedAt ? <Tag color="green">{t("orders.verified")}</Tag> : <Tag>{t("orders.notVerified")}</Tag>) },
            { title: t("orders.courier"), key: "courier", render: (_: unknown, o: OrderView) => o.courier ?? "—" },
            { title: t("orders.paidAt"), key: "paidAt", render: (_: unknown, o: OrderView) => (o.paidAt ? formatTime(o.paidAt, i18n.language) : "—") },
          ]
        : [
            { title: t("orders.status"), key: "status", render: (_: unknown, o: OrderView) => <Tag color={ORDER_STATUS_COLOR[o.status]}>{t(`orderStatus.${o.status}`)}</Tag> },
            { title: t("orders.total"), key: "total", align: "right" as const, render: (_: unknown, o: OrderView) => formatYuan(o.totalCents) },
            { title: t("orders.createdAt"), key: "createdAt", render: (_: unknown, o: OrderView) => formatTime(o.createdAt, i18n.language) },
          ]),
    ],
    [t, i18n.language, pick],
  );

  const sections = [
    { value: "all", label: t("orders.sectionAll") },
    { value: "pick", label: t("orders.sectionPick") },
    ...extraSections.map((s) => ({ value: s.key, label: s.label })),
  ];

  return (
    <Flex vertical gap={16} style={{ padding: 24, maxWidth: 1200, margin: "0 auto" }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("orders.pageTitle")}
        </Typography.Title>
        <Segmented value={current} options={sections} onChange={(value) => navigate({ page: "orders", section: value === "all" ? null : String(value) })} data-testid="orders-sections" />
      </Flex>
      {extra ? (
        extra.render()
      ) : (
        <Card>
          {!pick && (
            <Segmented
              style={{ marginBottom: 12 }}
              value={status}
              onChange={(value) => setStatus(value as OrderStatus | "all")}
              options={STATUS_TABS.map((s) => ({ value: s, label: s === "all" ? t("orders.allStatuses") : `${t(`orderStatus.${s}`)} ${orders.data?.counts[s] ?? 0}` }))}
            />
          )}
          {pick && (
            <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t("orders.pickHint")}</Typography.Text>
              <Button onClick={() => window.print()}>{t("orders.print")}</Button>
            </Flex>
          )}
          <Table<OrderView>
            rowKey="id"
            size="middle"
            loading={orders.isLoading}
            dataSource={orders.data?.items ?? []}
            columns={columns}
            locale={{ emptyText: <Empty description={pick ? t("orders.nothingToShip") : t("orders.none")} /> }}
            onRow={(o) => ({ onClick: () => setOpen(o.id), style: { cursor: "pointer" }, "data-testid": pick ? "pick-row" : "order-row" }) as object}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
          />
        </Card>
      )}
      <OrderDrawer orderId={open} conversationId={null} canAct shop={shop ? { timezone: shop.timezone, shippingCutoff: shop.settings.shippingCutoff } : null} onClose={() => setOpen(null)} />
    </Flex>
  );
}
