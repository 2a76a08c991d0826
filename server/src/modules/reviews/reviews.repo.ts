import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { products, skus } from "../catalog";
import { customers } from "../customers";
import { orderItems, orders } from "../orders";
import { shops } from "../workspace";
import { reviewFollowUps, reviews } from "./reviews.schema";

export type Rating = "good" | "neutral" | "bad";

export interface ReviewFilter {
  shopId?: string;
  rating?: Rating;
  /** The review's item exactly as the shop's system sent it. */
  item?: string;
  /** QinDesk's product id: reviews naming it (or one of its SKUs), or naming no item on an order of it. */
  productId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

const columns = {
  id: reviews.id,
  externalId: reviews.externalId,
  orderId: reviews.orderId,
  orderExternalId: orders.externalId,
  orderStatus: orders.status,
  orderPaidAt: orders.paidAt,
  shopId: orders.shopId,
  customerId: orders.customerId,
  item: reviews.item,
  rating: reviews.rating,
  text: reviews.text,
  reply: reviews.reply,
  repliedBy: reviews.repliedBy,
  repliedAt: reviews.repliedAt,
  at: reviews.at,
};

export interface ReviewRow {
  id: string;
  externalId: string | null;
  orderId: string;
  orderExternalId: string | null;
  orderStatus: string;
  orderPaidAt: Date | null;
  shopId: string;
  customerId: string;
  item: string | null;
  rating: Rating;
  text: string | null;
  reply: string | null;
  repliedBy: string | null;
  repliedAt: Date | null;
  at: Date;
}

/** Reviews of a product: by its id or the shop's id, one of its SKUs, or no item on an order containing it. */
function ofProduct(workspaceId: string, productId: string): SQL {
  return sql`(
    "reviews"."item" in (
      select ${products.id} from ${products} where ${products.workspaceId} = ${workspaceId} and ${products.id} = ${productId}
      union select ${products.externalId} from ${products} where ${products.workspaceId} = ${workspaceId} and ${products.id} = ${productId} and ${products.externalId} is not null
      union select ${skus.id} from ${skus} where ${skus.workspaceId} = ${workspaceId} and ${skus.productId} = ${productId}
      union select ${skus.externalId} from ${skus} where ${skus.workspaceId} = ${workspaceId} and ${skus.productId} = ${productId} and ${skus.externalId} is not null)
    or ("reviews"."item" is null and exists (select 1 from ${orderItems} where ${orderItems.orderId} = "reviews"."order_id" and ${orderItems.productId} = ${productId})))`;
}

export async function listReviewRows(db: Db, workspaceId: string, f: ReviewFilter): Promise<ReviewRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(reviews.workspaceId, workspaceId),
    f.shopId ? eq(orders.shopId, f.shopId) : undefined,
    f.rating ? eq(reviews.rating, f.rating) : undefined,
    f.item ? eq(reviews.item, f.item) : undefined,
    f.productId ? ofProduct(workspaceId, f.productId) : undefined,
    f.from ? gte(reviews.at, f.from) : undefined,
    f.to ? lt(reviews.at, f.to) : undefined,
  ];
  return (await db
    .select(columns)
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .where(and(...conditions))
    .orderBy(desc(reviews.at), desc(reviews.id))
    .limit(f.limit)) as ReviewRow[];
}

export async function findReviewRow(db: Db, workspaceId: string, id: string): Promise<ReviewRow | null> {
  const [row] = await db
    .select(columns)
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .where(and(eq(reviews.workspaceId, workspaceId), or(eq(reviews.id, id), eq(reviews.externalId, id))))
    .limit(1);
  return (row as ReviewRow | undefined) ?? null;
}

export interface ReviewContext {
  nicks: Map<string, string>;
  shops: Map<string, { platform: string; settings: Record<string, unknown> }>;
  /** review id → the product it is about (by its item, else its order's first line) */
  products: Map<string, { id: string; title: string }>;
  followUps: Map<string, { id: string; status: "open" | "closed"; outcome: string | null; dueAt: Date }>;
}

