// Opening after-sales cases and moving them along. Every action runs in one transaction:
// the case row (checked against the version the agent saw), the step record, and the
// action's effects — a refund marks the order refunded and puts returned goods back in
// stock; a replacement is a new order whose stock is taken, or the whole step fails and
// nothing of it remains (the compensation of a failed step is the rollback).
import { and, desc, eq, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import { conversations } from "../conversations";
import { products } from "../catalog";
import { orderItems, orders } from "../orders";
import { findShopById } from "../workspace";
import { aftersalesCases, aftersalesSteps } from "./aftersales.schema";
import { COMPLAINT_KINDS, type ComplaintStep } from "./complaint";
import { checkEligibility, type Eligibility, type ItemCondition, type ReasonCode } from "./policy";
import { sameDayDue } from "./sla";
import { availableActions, transition, TransitionError, type CaseAction, type CaseKind } from "./workflow";

export type CaseRow = typeof aftersalesCases.$inferSelect;
export type StepRow = typeof aftersalesSteps.$inferSelect;

export interface OpenCaseInput {
  kind: CaseKind;
  reason: ReasonCode;
  orderId?: string | undefined;
  conversationId?: string | undefined;
  note?: string | undefined;
  condition?: ItemCondition | undefined;
}

export interface ActionInput {
  action: CaseAction;
  version: number;
  offer?: string | undefined;
  trackingNumber?: string | undefined;
  refundCents?: number | undefined;
  note?: string | undefined;
}

const DEFAULT_WINDOW_DAYS = 7;

const wholeDays = (days: unknown): number | null => (typeof days === "number" && Number.isInteger(days) && days > 0 ? days : null);

/**
 * The no-reason window for an order (SPEC §4: configurable per shop and category): the
 * shop's days for the category of the order's first item (`returnWindowDaysByCategory`,
 * e.g. {"针织衫": 15}), else the shop's `returnWindowDays`, else 7. Only whole days ≥ 1 count.
 */
export function windowDays(settings: Record<string, unknown>, category: string | null): number {
  const policies = (settings.policies ?? {}) as Record<string, unknown>;
  const byCategory = (policies.returnWindowDaysByCategory ?? settings.returnWindowDaysByCategory) as Record<string, unknown> | undefined;
  const forCategory = category && byCategory && typeof byCategory === "object" ? wholeDays(byCategory[category]) : null;
  return forCategory ?? wholeDays(policies.returnWindowDays ?? settings.returnWindowDays) ?? DEFAULT_WINDOW_DAYS;
}

async function orderOf(db: Db, workspaceId: string, orderId: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, orderId)))
    .limit(1);
  return order ?? null;
}

/** Eligibility of a request about an order now (null without an order). */
export async function eligibilityFor(db: Db, workspaceId: string, input: Pick<OpenCaseInput, "kind" | "reason" | "orderId" | "condition">): Promise<Eligibility | null> {
  if (!input.orderId) return null;
  const order = await orderOf(db, workspaceId, input.orderId);
  if (!order) throw notFound("order");
  const shop = await findShopById(db, order.shopId);
  const [first] = await db
    .select({ category: products.category })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, order.id))
    .orderBy(orderItems.position)
    .limit(1);
  return checkEligibility({
    kind: input.kind,
    reason: input.reason,
    order: { paidAt: order.paidAt?.getTime() ?? null, shippedAt: order.shippedAt?.getTime() ?? null, deliveredAt: order.deliveredAt?.getTime() ?? null },
    now: Date.now(),
    timezone: shop?.timezone ?? "Asia/Shanghai",
    windowDays: windowDays(shop?.settings ?? {}, first?.category ?? null),
    condition: input.condition ?? null,
  });
}

/** Who opens a case: an agent, or the buyer from the widget (agentId null, their own orders only). */
export interface CaseOpener {
  workspaceId: string;
  agentId: string | null;
  /** Set when a buyer opens it: the order must be theirs. */
  customerId?: string;
}

