// Where an order may go from where it is (SPEC §3), for what QinDesk itself does to an
// order: the demo checkout, an agent cancelling an unpaid order, shipping, delivery. The
// shop's own system is the source of truth for its orders, so orders it reports by API
// or webhook take the status it says (orders.service.ts), and only stock follows.
import type { OrderStatus } from "./orders.schema";

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ["awaiting_payment", "paid", "cancelled"],
  awaiting_payment: ["paid", "cancelled"],
  paid: ["shipped", "refunding", "refunded"],
  shipped: ["delivered", "refunding", "refunded"],
  delivered: ["completed", "refunding", "refunded"],
  completed: ["refunding", "refunded"],
  // A refund request that is turned down puts the order back where it was.
  refunding: ["refunded", "paid", "shipped", "delivered", "completed"],
  cancelled: [],
  refunded: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

/** Not paid yet: the buyer may still pay, or the order be cancelled (催付 applies). */
export function isUnpaid(status: OrderStatus): boolean {
  return status === "created" || status === "awaiting_payment";
}

/** Paid and still in the warehouse: address, colour/size, remark and courier may change. */
export function isPaidUnshipped(order: { status: OrderStatus; shippedAt: Date | null }): boolean {
  return order.status === "paid" && order.shippedAt === null;
}

/** Not yet handed to the courier (paid or not): what ships may still change. */
export function isBeforeShipping(order: { status: OrderStatus; shippedAt: Date | null }): boolean {
  return (isUnpaid(order.status) || order.status === "paid") && order.shippedAt === null;
}

/** Statuses that end an order's claim on stock without it leaving the warehouse. */
export function releasesStock(status: OrderStatus): boolean {
  return status === "cancelled";
}
