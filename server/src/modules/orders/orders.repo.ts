import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { products, skus } from "../catalog";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { orderEvents, orderItems, orders, type OrderStatus } from "./orders.schema";

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;

/** An order of the workspace by QinDesk's id or the shop's own order number. */
export async function findOrder(db: Db, workspaceId: string, idOrExternalId: string): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), or(eq(orders.id, idOrExternalId), eq(orders.externalId, idOrExternalId))))
    .limit(1);
  return row ?? null;
}

/** The order row locked until the transaction ends: two actions on one order run one after the other. */
export async function lockOrder(tx: Db, workspaceId: string, orderId: string): Promise<OrderRow | null> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, orderId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export function itemsOf(db: Db, orderId: string): Promise<OrderItemRow[]> {
  return db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.position));
}

export async function addOrderEvent(
  db: Db,
  order: Pick<OrderRow, "id" | "workspaceId">,
  event: { kind: string; description: string; at?: Date; status?: string | null; location?: string | null; agentId?: string | null; externalId?: string | null },
): Promise<boolean> {
  const inserted = await db
    .insert(orderEvents)
    .values({
      id: newId("oev"),
      workspaceId: order.workspaceId,
      orderId: order.id,
      kind: event.kind,
      description: event.description,
      at: event.at ?? new Date(),
      status: event.status ?? null,
      location: event.location ?? null,
      agentId: event.agentId ?? null,
      externalId: event.externalId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: orderEvents.id });
  return inserted.length > 0;
}

export function eventsOf(db: Db, orderId: string) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.at), asc(orderEvents.id));
}

/** Sets fields of an order (and its updated time); returns the row as it now is. */
export async function updateOrderRow(db: Db, orderId: string, fields: Partial<Omit<OrderRow, "id" | "workspaceId">>): Promise<OrderRow> {
  const [row] = await db.update(orders).set({ ...fields, updatedAt: sql`now()` }).where(eq(orders.id, orderId)).returning();
  return row!;
}

/** After payment a buyer's questions go to after-sales (SPEC §1 routing). */
export async function hasPaidOrder(db: Db, workspaceId: string, shopId: string, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.shopId, shopId), eq(orders.customerId, customerId), isNotNull(orders.paidAt)))
    .limit(1);
  return row !== undefined;
}

export interface NewOrder {
  shopId: string;
  customerId: string;
  externalId?: string | null;
  status: OrderStatus;
  createdAt: Date;
  paidAt: Date | null;
  shippingFeeCents?: number | null;
  shippedAt?: Date | null;
  deliveredAt?: Date | null;
  recipientName?: string | null;
  recipientPhone?: string | null;
  shippingAddress?: string | null;
  courier?: string | null;
  items: { productId: string | null; skuId: string | null; qty: number; priceCents: number }[];
}

/** Stores an order as history (demo data, imports): no stock moves. The total is the items' sum plus shipping. */
export async function insertOrder(db: Db, workspaceId: string, order: NewOrder): Promise<string> {
  const id = newId("ord");
  const totalCents = order.items.reduce((sum, i) => sum + i.qty * i.priceCents, 0) + (order.shippingFeeCents ?? 0);
  const { items, ...fields } = order;
  await db.insert(orders).values({ id, workspaceId, totalCents, ...fields });
  await db.insert(orderItems).values(items.map((item, position) => ({ id: newId("oi"), workspaceId, orderId: id, position, ...item })));
  return id;
}

/** A buyer's orders, newest first, with what was bought (customer sidebar). */
export async function listCustomerOrders(db: Db, workspaceId: string, customerId: string, limit = 50) {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.customerId, customerId)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const items = await db
    .select({ orderId: orderItems.orderId, position: orderItems.position, productId: orderItems.productId, title: products.title, color: skus.color, size: skus.size, qty: orderItems.qty, priceCents: orderItems.priceCents })
    .from(orderItems)
    .leftJoin(products, eq(products.id, orderItems.productId))
    .leftJoin(skus, eq(skus.id, orderItems.skuId))
    .where(inArray(orderItems.orderId, rows.map((o) => o.id)))
    .orderBy(asc(orderItems.position));
  return rows.map((o) => ({
    id: o.id,
    externalId: o.externalId,
    status: o.status,
    totalCents: o.totalCents,
    createdAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    items: items.filter((i) => i.orderId === o.id).map(({ orderId: _o, position: _p, ...item }) => item),
  }));
}
