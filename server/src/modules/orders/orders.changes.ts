// What happens when an order changes, without the orders module knowing who cares:
// - listeners run INSIDE the order's transaction (催付 timers, outbound webhooks enqueue
//   their jobs there, so a change and its follow-up commit or roll back together, and
//   run once however many app nodes there are);
// - after commit, `order.changed` goes out on the bus so open workbenches refresh.
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import type { OrderRow } from "./orders.repo";
import type { OrderStatus } from "./orders.schema";

export const ORDER_CHANGED = "order.changed";

export type OrderChangeKind = "created" | "status" | "address" | "sku" | "remark" | "courier" | "logistics";

export interface OrderChange {
  kind: OrderChangeKind;
  order: OrderRow;
  /** The status before, for kind "status" (and "created": null). */
  previousStatus: OrderStatus | null;
  /** The shop's own system reported it (API, webhook, its courier's events): it knows already. */
  fromShop?: boolean;
}

export type OrderChangeListener = (tx: Db, change: OrderChange) => Promise<void>;

// Keyed by name: building a second app in the same process (tests) replaces, never doubles.
const listeners = new Map<string, OrderChangeListener>();

export function onOrderChange(name: string, listener: OrderChangeListener): void {
  listeners.set(name, listener);
}

export async function runOrderListeners(tx: Db, change: OrderChange): Promise<void> {
  for (const listener of listeners.values()) await listener(tx, change);
}

export interface OrderChangedEvent {
  orderId: string;
  shopId: string;
  customerId: string;
  kind: OrderChangeKind;
  status: OrderStatus;
}

export async function publishOrderChanged(bus: EventBus, order: OrderRow, kind: OrderChangeKind): Promise<void> {
  const payload: OrderChangedEvent = { orderId: order.id, shopId: order.shopId, customerId: order.customerId, kind, status: order.status };
  await bus.publish({ topic: ORDER_CHANGED, workspaceId: order.workspaceId, payload });
}
