import type { OrderStatus } from "../../platform/types";

/** One colour per order status, wherever an order shows (sidebar, drawer, order pages). */
export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
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
