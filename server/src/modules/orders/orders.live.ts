// Open workbenches hear that an order changed (on any app node: the bus carries it) and
// refresh the sidebar, the order drawer and the order pages.
import type { EventBus } from "../../platform/events/bus";
import { sendToAgents, type ChatHub } from "../conversations";
import { ORDER_CHANGED, type OrderChangedEvent } from "./orders.changes";

export function startOrderEvents(bus: EventBus, hub: ChatHub): () => void {
  return bus.subscribe((message) => {
    if (message.topic !== ORDER_CHANGED) return;
    const p = message.payload as OrderChangedEvent;
    sendToAgents(hub, message.workspaceId, () => true, { type: "order.changed", orderId: p.orderId, customerId: p.customerId, status: p.status });
  });
}
