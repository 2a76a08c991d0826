// Orders as the workbench reads and changes them (server/src/modules/orders, order-cards):
// one order with its timeline, the lists of the orders page, and the actions an agent
// takes from the chat. Every change answers the order as it now is.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../../platform/api";
import type { ChatMessage, OrderStatus } from "../../platform/types";

export interface OrderItemView {
  position: number;
  productId: string | null;
  skuId: string | null;
  title: string | null;
  color: string | null;
  size: string | null;
  qty: number;
  priceCents: number;
}

export interface OrderView {
  id: string;
  externalId: string | null;
  shopId: string;
  customerId: string;
  status: OrderStatus;
  source: string;
  totalCents: number;
  shippingFeeCents: number | null;
  discountCents: number | null;
  createdAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  recipient: { name: string; phone: string | null; address: string | null; revealed: boolean } | null;
  addressVerifiedAt: string | null;
  remark: string | null;
  remarkAt: string | null;
  courier: string | null;
  courierSurchargeCents: number | null;
  trackingNo: string | null;
  items: OrderItemView[];
  buyerNick?: string | null;
}

export interface TimelineEvent {
  id: string;
  kind: string;
  status: string | null;
  location: string | null;
  description: string;
  agentId: string | null;
  at: string;
}

export interface OrderDetail {
  order: OrderView;
  timeline: TimelineEvent[];
  actions: { id: string; kind: string; state: string; conversationId: string; createdAt: string; resolvedAt: string | null }[];
  reminders: { ordinal: number; automatic: boolean; sentAt: string }[];
  couriers?: { name: string; surchargeCents: number }[];
}

export const orderKey = (id: string) => ["order", id] as const;

export function useOrder(id: string | null) {
  return useQuery({
    queryKey: orderKey(id ?? ""),
    enabled: id !== null,
    queryFn: ({ signal }) => apiGet<OrderDetail>(`/api/v1/orders/${encodeURIComponent(id!)}`, signal),
  });
}

export interface OrderListFilter {
  shop?: string;
  status?: OrderStatus[];
  toShip?: boolean;
}

export function useOrders(filter: OrderListFilter) {
  const params = new URLSearchParams({ limit: "200" });
  if (filter.shop) params.set("shop", filter.shop);
  if (filter.status?.length) params.set("status", filter.status.join(","));
  if (filter.toShip) params.set("toShip", "true");
  return useQuery({
    queryKey: ["orders", "list", params.toString()],
    queryFn: ({ signal }) => apiGet<{ items: OrderView[]; counts: Partial<Record<OrderStatus, number>> }>(`/api/v1/orders?${params.toString()}`, signal),
  });
}

type Action =
  | { kind: "remark"; remark: string }
  | { kind: "courier"; courier: string }
  | { kind: "cancel"; reason?: string }
  | { kind: "ship"; trackingNo?: string; courier?: string }
  | { kind: "reveal" };

/** Remark, courier, cancel, ship, reveal: the answer replaces the cached order. */
export function useOrderAction(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: Action) => apiPost<OrderDetail>(`/api/v1/orders/${encodeURIComponent(orderId)}/${kind}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData<OrderDetail>(orderKey(orderId), (old) => ({ ...old, ...detail }));
      void queryClient.invalidateQueries({ queryKey: ["orders"] });
      void queryClient.invalidateQueries({ queryKey: ["customer", detail.order.customerId] });
    },
  });
}

/** Address check or colour/size change, sent into the conversation as an order card. */
export function sendOrderCard(orderId: string, card: { kind: "address-check"; conversationId: string } | { kind: "sku-change"; conversationId: string; position: number; skuId: string }) {
  const { kind, ...body } = card;
  return apiPost<{ message: ChatMessage }>(`/api/v1/orders/${encodeURIComponent(orderId)}/${kind}`, body);
}

export function withdrawOrderCard(actionId: string) {
  return apiPost<{ card: unknown }>(`/api/v1/order-actions/${encodeURIComponent(actionId)}/withdraw`, {});
}
