// Sending a 催付 reminder, by an agent or by the automatic sequence, into the buyer's
// conversation. Each send locks the order row (the payment takes the same lock), so a
// reminder never goes out after the payment committed, and two senders never both take
// the second place: the count, the cap and the ordinal are read under that lock.
//
// Where it goes (docs/decisions.md): the conversation the agent is in, else the buyer's
// open one; an agent with none opens a new pre-sales conversation, assigned to them (a
// closed conversation is not reopened: its outcome stays as recorded). The automatic
// sequence writes into the open one, else the latest (closed: the bot's message reopens
// nothing), else a new closed conversation that the buyer's answer reopens — so no empty
// conversation waits in the team's queue for a buyer who never asked anything.
import { and, eq, gt } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { cancelJob, enqueueJob } from "../../platform/jobs/jobs";
import {
  canReplyTo,
  canSeeConversation,
  findConversation,
  latestConversationOf,
  lockBuyerConversations,
  messages,
  openConversationOfBuyer,
  startConversationFor,
  publishConversation,
  storeMessage,
  toChatMessage,
  type ChatDeps,
  type ConversationRow,
} from "../conversations";
import { findOrder, isUnpaid, lockOrder, type OrderRow } from "../orders";
import { findShopById, type ShopRow } from "../workspace";
import { reminderContext } from "./context";
import { insertReminder, REMINDER_QUEUE, remindersOf, type ReminderRow } from "./reminders.repo";
import { isQuietAt, MAX_REMINDERS, nextAutomatic, reminderRulesOf } from "./rules";
import { chooseAutomatic, fillTemplate, shopTemplates, unknownVariables, variablesIn } from "./templates";

/** A buyer who wrote this recently is awake and chatting: an agent may remind them in quiet hours. */
export const ACTIVE_BUYER_MS = 30 * 60_000;
export const MAX_TEXT = 500;

const clientIdOf = (order: OrderRow, ordinal: number) => `unpaid-reminder:${order.id}:${ordinal}`;

/** Puts the order's automatic timer where the rules say (or drops it); inside the caller's transaction. */
export async function scheduleNext(tx: Db, order: OrderRow, shop: ShopRow, now: number): Promise<void> {
  const sent = await remindersOf(tx, order.id);
  const next = nextAutomatic({ status: order.status, createdAt: order.createdAt, sent, rules: reminderRulesOf(shop.settings), timeZone: shop.timezone, now });
  if (next.kind === "due") {
    await enqueueJob(tx, { queue: REMINDER_QUEUE, singletonKey: order.id, runAt: new Date(next.at), payload: { workspaceId: order.workspaceId, orderId: order.id } });
  } else {
    await cancelJob(tx, REMINDER_QUEUE, order.id);
  }
}

const buyerOf = (order: OrderRow) => ({ workspaceId: order.workspaceId, shopId: order.shopId, customerId: order.customerId });

/** The buyer's latest conversation with the shop, open or closed. */
const latestConversation = (db: Db, order: OrderRow) => latestConversationOf(db, order.workspaceId, order.shopId, order.customerId);

/** The order is unpaid: a new conversation is pre-sales work, at the payment step (seed 002's flow). */
const newConversation = (tx: Db, order: OrderRow, assigneeId: string | null) => startConversationFor(tx, buyerOf(order), { team: "presales", stage: "payment", assigneeId });

export type HandTarget = { conversation: ConversationRow | null; opensNew: boolean; problem: "assigned" | null };

/** Where an agent's reminder would go (no conversation given): the buyer's open one, else a new one. */
export async function handTarget(db: Db, auth: AuthContext, order: OrderRow): Promise<HandTarget> {
  const open = await openConversationOfBuyer(db, buyerOf(order));
  if (!open) return { conversation: null, opensNew: true, problem: null };
  return { conversation: open, opensNew: false, problem: canReplyTo(auth, open) ? null : "assigned" };
}