export async function openCase(db: Db, opener: CaseOpener, input: OpenCaseInput): Promise<CaseRow> {
  const { workspaceId } = opener;
  let shopId: string | null = null;
  let customerId: string | null = null;
  if (input.orderId) {
    const order = await orderOf(db, workspaceId, input.orderId);
    if (!order || (opener.customerId !== undefined && order.customerId !== opener.customerId)) throw notFound("order");
    ({ shopId, customerId } = order);
  }
  if (input.conversationId) {
    const [conversation] = await db
      .select({ shopId: conversations.shopId, customerId: conversations.customerId })
      .from(conversations)
      .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, input.conversationId)))
      .limit(1);
    if (!conversation) throw notFound("conversation");
    if (customerId && conversation.customerId !== customerId) throw new HttpError(400, "invalid", "The order belongs to another buyer than the conversation", "orderId");
    ({ shopId, customerId } = conversation);
  }
  if (!shopId || !customerId) throw new HttpError(400, "invalid", "Open a case from an order or a conversation", "orderId");
  const eligibility = await eligibilityFor(db, workspaceId, input);
  const now = new Date();
  const shop = await findShopById(db, shopId);
  const dueAt = new Date(sameDayDue(now.getTime(), shop?.timezone ?? "Asia/Shanghai"));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(aftersalesCases)
      .values({
        id: newId("case"),
        workspaceId,
        shopId: shopId!,
        customerId: customerId!,
        orderId: input.orderId ?? null,
        conversationId: input.conversationId ?? null,
        kind: input.kind,
        reason: input.reason,
        note: input.note ?? "",
        eligibility,
        dueAt,
        openedBy: opener.agentId,
        openedAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(aftersalesSteps).values({
      id: newId("step"),
      workspaceId,
      caseId: row!.id,
      action: "open",
      fromStatus: null,
      toStatus: "opened",
      agentId: opener.agentId,
      at: now,
      details: { reason: input.reason, ...(opener.agentId === null ? { by: "buyer" } : {}) },
    });
    return row!;
  });
}

export async function findCase(db: Db, workspaceId: string, id: string): Promise<CaseRow | null> {
  const [row] = await db
    .select()
    .from(aftersalesCases)
    .where(and(eq(aftersalesCases.workspaceId, workspaceId), eq(aftersalesCases.id, id)))
    .limit(1);
  return row ?? null;
}

export function caseSteps(db: Db, workspaceId: string, caseId: string): Promise<StepRow[]> {
  return db
    .select()
    .from(aftersalesSteps)
    .where(and(eq(aftersalesSteps.workspaceId, workspaceId), eq(aftersalesSteps.caseId, caseId)))
    .orderBy(aftersalesSteps.at, aftersalesSteps.id);
}

export function actionsOf(row: CaseRow): CaseAction[] {
  return availableActions({ kind: row.kind, status: row.status, retention: row.retention });
}

function required<T>(value: T | undefined, field: string, message: string): T {
  if (value === undefined || value === "") throw new HttpError(400, "invalid", message, field);
  return value;
}

export async function actOnCase(db: Db, auth: AuthContext, caseId: string, input: ActionInput): Promise<CaseRow> {
  const workspaceId = auth.agent.workspaceId;
  const current = await findCase(db, workspaceId, caseId);
  if (!current) throw notFound("case");
  const stale = () => new HttpError(409, "conflict", "The case changed since you opened it: reload it and try again");
  if (current.version !== input.version) throw stale();
  let next;
  try {
    next = transition({ kind: current.kind, status: current.status, retention: current.retention }, input.action);
  } catch (err) {
    if (err instanceof TransitionError) throw new HttpError(400, "invalid_transition", err.message, "action");
    throw err;
  }
  const patch: Partial<CaseRow> = { status: next.status, retention: next.retention, version: current.version + 1, updatedAt: new Date() };
  const details: Record<string, unknown> = {};
  if (input.action === "offer_retention") patch.retentionOffer = details.offer = required(input.offer, "offer", "Say what exchange was offered");
  if (input.action === "mark_return_shipped") patch.trackingNumber = details.trackingNumber = required(input.trackingNumber, "trackingNumber", "The return's tracking number is needed");
  if (input.action === "close" || input.action === "cancel") patch.closedAt = new Date();
  if (input.note) details.note = input.note;

  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    if (input.action === "refund") {
      const cents = required(input.refundCents, "refundCents", "The refund amount is needed");
      patch.refundCents = details.refundCents = cents;
      await refundEffects(txDb, current, cents);
    }
    if (input.action === "ship_replacement") details.replacementOrderId = await createReplacement(txDb, current);
    const updated = await tx
      .update(aftersalesCases)
      .set(patch)
      .where(and(eq(aftersalesCases.id, current.id), eq(aftersalesCases.version, current.version)))
      .returning();
    // Another agent moved the case between our read and this write: undo everything.
    if (updated.length === 0) throw stale();
    await tx.insert(aftersalesSteps).values({
      id: newId("step"),
      workspaceId,
      caseId: current.id,
      action: input.action,
      fromStatus: current.status,
      toStatus: next.status,
      agentId: auth.agent.id,
      at: new Date(),
      details,
    });
    return updated[0]!;
  });
}

