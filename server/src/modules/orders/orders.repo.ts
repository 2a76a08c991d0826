import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { products, skus } from "../catalog";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { orderItems, orders, type OrderStatus } from "./orders.schema";

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
  items: { productId: string | null; skuId: string | null; qty: number; priceCents: number }[];
}

/** Stores an order as the shop's system reports it; the total is the items' sum plus shipping. */
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
