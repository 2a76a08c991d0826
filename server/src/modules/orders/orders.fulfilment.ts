// From the warehouse to the buyer's door: the courier (the shop's default, or one the
// buyer asks for at the surcharge the shop set — seed 000, 004), shipping, and the
// logistics timeline that couriers push (or the demo courier simulates), which moves the
// order to delivered when the parcel is signed for.
import type { Db } from "../../platform/db/database";
import { HttpError } from "../../platform/http/errors";
import type { ShopRow } from "../workspace";
import { isBeforeShipping } from "./order-status";
import { runOrderListeners } from "./orders.changes";
import { addOrderEvent, updateOrderRow, type OrderRow } from "./orders.repo";
import { changeOrder, moveStatusIn, type OrderDeps } from "./orders.service";
import type { LogisticsEventInput } from "./orders.shapes";

export interface CourierOption {
  name: string;
  surchargeCents: number;
}

/** The couriers a shop ships with: its default at no extra cost, then the ones a buyer may choose. */
export function courierOptionsOf(settings: Record<string, unknown>): CourierOption[] {
  const options = Array.isArray(settings.courierOptions) ? (settings.courierOptions as CourierOption[]) : [];
  const fallback = typeof settings.defaultCourier === "string" ? settings.defaultCourier : null;
  const list = fallback ? [{ name: fallback, surchargeCents: 0 }] : [];
  for (const option of options) if (!list.some((o) => o.name === option.name)) list.push(option);
  return list;
}

/**
 * Ships with `courier`. On an unpaid order the surcharge is added to what the buyer pays;
 * on a paid one it is recorded as owed (the buyer tops up, 补运费), never charged silently.
 */
export function setCourier(deps: OrderDeps, shop: ShopRow, orderId: string, agentId: string, courier: string): Promise<OrderRow> {
  const option = courierOptionsOf(shop.settings).find((o) => o.name === courier);
  if (!option) throw new HttpError(400, "invalid", "The shop does not ship with this courier (shop settings: courier options)", "courier");
  return changeOrder(deps, shop.workspaceId, orderId, "courier", async (tx, order) => {
    if (!isBeforeShipping(order)) throw new HttpError(409, "shipped", "The order has already shipped: its courier cannot change", "courier");
    const before = order.courierSurchargeCents ?? 0;
    const unpaid = order.paidAt === null;
    const updated = await updateOrderRow(tx, order.id, {
      courier: option.name,
      courierSurchargeCents: option.surchargeCents || null,
      ...(unpaid && { totalCents: order.totalCents - before + option.surchargeCents }),
    });
    const extra = option.surchargeCents > 0 ? `（加 ¥${(option.surchargeCents / 100).toFixed(2)}${unpaid ? "" : "，待补"}）` : "";
    await addOrderEvent(tx, order, { kind: "courier", description: `快递：${option.name}${extra}`, agentId });
    await runOrderListeners(tx, { kind: "courier", order: updated, previousStatus: null });
    return updated;
  });
}

/** Hands the order to the courier: paid and not yet shipped. */
export function shipOrder(deps: OrderDeps, workspaceId: string, orderId: string, agentId: string | null, shipment: { courier?: string; trackingNo?: string }): Promise<OrderRow> {
  return changeOrder(deps, workspaceId, orderId, "status", async (tx, order) => {
    if (order.status !== "paid" || order.shippedAt !== null) throw new HttpError(409, "invalid_transition", `An order that is ${order.status} cannot be shipped`, "status");
    return moveStatusIn(tx, order, {
      to: "shipped",
      agentId,
      fields: { ...(shipment.courier && { courier: shipment.courier }), ...(shipment.trackingNo && { trackingNo: shipment.trackingNo }) },
      ...(shipment.trackingNo && { note: `${shipment.courier ?? order.courier ?? ""} ${shipment.trackingNo}`.trim() }),
    });
  });
}

/**
 * Adds courier events to the order's timeline (each once, by its id). A parcel on the move
 * means the order has shipped; a delivered event means the buyer signed for it (the
 * 7-day return window and the after-delivery follow-up start there).
 */
export async function addLogisticsEvents(deps: OrderDeps, workspaceId: string, orderId: string, events: LogisticsEventInput[]): Promise<{ order: OrderRow; added: number }> {
  let added = 0;
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const order = await changeOrder(deps, workspaceId, orderId, "logistics", async (tx: Db, locked) => {
    let order = locked;
    if (order.status === "cancelled" || order.paidAt === null) throw new HttpError(409, "not_paid", "An unpaid or cancelled order has no parcel to track", "events");
    for (const event of sorted) {
      const at = new Date(event.at);
      const fresh = await addOrderEvent(tx, order, {
        kind: "logistics",
        status: event.status ?? null,
        location: event.location ?? null,
        description: event.description,
        at,
        externalId: event.id ?? `${event.at}|${event.description}`,
      });
      if (!fresh) continue;
      added += 1;
      if (order.status === "paid" && order.shippedAt === null) order = await moveStatusIn(tx, order, { to: "shipped", at, fromShopSystem: true });
      if (event.status === "delivered" && (order.status === "shipped" || order.status === "paid")) order = await moveStatusIn(tx, order, { to: "delivered", at, fromShopSystem: true });
    }
    if (added > 0) await runOrderListeners(tx, { kind: "logistics", order, previousStatus: null, fromShop: true });
    return order;
  });
  return { order, added };
}
