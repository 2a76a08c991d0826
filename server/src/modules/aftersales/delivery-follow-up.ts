// The after-delivery follow-up (seed 001, 售后服务的具体事项 2): "货到后即时联系对方，首先询问对货品
// 是否满意、有没有破损，如对方回答没有，就请对方确认并评价" — once the courier says the parcel
// was signed for, a task asks after-sales to contact the buyer; the question goes into
// the chat with the seed's wording, and the outcome is recorded (all good and invited to
// review, a problem → a case, no answer, not needed).
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import {
  canReplyTo,
  canSeeConversation,
  findConversation,
  lockBuyerConversations,
  openConversationOfBuyer,
  publishConversation,
  startConversationFor,
  storeMessage,
  toChatMessage,
  type ChatDeps,
} from "../conversations";
import { customers } from "../customers";
import { itemViews, onOrderChange, orders } from "../orders";
import { deliveryFollowUps } from "./aftersales.schema";
import { findCase } from "./aftersales.service";

export const FOLLOW_UP_OUTCOMES = ["all_good", "problem", "no_answer", "not_needed"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

const DAY = 86_400_000;
/** Orders a shop reports as already delivered get a follow-up only while the parcel is fresh. */
const FRESH_DELIVERY_MS = 3 * DAY;

/** Seed 001's question after delivery, then the invitation to confirm and review. */
export function followUpText(goods: string | null): string {
  const what = goods ? `您的「${goods}」` : "您的包裹";
  return `亲，${what}已经签收啦～请问收到的宝贝还满意吗？有没有破损或者不合适的地方呢？如果一切都好，麻烦您确认收货并给个评价哦，有任何问题随时找我们，谢谢亲的支持！`;
}

export function startDeliveryFollowUps(): void {
  onOrderChange("delivery-follow-up", async (tx, change) => {
    const o = change.order;
    if (o.status !== "delivered" || !o.deliveredAt) return;
    if (change.kind !== "status" && !(change.kind === "created" && Date.now() - o.deliveredAt.getTime() < FRESH_DELIVERY_MS)) return;
    await tx
      .insert(deliveryFollowUps)
      .values({ id: newId("dfu"), workspaceId: o.workspaceId, shopId: o.shopId, orderId: o.id, customerId: o.customerId, deliveredAt: o.deliveredAt, dueAt: new Date(o.deliveredAt.getTime() + DAY) })
      .onConflictDoNothing();
  });
}

export type FollowUpRow = typeof deliveryFollowUps.$inferSelect;

async function followUpOf(db: Db, workspaceId: string, id: string): Promise<FollowUpRow> {
  const [row] = await db.select().from(deliveryFollowUps).where(and(eq(deliveryFollowUps.workspaceId, workspaceId), eq(deliveryFollowUps.id, id))).limit(1);
  if (!row) throw notFound("follow-up");
  return row;
}

export async function listFollowUps(db: Db, workspaceId: string, states: string[], now = Date.now()) {
  const rows = await db
    .select({ f: deliveryFollowUps, nick: customers.nick, externalId: orders.externalId })
    .from(deliveryFollowUps)
    .leftJoin(customers, eq(customers.id, deliveryFollowUps.customerId))
    .leftJoin(orders, eq(orders.id, deliveryFollowUps.orderId))
    .where(and(eq(deliveryFollowUps.workspaceId, workspaceId), inArray(deliveryFollowUps.state, states)))
    .orderBy(states.includes("done") ? desc(deliveryFollowUps.doneAt) : asc(deliveryFollowUps.dueAt))
    .limit(200);
  const items = await itemViews(db, rows.map((r) => r.f.orderId));
  return rows.map(({ f, nick, externalId }) => ({
    ...followUpView(f),
    buyerNick: nick,
    orderRef: externalId ?? f.orderId,
    goods: items.filter((i) => i.orderId === f.orderId).map((i) => ({ title: i.title, color: i.color, size: i.size, qty: i.qty })),
    overdue: f.state === "open" && f.dueAt.getTime() < now,
  }));
}

export function followUpView(f: FollowUpRow) {
  return {
    id: f.id,
    orderId: f.orderId,
    customerId: f.customerId,
    state: f.state,
    outcome: f.outcome,
    note: f.note,
    deliveredAt: f.deliveredAt.toISOString(),
    dueAt: f.dueAt.toISOString(),
    askedAt: f.askedAt?.toISOString() ?? null,
    askedBy: f.askedBy,
    conversationId: f.conversationId,
    caseId: f.caseId,
    doneAt: f.doneAt?.toISOString() ?? null,
    doneBy: f.doneBy,
  };
}

/**
 * Sends the question into the buyer's open conversation (it must be one this agent may
 * answer), or opens an after-sales conversation for it assigned to the agent.
 */
export async function askBuyer(deps: ChatDeps, auth: AuthContext, id: string, text: string | undefined) {
  const f = await followUpOf(deps.db, auth.agent.workspaceId, id);
  if (f.state === "done") throw new HttpError(409, "done", "This follow-up is already done");
  const goods = (await itemViews(deps.db, [f.orderId])).map((i) => i.title).filter(Boolean)[0] ?? null;
  const body = (text ?? followUpText(goods)).trim();
  if (!body || body.length > 2000) throw new HttpError(400, "invalid", "The message is empty or too long", "text");
  const buyer = { workspaceId: f.workspaceId, shopId: f.shopId, customerId: f.customerId };
  const stored = await deps.db.transaction(async (tx) => {
    await lockBuyerConversations(tx, buyer);
    const open = await openConversationOfBuyer(tx, buyer);
    if (open && (!canSeeConversation(auth, open) || !canReplyTo(auth, open))) throw new HttpError(409, "assigned", "The buyer's open conversation belongs to a colleague: ask from there, or ask them");
    const conversation = open ?? (await startConversationFor(tx, buyer, { team: "aftersales", stage: null, assigneeId: auth.agent.id }));
    const message = await storeMessage(tx, { workspaceId: f.workspaceId, conversationId: conversation.id, clientId: f.askedAt ? newId("follow-up") : `follow-up:${f.id}`, sender: "agent", agentId: auth.agent.id, kind: "text", text: body });
    await tx.update(deliveryFollowUps).set({ state: "asked", askedAt: new Date(), askedBy: auth.agent.id, conversationId: conversation.id }).where(eq(deliveryFollowUps.id, f.id));
    return message;
  });
  await publishConversation(deps, stored.conversation, stored.duplicate ? [] : [{ type: "message.new", message: toChatMessage(stored.message, auth.agent.name) }]);
  return { followUp: followUpView(await followUpOf(deps.db, auth.agent.workspaceId, id)), conversationId: stored.conversation.id };
}

export async function recordOutcome(db: Db, auth: AuthContext, id: string, input: { outcome: FollowUpOutcome; note?: string | undefined; caseId?: string | undefined }) {
  const f = await followUpOf(db, auth.agent.workspaceId, id);
  if (f.conversationId) {
    const c = await findConversation(db, auth.agent.workspaceId, f.conversationId);
    if (c && !canSeeConversation(auth, c)) throw notFound("follow-up");
  }
  if (input.caseId) {
    const linked = await findCase(db, auth.agent.workspaceId, input.caseId);
    if (!linked || linked.orderId !== f.orderId) throw new HttpError(400, "invalid", "No such case for this order", "caseId");
  }
  const [updated] = await db
    .update(deliveryFollowUps)
    .set({ state: "done", outcome: input.outcome, note: input.note?.trim() || null, caseId: input.caseId ?? null, doneAt: new Date(), doneBy: auth.agent.id })
    .where(eq(deliveryFollowUps.id, f.id))
    .returning();
  return followUpView(updated!);
}
