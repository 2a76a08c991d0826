import { Empty, Flex, Tag, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { Order, OrderStatus } from "../../platform/types";
import { formatTime, formatYuan, variantText } from "./format";

const STATUS_COLOR: Record<OrderStatus, string> = {
  created: "default",
  awaiting_payment: "orange",
  paid: "blue",
  shipped: "cyan",
  delivered: "geekblue",
  completed: "green",
  cancelled: "default",
  refunding: "magenta",
  refunded: "purple",
};

/** The buyer's orders, newest first as the server sends them. */
export function OrdersList({ orders }: { orders: readonly Order[] }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  if (orders.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer.noOrders")} />;
  return (
    <Flex vertical gap={8}>
      {orders.map((order) => (
        <div key={order.id} data-testid="customer-order" style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 8 }}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {order.externalId ?? order.id} · {formatTime(order.createdAt, i18n.language)}
            </Typography.Text>
            <Tag color={STATUS_COLOR[order.status] ?? "default"} style={{ marginInlineEnd: 0 }}>
              {t(`orderStatus.${order.status}`, { defaultValue: order.status })}
            </Tag>
          </Flex>
          {order.items.map((item, index) => {
            const variant = variantText(item);
            return (
              <Flex key={`${item.productId ?? item.title}-${index}`} justify="space-between" gap={8} style={{ fontSize: 13, marginTop: 4 }}>
                <Typography.Text ellipsis={{ tooltip: item.title }} style={{ minWidth: 0 }}>
                  {item.title}
                  {variant && <Typography.Text type="secondary"> ({variant})</Typography.Text>}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
                  {formatYuan(item.priceCents)} × {item.qty}
                </Typography.Text>
              </Flex>
            );
          })}
          <Flex justify="flex-end" style={{ marginTop: 4 }}>
            <Typography.Text strong>{t("customer.orderTotal", { total: formatYuan(order.totalCents) })}</Typography.Text>
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