async function chosenConversation(tx: Db, auth: AuthContext, order: OrderRow, conversationId: string | undefined): Promise<ConversationRow> {
  if (conversationId) {
    const c = await findConversation(tx, order.workspaceId, conversationId);
    if (!c || !canSeeConversation(auth, c)) throw notFound("conversation");
    if (c.customerId !== order.customerId || c.shopId !== order.shopId) throw new HttpError(400, "invalid", "The order belongs to another buyer than the conversation", "conversationId");
    if (c.status === "closed") throw new HttpError(409, "closed", "The conversation is closed");
    if (!canReplyTo(auth, c)) throw new HttpError(409, "assigned", "This conversation belongs to a colleague");
    return c;
  }
  const target = await handTarget(tx, auth, order);
  if (target.problem) throw new HttpError(409, "assigned", "The buyer's open conversation belongs to a colleague: remind from there, or ask them");
  return target.conversation ?? newConversation(tx, order, auth.agent.id);
}

async function buyerActive(db: Db, c: ConversationRow, now: number): Promise<boolean> {
  const [row] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, c.id), eq(messages.sender, "buyer"), gt(messages.createdAt, new Date(now - ACTIVE_BUYER_MS))))
    .limit(1);
  return row !== undefined;
}

export function reminderView(r: ReminderRow, agentName: string | null = null) {
  return {
    id: r.id,
    orderId: r.orderId,
    ordinal: r.ordinal,
    automatic: r.automatic,
    agentId: r.agentId,
    agentName,
    template: r.template,
    text: r.text,
    conversationId: r.conversationId,
    messageId: r.messageId,
    sentAt: r.sentAt.toISOString(),
  };
}

async function orderAndShop(db: Db, workspaceId: string, orderId: string): Promise<{ order: OrderRow; shop: ShopRow }> {
  const order = await findOrder(db, workspaceId, orderId);
  const shop = order ? await findShopById(db, order.shopId) : null;
  if (!order || !shop || shop.workspaceId !== workspaceId) throw notFound("order");
  return { order, shop };
}

export interface HandSend {
  template?: string | null | undefined;
  text: string;
  conversationId?: string | undefined;
}

/** An agent's reminder (text as they edited it), as their own chat message. */
export async function sendByHand(deps: ChatDeps, auth: AuthContext, orderId: string, input: HandSend) {
  const { order, shop } = await orderAndShop(deps.db, auth.agent.workspaceId, orderId);
  const text = input.text.trim();
  if (!text) throw new HttpError(400, "invalid", "text: the reminder is empty", "text");
  if (text.length > MAX_TEXT) throw new HttpError(400, "invalid", `text: at most ${MAX_TEXT} characters`, "text");
  const unfilled = variablesIn(text);
  if (unfilled.length) throw new HttpError(400, "invalid", `text: fill in {${unfilled.join("}, {")}} first`, "text");
  if (input.template && !shopTemplates(shop.settings).some((t) => t.key === input.template)) throw new HttpError(400, "invalid", "template: no such template", "template");
  const now = Date.now();
  const rules = reminderRulesOf(shop.settings);
  const done = await deps.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, order.workspaceId, order.id);
    if (!locked || !isUnpaid(locked.status)) throw new HttpError(409, "not_unpaid", "The order is paid or closed: no reminder");
    const sent = await remindersOf(tx, order.id);
    if (sent.length >= MAX_REMINDERS) throw new HttpError(409, "reminder_cap", `An order gets at most ${MAX_REMINDERS} reminders`);
    await lockBuyerConversations(tx, buyerOf(order));
    const conversation = await chosenConversation(tx, auth, locked, input.conversationId);
    if (isQuietAt(now, shop.timezone, rules.quietHours) && !(await buyerActive(tx, conversation, now))) {
      throw new HttpError(409, "quiet_hours", `Quiet hours in the shop's time (${rules.quietHours.start}–${rules.quietHours.end}): remind after they end`);
    }
    const ordinal = sent.length + 1;
    const stored = await storeMessage(tx, { workspaceId: order.workspaceId, conversationId: conversation.id, clientId: clientIdOf(order, ordinal), sender: "agent", agentId: auth.agent.id, kind: "text", text });
    const reminder = await insertReminder(tx, locked, { ordinal, automatic: false, agentId: auth.agent.id, template: input.template ?? null, text, conversationId: conversation.id, messageId: stored.message.id, sentAt: new Date(now) });
    await scheduleNext(tx, locked, shop, now);
    return { stored, reminder };
  });
  const message = toChatMessage(done.stored.message, auth.agent.name);
  await publishConversation(deps, done.stored.conversation, [{ type: "message.new", message }]);
  return { reminder: reminderView(done.reminder, auth.agent.name), message };
}

