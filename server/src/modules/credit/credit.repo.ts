// A stored shop's orders, order lines and reviews, read for the credit engine (read
// joins through the other modules' index files; nothing here writes).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { products, skus } from "../catalog";
import { customers } from "../customers";
import { orderItems, orders } from "../orders";
import { reviews } from "../reviews";
import type { StoredLine, StoredOrder, StoredReview } from "./stored-trades";

export interface ShopCreditData {
  orders: StoredOrder[];
  lines: StoredLine[];
  reviews: StoredReview[];
}

export async function loadShopCreditData(db: Db, workspaceId: string, shopId: string): Promise<ShopCreditData> {
  const inShop = and(eq(orders.workspaceId, workspaceId), eq(orders.shopId, shopId));
  const [orderRows, lineRows, reviewRows] = await Promise.all([
    db
      .select({ id: orders.id, externalId: orders.externalId, customerId: orders.customerId, status: orders.status, createdAt: orders.createdAt, paidAt: orders.paidAt })
      .from(orders)
      .where(inShop)
      .orderBy(asc(orders.createdAt), asc(orders.id)),
    db
      .select({
        orderId: orderItems.orderId,
        position: orderItems.position,
        productId: orderItems.productId,
        skuId: orderItems.skuId,
        productExternalId: products.externalId,
        skuExternalId: skus.externalId,
      })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .leftJoin(products, eq(products.id, orderItems.productId))
      .leftJoin(skus, eq(skus.id, orderItems.skuId))
      .where(inShop)
      .orderBy(asc(orderItems.orderId), asc(orderItems.position)),
    db
      .select({ id: reviews.id, orderId: reviews.orderId, item: reviews.item, rating: reviews.rating, at: reviews.at })
      .from(reviews)
      .innerJoin(orders, eq(orders.id, reviews.orderId))
      .where(and(eq(reviews.workspaceId, workspaceId), inShop)),
  ]);
  return {
    orders: orderRows.map((o) => ({ ...o, createdAt: o.createdAt.getTime(), paidAt: o.paidAt?.getTime() ?? null })),
    lines: lineRows.map((l) => ({
      orderId: l.orderId,
      position: l.position,
      productId: l.productId,
      skuId: l.skuId,
      names: [l.productId, l.productExternalId, l.skuId, l.skuExternalId].filter((n): n is string => n !== null),
    })),
    reviews: reviewRows.map((r) => ({ ...r, at: r.at.getTime() })),
  };
}

/** Nicks of the buyers shown on the page (pending orders, trades the caps cut). */
export async function buyerNicks(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: customers.id, nick: customers.nick })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.nick]));
}

/** Totals of the orders shown as pending. */
export async function orderTotals(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orders.id, totalCents: orders.totalCents })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), inArray(orders.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.totalCents]));
}
