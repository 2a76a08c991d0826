// Orders as agents see them: the recipient's phone and address masked unless the agent
// revealed them (logged), items with their product and colour/size, and the timeline.
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { maskAddress, maskPhone } from "../../platform/privacy/mask";
import { products, skus } from "../catalog";
import { customers } from "../customers";
import { eventsOf, type OrderRow } from "./orders.repo";
import { orderActions, orderItems, orders, unpaidReminders, type OrderStatus } from "./orders.schema";

export async function itemViews(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({
      orderId: orderItems.orderId,
      position: orderItems.position,
      productId: orderItems.productId,
      skuId: orderItems.skuId,
      title: products.title,
      color: skus.color,
      size: skus.size,
      qty: orderItems.qty,
      priceCents: orderItems.priceCents,
    })
    .from(orderItems)
    .leftJoin(products, eq(products.id, orderItems.productId))
    .leftJoin(skus, eq(skus.id, orderItems.skuId))
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(orderItems.orderId), asc(orderItems.position));
}

export function orderView(o: OrderRow, items: Awaited<ReturnType<typeof itemViews>>, revealed = false) {
  return {
    id: o.id,
    externalId: o.externalId,
    shopId: o.shopId,
    customerId: o.customerId,
    status: o.status,
    source: o.source,
    totalCents: o.totalCents,
    shippingFeeCents: o.shippingFeeCents,
    discountCents: o.discountCents,
    createdAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    shippedAt: o.shippedAt?.toISOString() ?? null,
    deliveredAt: o.deliveredAt?.toISOString() ?? null,
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    recipient: o.recipientName
      ? { name: o.recipientName, phone: revealed ? o.recipientPhone : maskPhone(o.recipientPhone), address: revealed ? o.shippingAddress : maskAddress(o.shippingAddress), revealed }
      : null,
    addressVerifiedAt: o.addressVerifiedAt?.toISOString() ?? null,
    remark: o.remark,
    remarkAt: o.remarkAt?.toISOString() ?? null,
    courier: o.courier,
    courierSurchargeCents: o.courierSurchargeCents,
    trackingNo: o.trackingNo,
    items: items.filter((i) => i.orderId === o.id).map(({ orderId: _o, ...item }) => item),
  };
}
export type OrderView = ReturnType<typeof orderView>;

export async function orderDetail(db: Db, order: OrderRow, revealed = false) {
  const [items, events, actions, reminders] = await Promise.all([
    itemViews(db, [order.id]),
    eventsOf(db, order.id),
    db.select().from(orderActions).where(eq(orderActions.orderId, order.id)).orderBy(desc(orderActions.createdAt)),
    db.select({ ordinal: unpaidReminders.ordinal, automatic: unpaidReminders.automatic, sentAt: unpaidReminders.sentAt }).from(unpaidReminders).where(eq(unpaidReminders.orderId, order.id)).orderBy(asc(unpaidReminders.ordinal)),
  ]);
  return {
    order: orderView(order, items, revealed),
    timeline: events.map((e) => ({ id: e.id, kind: e.kind, status: e.status, location: e.location, description: e.description, agentId: e.agentId, at: e.at.toISOString() })),
    actions: actions.map((a) => ({ id: a.id, kind: a.kind, state: a.state, conversationId: a.conversationId, createdAt: a.createdAt.toISOString(), resolvedAt: a.resolvedAt?.toISOString() ?? null })),
    reminders: reminders.map((r) => ({ ...r, sentAt: r.sentAt.toISOString() })),
  };
}

export interface OrderFilter {
  shopId?: string | undefined;
  customerId?: string | undefined;
  statuses?: OrderStatus[] | undefined;
  /** The pick list: paid, not shipped. */
  toShip?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

/** Orders of the workspace, newest first, with the buyer's nick. */
export async function listOrders(db: Db, workspaceId: string, filter: OrderFilter) {
  const where: (SQL | undefined)[] = [
    eq(orders.workspaceId, workspaceId),
    filter.shopId ? eq(orders.shopId, filter.shopId) : undefined,
    filter.customerId ? eq(orders.customerId, filter.customerId) : undefined,
    filter.statuses?.length ? inArray(orders.status, filter.statuses) : undefined,
    filter.toShip ? and(eq(orders.status, "paid"), isNull(orders.shippedAt)) : undefined,
    filter.from ? gte(orders.createdAt, filter.from) : undefined,
    filter.to ? lt(orders.createdAt, filter.to) : undefined,
  ];
  const rows = await db
    .select({ order: orders, nick: customers.nick })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(and(...where))
    // The pick list goes oldest paid first (first paid, first shipped); other lists newest first.
    .orderBy(filter.toShip ? asc(orders.paidAt) : desc(orders.createdAt), desc(orders.id))
    .limit(filter.limit);
  const items = await itemViews(db, rows.map((r) => r.order.id));
  return rows.map((r) => ({ ...orderView(r.order, items), buyerNick: r.nick }));
}

/** How many of each status a shop has (the order page's tabs). */
export async function statusCounts(db: Db, workspaceId: string, shopId: string | undefined) {
  const rows = await db
    .select({ status: orders.status, count: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), shopId ? eq(orders.shopId, shopId) : undefined))
    .groupBy(orders.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.count])) as Partial<Record<OrderStatus, number>>;
}