/** What a page of reviews shows besides the rows: buyers, products, shops' credit rules, follow-ups. */
export async function reviewContext(db: Db, workspaceId: string, rows: readonly ReviewRow[]): Promise<ReviewContext> {
  const context: ReviewContext = { nicks: new Map(), shops: new Map(), products: new Map(), followUps: new Map() };
  if (rows.length === 0) return context;
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const shopIds = [...new Set(rows.map((r) => r.shopId))];
  const items = [...new Set(rows.flatMap((r) => (r.item ? [r.item] : [])))];
  const unnamed = rows.filter((r) => !r.item).map((r) => r.orderId);
  const [nickRows, shopRows, productRows, skuRows, firstLines, followUpRows] = await Promise.all([
    db.select({ id: customers.id, nick: customers.nick }).from(customers).where(and(eq(customers.workspaceId, workspaceId), inArray(customers.id, customerIds))),
    db.select({ id: shops.id, platform: shops.platform, settings: shops.settings }).from(shops).where(and(eq(shops.workspaceId, workspaceId), inArray(shops.id, shopIds))),
    items.length
      ? db.select({ id: products.id, externalId: products.externalId, title: products.title }).from(products).where(and(eq(products.workspaceId, workspaceId), or(inArray(products.id, items), inArray(products.externalId, items))))
      : Promise.resolve([]),
    items.length
      ? db
          .select({ id: skus.id, externalId: skus.externalId, productId: products.id, title: products.title })
          .from(skus)
          .innerJoin(products, eq(products.id, skus.productId))
          .where(and(eq(skus.workspaceId, workspaceId), or(inArray(skus.id, items), inArray(skus.externalId, items))))
      : Promise.resolve([]),
    unnamed.length
      ? db
          .select({ orderId: orderItems.orderId, position: orderItems.position, productId: products.id, title: products.title })
          .from(orderItems)
          .innerJoin(products, eq(products.id, orderItems.productId))
          .where(and(eq(orderItems.workspaceId, workspaceId), inArray(orderItems.orderId, unnamed)))
          .orderBy(asc(orderItems.position))
      : Promise.resolve([]),
    db
      .select({ id: reviewFollowUps.id, reviewId: reviewFollowUps.reviewId, status: reviewFollowUps.status, outcome: reviewFollowUps.outcome, dueAt: reviewFollowUps.dueAt })
      .from(reviewFollowUps)
      .where(and(eq(reviewFollowUps.workspaceId, workspaceId), inArray(reviewFollowUps.reviewId, rows.map((r) => r.id)))),
  ]);
  for (const n of nickRows) context.nicks.set(n.id, n.nick);
  for (const s of shopRows) context.shops.set(s.id, { platform: s.platform, settings: s.settings });
  const byName = new Map<string, { id: string; title: string }>();
  for (const s of skuRows) {
    byName.set(s.id, { id: s.productId, title: s.title });
    if (s.externalId) byName.set(s.externalId, { id: s.productId, title: s.title });
  }
  // Product names win over SKU names when the shop's system reused an id for both.
  for (const p of productRows) {
    byName.set(p.id, { id: p.id, title: p.title });
    if (p.externalId) byName.set(p.externalId, { id: p.id, title: p.title });
  }
  const firstOf = new Map<string, { id: string; title: string }>();
  for (const line of firstLines) if (!firstOf.has(line.orderId)) firstOf.set(line.orderId, { id: line.productId, title: line.title });
  for (const r of rows) {
    const product = r.item ? byName.get(r.item) : firstOf.get(r.orderId);
    if (product) context.products.set(r.id, product);
  }
  for (const f of followUpRows) context.followUps.set(f.reviewId, f);
  return context;
}

export async function findOrderRef(db: Db, workspaceId: string, idOrExternalId: string) {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), or(eq(orders.id, idOrExternalId), eq(orders.externalId, idOrExternalId))))
    .limit(1);
  return row ?? null;
}

/** Stores a review the shop's system reports; the same external id again updates it (idempotent). */
export async function upsertReview(
  db: Db,
  workspaceId: string,
  r: { externalId: string | null; orderId: string; item: string | null; rating: Rating; text: string | null; at: Date },
): Promise<string> {
  if (r.externalId) {
    const [row] = await db
      .insert(reviews)
      .values({ id: newId("rev"), workspaceId, ...r })
      .onConflictDoUpdate({ target: [reviews.workspaceId, reviews.externalId], set: { orderId: r.orderId, item: r.item, rating: r.rating, text: r.text, at: r.at } })
      .returning({ id: reviews.id });
    return row!.id;
  }
  const id = newId("rev");
  await db.insert(reviews).values({ id, workspaceId, ...r });
  return id;
}

export async function setReply(db: Db, workspaceId: string, id: string, reply: string, agentId: string): Promise<void> {
  await db.update(reviews).set({ reply, repliedBy: agentId, repliedAt: new Date() }).where(and(eq(reviews.workspaceId, workspaceId), eq(reviews.id, id)));
}