/** The order is refunded; goods that came back (or never left) go back into stock. */
async function refundEffects(db: Db, row: CaseRow, cents: number): Promise<void> {
  if (!row.orderId) return;
  const order = await orderOf(db, row.workspaceId, row.orderId);
  if (!order) throw notFound("order");
  if (cents <= 0 || cents > order.totalCents) throw new HttpError(400, "invalid", `A refund is between 0.01 and the order's total (${(order.totalCents / 100).toFixed(2)})`, "refundCents");
  await db.update(orders).set({ status: "refunded" }).where(eq(orders.id, order.id));
  const goodsBack = row.status === "inspected" || order.shippedAt === null;
  if (goodsBack) {
    await db.execute(sql`update skus set stock = skus.stock + oi.qty from order_items oi
      where oi.order_id = ${order.id} and oi.sku_id = skus.id and skus.workspace_id = ${row.workspaceId}`);
  }
}

/** A same-items order at no charge; its stock is taken now, or the step fails. */
async function createReplacement(db: Db, row: CaseRow): Promise<string | null> {
  if (!row.orderId) return null;
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, row.orderId)).orderBy(orderItems.position);
  const id = newId("ord");
  const now = new Date();
  await db.insert(orders).values({ id, workspaceId: row.workspaceId, shopId: row.shopId, customerId: row.customerId, status: "paid", createdAt: now, paidAt: now, totalCents: 0 });
  for (const item of items) {
    await db.insert(orderItems).values({ ...item, id: newId("oi"), orderId: id, priceCents: 0 });
    if (!item.skuId) continue;
    const taken = await queryRows<{ id: string }>(db, sql`update skus set stock = stock - ${item.qty} where id = ${item.skuId} and stock >= ${item.qty} returning id`);
    if (taken.length === 0) throw new HttpError(409, "out_of_stock", "Not enough stock for the replacement: offer another size or colour, or a refund", "skuId");
  }
  return id;
}

export function listCases(db: Db, workspaceId: string, filter: { customerId?: string | undefined; orderId?: string | undefined; status?: string | undefined }) {
  return db
    .select()
    .from(aftersalesCases)
    .where(
      and(
        eq(aftersalesCases.workspaceId, workspaceId),
        filter.customerId ? eq(aftersalesCases.customerId, filter.customerId) : undefined,
        filter.orderId ? eq(aftersalesCases.orderId, filter.orderId) : undefined,
        filter.status === "open" ? sql`${aftersalesCases.status} not in ('closed', 'cancelled')` : undefined,
      ),
    )
    .orderBy(desc(aftersalesCases.openedAt))
    .limit(200);
}

/** Ticks one of seed 001 §7's complaint steps; ticking it again keeps the first tick. */
export async function tickComplaintStep(db: Db, auth: AuthContext, caseId: string, step: ComplaintStep): Promise<CaseRow> {
  const current = await findCase(db, auth.agent.workspaceId, caseId);
  if (!current) throw notFound("case");
  if (!COMPLAINT_KINDS.has(current.kind)) throw new HttpError(400, "invalid", "Only complaint cases have the complaint steps", "step");
  if (current.checklist[step]) return current;
  const tick = JSON.stringify({ [step]: { at: new Date().toISOString(), agentId: auth.agent.id } });
  // Merged in SQL so two agents ticking different steps at once both stay ticked.
  const [row] = await db
    .update(aftersalesCases)
    .set({ checklist: sql`${tick}::jsonb || ${aftersalesCases.checklist}`, updatedAt: new Date() })
    .where(eq(aftersalesCases.id, current.id))
    .returning();
  return row!;
}

/** An agent's promise to reply by a time (seed 004) becomes the case's due time. */
export async function promiseReply(db: Db, auth: AuthContext, caseId: string, dueAt: Date): Promise<CaseRow> {
  const current = await findCase(db, auth.agent.workspaceId, caseId);
  if (!current) throw notFound("case");
  if (current.status === "closed" || current.status === "cancelled") throw new HttpError(400, "invalid", "The case is finished", "dueAt");
  if (dueAt.getTime() <= Date.now()) throw new HttpError(400, "invalid", "A promised time must be in the future", "dueAt");
  return db.transaction(async (tx) => {
    const [row] = await tx.update(aftersalesCases).set({ dueAt, promisedBy: auth.agent.id, updatedAt: new Date() }).where(eq(aftersalesCases.id, current.id)).returning();
    await tx.insert(aftersalesSteps).values({
      id: newId("step"),
      workspaceId: current.workspaceId,
      caseId: current.id,
      action: "promise",
      fromStatus: current.status,
      toStatus: current.status,
      agentId: auth.agent.id,
      at: new Date(),
      details: { dueAt: dueAt.toISOString() },
    });
    return row!;
  });
}

/** Open cases with a due time, soonest first: the supervisors' breach list and the agents' warnings. */
export function casesByDue(db: Db, workspaceId: string) {
  return db
    .select()
    .from(aftersalesCases)
    .where(and(eq(aftersalesCases.workspaceId, workspaceId), sql`${aftersalesCases.status} not in ('closed', 'cancelled')`, sql`${aftersalesCases.dueAt} is not null`))
    .orderBy(aftersalesCases.dueAt)
    .limit(500);
}