async function automaticConversation(tx: Db, order: OrderRow): Promise<ConversationRow> {
  return (await openConversationOfBuyer(tx, buyerOf(order))) ?? (await latestConversation(tx, order)) ?? newConversation(tx, order, null);
}

/**
 * The automatic sequence's run for one order at `now`: sends the reminder that is due, as
 * the shop's bot (bots never count as human replies in the figures), or moves the timer
 * (quiet hours, a reminder sent by hand meanwhile), or stops (paid, cancelled, cap).
 * Safe to repeat: the message's client id and the ordinal store nothing twice.
 */
export async function runAutomatic(deps: ChatDeps, workspaceId: string, orderId: string, now: number): Promise<"sent" | "moved" | "stopped"> {
  const order = await findOrder(deps.db, workspaceId, orderId);
  const shop = order ? await findShopById(deps.db, order.shopId) : null;
  if (!order || !shop || !isUnpaid(order.status)) return "stopped";
  const rules = reminderRulesOf(shop.settings);
  const planned = nextAutomatic({ status: order.status, createdAt: order.createdAt, sent: await remindersOf(deps.db, order.id), rules, timeZone: shop.timezone, now });
  if (planned.kind === "none") return "stopped";
  if (planned.at > now) {
    await scheduleNext(deps.db, order, shop, now);
    return "moved";
  }
  // The words come from data read before the lock; the lock then re-checks that the reminder is still due.
  const { values } = await reminderContext(deps.db, order, shop, now);
  const used = (await remindersOf(deps.db, order.id)).map((r) => r.template);
  const template = chooseAutomatic(shopTemplates(shop.settings), values, used);
  if (!template) return "stopped";
  const text = fillTemplate(template.text, values);
  const done = await deps.db.transaction(async (tx) => {
    const locked = await lockOrder(tx, workspaceId, order.id);
    if (!locked) return null;
    const sent = await remindersOf(tx, order.id);
    const next = nextAutomatic({ status: locked.status, createdAt: locked.createdAt, sent, rules, timeZone: shop.timezone, now });
    if (next.kind === "none") {
      await cancelJob(tx, REMINDER_QUEUE, order.id);
      return null;
    }
    if (next.at > now || next.ordinal !== planned.ordinal) {
      await scheduleNext(tx, locked, shop, now);
      return null;
    }
    await lockBuyerConversations(tx, buyerOf(order));
    const conversation = await automaticConversation(tx, locked);
    const stored = await storeMessage(tx, { workspaceId, conversationId: conversation.id, clientId: clientIdOf(order, next.ordinal), sender: "bot", agentId: null, kind: "text", text });
    await insertReminder(tx, locked, { ordinal: next.ordinal, automatic: true, agentId: null, template: template.key, text, conversationId: conversation.id, messageId: stored.message.id, sentAt: new Date(now) });
    await scheduleNext(tx, locked, shop, now);
    return stored;
  });
  if (!done) return "moved";
  await publishConversation(deps, done.conversation, [{ type: "message.new", message: toChatMessage(done.message, null) }]);
  return "sent";
}

/** A shop's own text for a template: only known {variables}, at most 300 characters. */
export function checkTemplateText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 300) throw new HttpError(400, "invalid", "text: 1–300 characters", "text");
  const unknown = unknownVariables(trimmed);
  if (unknown.length) throw new HttpError(400, "invalid", `text: unknown {${unknown.join("}, {")}}`, "text");
  return trimmed;
}

export { orderAndShop };
