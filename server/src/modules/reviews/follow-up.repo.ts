// All SQL of the review follow-up; every query is scoped by workspace (the sweep at
// start-up by the rows' own workspace).
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { customers } from "../customers";
import { orders } from "../orders";
import { agents } from "../staff";
import { shops } from "../workspace";
import { reviewFollowUps, reviewFollowUpSteps, reviews, type FollowUpOutcome, type FollowUpStatus } from "./reviews.schema";
import { FOLLOW_UP_DUE_SOON_MS, type Rating } from "./follow-up.rules";

const DAY = 86_400_000;

/** Which reviews a reconcile looks at: one workspace, some reviews, or (start-up sweep) all. */
export interface ReconcileScope {
  workspaceId?: string;
  reviewIds?: readonly string[];
}

function reviewScope(scope: ReconcileScope): SQL | undefined {
  return and(scope.workspaceId ? eq(reviews.workspaceId, scope.workspaceId) : undefined, scope.reviewIds ? inArray(reviews.id, [...scope.reviewIds]) : undefined);
}

/** Neutral/bad reviews of the last year with no task yet (the longest deadline setting is 365 days). */
export function reviewsWithoutFollowUp(db: Db, scope: ReconcileScope, now: number) {
  return db
    .select({
      reviewId: reviews.id,
      workspaceId: reviews.workspaceId,
      rating: reviews.rating,
      at: reviews.at,
      text: reviews.text,
      orderId: orders.id,
      shopId: orders.shopId,
      customerId: orders.customerId,
      settings: shops.settings,
      nick: customers.nick,
    })
    .from(reviews)
    .innerJoin(orders, and(eq(orders.id, reviews.orderId), eq(orders.workspaceId, reviews.workspaceId)))
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(reviewFollowUps, eq(reviewFollowUps.reviewId, reviews.id))
    .where(and(isNull(reviewFollowUps.id), inArray(reviews.rating, ["neutral", "bad"]), gt(reviews.at, new Date(now - 366 * DAY)), reviewScope(scope)));
}

export interface NewFollowUp {
  workspaceId: string;
  shopId: string;
  reviewId: string;
  orderId: string;
  customerId: string;
  rating: Rating;
  dueAt: Date;
}

/** Inserts the tasks no other node inserted first (one per review); returns those inserted. */
export async function insertFollowUps(db: Db, rows: readonly NewFollowUp[], now: Date): Promise<{ id: string; reviewId: string }[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(reviewFollowUps)
      .values(rows.map((r) => ({ ...r, id: newId("rfu"), createdAt: now })))
      .onConflictDoNothing({ target: reviewFollowUps.reviewId })
      .returning({ id: reviewFollowUps.id, reviewId: reviewFollowUps.reviewId, workspaceId: reviewFollowUps.workspaceId, rating: reviewFollowUps.rating, dueAt: reviewFollowUps.dueAt });
    if (inserted.length > 0) {
      await tx.insert(reviewFollowUpSteps).values(
        inserted.map((f) => ({ id: newId("rfs"), workspaceId: f.workspaceId, followUpId: f.id, action: "created", agentId: null, at: now, details: { rating: f.rating, dueAt: f.dueAt.toISOString() } })),
      );
    }
    return inserted.map((f) => ({ id: f.id, reviewId: f.reviewId }));
  });
}

/** Tasks whose review's rating changed since they last looked (re-import, API update). */
export function followUpsWithChangedRating(db: Db, scope: ReconcileScope) {
  return db
    .select({ task: reviewFollowUps, rating: reviews.rating })
    .from(reviewFollowUps)
    .innerJoin(reviews, eq(reviews.id, reviewFollowUps.reviewId))
    .where(and(ne(reviewFollowUps.rating, reviews.rating), reviewScope(scope)));
}

export type FollowUpRow = typeof reviewFollowUps.$inferSelect;

/**
 * Changes a task if it is still at `version` (optimistic lock), with the step that says
 * who did what; false when someone changed it first.
 */
