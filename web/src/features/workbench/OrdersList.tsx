import { Empty, Flex, Tag, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { Order } from "../../platform/types";
import { ORDER_STATUS_COLOR as STATUS_COLOR } from "../orders/status-colors";
import { formatTime, formatYuan, variantText } from "./format";

/** The buyer's orders, newest first as the server sends them; a click opens the order. */
export function OrdersList({ orders, onOpen }: { orders: readonly Order[]; onOpen?: (orderId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  if (orders.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customer.noOrders")} />;
  return (
    <Flex vertical gap={8}>
      {orders.map((order) => (
        <div
          key={order.id}
          data-testid="customer-order"
          data-order-id={order.id}
          role={onOpen ? "button" : undefined}
          tabIndex={onOpen ? 0 : undefined}
          onClick={onOpen ? () => onOpen(order.id) : undefined}
          onKeyDown={onOpen ? (e) => (e.key === "Enter" || e.key === " ") && onOpen(order.id) : undefined}
          style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 8, cursor: onOpen ? "pointer" : undefined }}
        >
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
