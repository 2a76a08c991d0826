import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { orders } from "../orders";
import { reviews } from "./reviews.schema";

export type Rating = "good" | "neutral" | "bad";

export interface ReviewFilter {
  shopId?: string;
  rating?: Rating;
  item?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

const columns = {
  id: reviews.id,
  externalId: reviews.externalId,
  orderId: reviews.orderId,
  orderExternalId: orders.externalId,
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

function view<R extends { at: Date; repliedAt: Date | null }>(row: R): Omit<R, "at" | "repliedAt"> & { at: string; repliedAt: string | null } {
  return { ...row, at: row.at.toISOString(), repliedAt: row.repliedAt?.toISOString() ?? null };
}

export async function listReviews(db: Db, workspaceId: string, f: ReviewFilter) {
  const conditions: (SQL | undefined)[] = [
    eq(reviews.workspaceId, workspaceId),
    f.shopId ? eq(orders.shopId, f.shopId) : undefined,
    f.rating ? eq(reviews.rating, f.rating) : undefined,
    f.item ? eq(reviews.item, f.item) : undefined,
    f.from ? gte(reviews.at, f.from) : undefined,
    f.to ? lt(reviews.at, f.to) : undefined,
  ];
  const rows = await db
    .select(columns)
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .where(and(...conditions))
    .orderBy(desc(reviews.at), desc(reviews.id))
    .limit(f.limit);
  return rows.map(view);
}

export async function findReview(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(reviews)
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .where(and(eq(reviews.workspaceId, workspaceId), or(eq(reviews.id, id), eq(reviews.externalId, id))))
    .limit(1);
  return row ? view(row) : null;
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