export async function updateFollowUp(
  db: Db,
  task: Pick<FollowUpRow, "id" | "workspaceId" | "version">,
  fields: Partial<Pick<FollowUpRow, "rating" | "status" | "outcome" | "outcomeNote" | "assigneeId" | "closedAt" | "closedBy">>,
  step: { action: string; agentId: string | null; at: Date; details: Record<string, unknown> },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(reviewFollowUps)
      .set({ ...fields, version: sql`${reviewFollowUps.version} + 1` })
      .where(and(eq(reviewFollowUps.workspaceId, task.workspaceId), eq(reviewFollowUps.id, task.id), eq(reviewFollowUps.version, task.version)))
      .returning({ id: reviewFollowUps.id });
    if (updated.length === 0) return false;
    await tx.insert(reviewFollowUpSteps).values({ id: newId("rfs"), workspaceId: task.workspaceId, followUpId: task.id, ...step });
    return true;
  });
}

const listColumns = {
  task: reviewFollowUps,
  reviewExternalId: reviews.externalId,
  reviewText: reviews.text,
  reviewAt: reviews.at,
  reviewItem: reviews.item,
  reply: reviews.reply,
  orderExternalId: orders.externalId,
  nick: customers.nick,
  assigneeName: agents.name,
};

function listQuery(db: Db) {
  return db
    .select(listColumns)
    .from(reviewFollowUps)
    .innerJoin(reviews, eq(reviews.id, reviewFollowUps.reviewId))
    .innerJoin(orders, eq(orders.id, reviewFollowUps.orderId))
    .leftJoin(customers, eq(customers.id, reviewFollowUps.customerId))
    .leftJoin(agents, eq(agents.id, reviewFollowUps.assigneeId));
}

export type FollowUpListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["where"]>>[number];

export type FollowUpFilter = "open" | "due_soon" | "overdue" | "closed" | "all";

/** Open tasks by due time (the most urgent first); closed ones, latest first. */
export function listFollowUps(db: Db, workspaceId: string, f: { shopId?: string; state: FollowUpFilter; limit: number }, now: number) {
  const status: FollowUpStatus | undefined = f.state === "all" ? undefined : f.state === "closed" ? "closed" : "open";
  const conditions = [
    eq(reviewFollowUps.workspaceId, workspaceId),
    f.shopId ? eq(reviewFollowUps.shopId, f.shopId) : undefined,
    status ? eq(reviewFollowUps.status, status) : undefined,
    f.state === "overdue" ? lte(reviewFollowUps.dueAt, new Date(now)) : undefined,
    f.state === "due_soon" ? and(gt(reviewFollowUps.dueAt, new Date(now)), lte(reviewFollowUps.dueAt, new Date(now + FOLLOW_UP_DUE_SOON_MS))) : undefined,
  ];
  const order = f.state === "closed" ? [desc(reviewFollowUps.closedAt), desc(reviewFollowUps.id)] : [desc(reviewFollowUps.status), asc(reviewFollowUps.dueAt), asc(reviewFollowUps.id)];
  return listQuery(db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(f.limit);
}

export async function findFollowUp(db: Db, workspaceId: string, id: string): Promise<FollowUpListRow | null> {
  const [row] = await listQuery(db)
    .where(and(eq(reviewFollowUps.workspaceId, workspaceId), eq(reviewFollowUps.id, id)))
    .limit(1);
  return row ?? null;
}

export function followUpSteps(db: Db, workspaceId: string, followUpId: string) {
  return db
    .select({ id: reviewFollowUpSteps.id, action: reviewFollowUpSteps.action, agentId: reviewFollowUpSteps.agentId, agentName: agents.name, at: reviewFollowUpSteps.at, details: reviewFollowUpSteps.details })
    .from(reviewFollowUpSteps)
    .leftJoin(agents, eq(agents.id, reviewFollowUpSteps.agentId))
    .where(and(eq(reviewFollowUpSteps.workspaceId, workspaceId), eq(reviewFollowUpSteps.followUpId, followUpId)))
    .orderBy(asc(reviewFollowUpSteps.at), asc(reviewFollowUpSteps.id));
}

export async function evidenceCount(db: Db, workspaceId: string, followUpId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewFollowUpSteps)
    .where(and(eq(reviewFollowUpSteps.workspaceId, workspaceId), eq(reviewFollowUpSteps.followUpId, followUpId), eq(reviewFollowUpSteps.action, "evidence")));
  return row?.n ?? 0;
}

export type { FollowUpOutcome };
