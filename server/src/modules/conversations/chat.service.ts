// Sending, reading and typing, for buyers and agents. Events are published on the bus
// only after the transaction committed; chat-delivery.ts hands them to the sockets that
// may see them.
import { and, desc, eq, ne } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import type { EventBus } from "../../platform/events/bus";
import { HttpError, notFound } from "../../platform/http/errors";
import { findProductCard } from "../catalog";
import { hasPaidOrder } from "../orders";
import { awayText, busyText, welcomeText, withinServiceHours } from "./auto-replies";
import { checkImageDataUrl } from "./image-check";
import { customers } from "../customers";
import { agents } from "../staff";
import type { ChatMessage, ClientEvents, ConversationSummary, ProductCard, ServerEvent } from "./chat-protocol";
import { CHAT_LIMITS } from "./chat-protocol";
import type { ConversationRow } from "./conversations.repo";
import { findConversation, summary, toChatMessage } from "./conversations.repo";
import { canReplyTo } from "./conversations.policy";
import { conversations } from "./conversations.schema";
import { pickAgent } from "./routing";
import { storeMessage, type NewMessage, type StoredMessage } from "./store-message";
import { lockBuyerConversations } from "./buyer-conversation";
import type { MessageBatcher } from "./store-batch";
import { alertExcerpt, isUpsetBuyerMessage } from "./upset-buyer";

export interface ChatDeps {
  db: Db;
  bus: EventBus;
  /** Group commit for the busy paths (buyers' and agents' sends); without it each message is its own statement. */
  batcher?: MessageBatcher;
}

/** Stores a send through the batcher when there is one. */
function storeSend(deps: ChatDeps, input: NewMessage): Promise<StoredMessage> {
  return deps.batcher ? deps.batcher.store(input) : storeMessage(deps.db, input);
}

export interface BuyerContext {
  workspaceId: string;
  shopId: string;
  shopName: string;
  shopSettings: Record<string, unknown>;
  shopTimezone: string;
  customerId: string;
}

export const CONVERSATION_TOPIC = "conversation";

export interface ConversationEvent {
  conversation: { id: string; team: "presales" | "aftersales"; assigneeId: string | null; customerId: string; shopId: string };
  events: ServerEvent[];
}

/** `withSummary`: read the queue summary and send it too (true), send the one given, or none (false). */
export async function publishConversation(deps: ChatDeps, c: ConversationRow, events: ServerEvent[], withSummary: boolean | ConversationSummary = true): Promise<void> {
  const all = [...events];
  if (withSummary) {
    const updated = withSummary === true ? await summary(deps.db, c.workspaceId, c.id) : withSummary;
    if (updated) all.push({ type: "conversation.updated", conversation: updated });
  }
  const payload: ConversationEvent = {
    conversation: { id: c.id, team: c.team, assigneeId: c.assigneeId, customerId: c.customerId, shopId: c.shopId },
    events: all,
  };
  await deps.bus.publish({ topic: CONVERSATION_TOPIC, workspaceId: c.workspaceId, payload });
}

type SendEvent = ClientEvents["message.send"];

/** The content of a send, checked: size limits and a product of this shop. */
async function content(deps: ChatDeps, workspaceId: string, shopId: string, event: SendEvent) {
  const kind = event.kind ?? (event.productId ? "product" : event.imageUrl ? "image" : "text");
  const text = (event.text ?? "").trim();
  if (text.length > CHAT_LIMITS.maxTextLength) throw new HttpError(413, "too_large", `A message holds at most ${CHAT_LIMITS.maxTextLength} characters`);
  let product: ProductCard | null = null;
  let imageUrl: string | null = null;
  if (kind === "product") {
    product = event.productId ? await findProductCard(deps.db, workspaceId, shopId, event.productId) : null;
    if (!product) throw new HttpError(400, "invalid", "No such product in this shop", "productId");
  } else if (kind === "image") {
    imageUrl = event.imageUrl ?? null;
    const check = imageUrl ? checkImageDataUrl(imageUrl, CHAT_LIMITS.maxImageBytes) : ({ ok: false, reason: "format" } as const);
    if (!check.ok) {
      if (check.reason === "size") throw new HttpError(413, "too_large", "Images may be at most 2 MB");
      throw new HttpError(400, "invalid", "An image must be a PNG, JPEG, GIF or WebP file", "imageUrl");
    }
  } else if (text === "") {
    throw new HttpError(400, "invalid", "The message is empty", "text");
  }
  return { kind, text, imageUrl, product } as const;
}

/** The buyer's open conversation with the shop, or a new one (routed, with a welcome). */
async function openConversationFor(deps: ChatDeps, buyer: BuyerContext): Promise<{ conversation: ConversationRow; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    // One buyer writing from two tabs at once must not open two conversations.
    await lockBuyerConversations(tx, buyer);
    const [open] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.workspaceId, buyer.workspaceId), eq(conversations.shopId, buyer.shopId), eq(conversations.customerId, buyer.customerId), ne(conversations.status, "closed")))
      .orderBy(desc(conversations.startedAt))
      .limit(1);
    if (open) return { conversation: open, created: false };
    // After payment a buyer's questions go to after-sales (SPEC §1 routing).
    const aftersales = await hasPaidOrder(tx, buyer.workspaceId, buyer.shopId, buyer.customerId);
    const [created] = await tx
      .insert(conversations)
      .values({
        id: newId("conv"),
        workspaceId: buyer.workspaceId,
        shopId: buyer.shopId,
        customerId: buyer.customerId,
        team: aftersales ? "aftersales" : "presales",
        stage: aftersales ? null : "welcome",
        status: "waiting",
        startedAt: new Date(),
      })
      .returning();
    return { conversation: created!, created: true };
  });
}

export async function buyerSend(deps: ChatDeps, buyer: BuyerContext, event: SendEvent): Promise<ChatMessage> {
  const body = await content(deps, buyer.workspaceId, buyer.shopId, event);
  // Only into the buyer's own conversation with this shop: anything else is "not found".
  const owner = { customerId: buyer.customerId, shopId: buyer.shopId };
  const send = { ...body, workspaceId: buyer.workspaceId, clientId: event.clientId, sender: "buyer" as const, agentId: null, ownedBy: owner };
  let created = false;
  // Most messages go into the conversation the buyer already has open: one statement finds
  // it, stores the message and reads the queue summary. Only a buyer without one (first
  // message, or the last was closed) takes the longer way that opens and routes one.
  let stored = event.conversationId ? null : await storeSend(deps, { ...send, conversationId: null, summarize: true }).catch(orNoConversation);
  if (!stored) {
    let conversationId = event.conversationId;
    if (!conversationId) {
      const opened = await openConversationFor(deps, buyer);
      ({ created } = opened);
      conversationId = opened.conversation.id;
    }
    stored = await storeSend(deps, { ...send, conversationId, summarize: !created });
  }
  const message = toChatMessage(stored.message, null);
  if (stored.duplicate) return message;
  let current = stored.conversation;
  let queueSummary = stored.summary ?? null;
  const events: ServerEvent[] = [{ type: "message.new", message }];
  // Routed once, when it opens; later capacity is handed out by assignWaiting.
  if (created) {
    const agentId = await pickAgent(deps.db, buyer.workspaceId, current.team, buyer.customerId, current.id);
    if (agentId) {
      await deps.db.update(conversations).set({ assigneeId: agentId, status: "open" }).where(eq(conversations.id, current.id));
      current = { ...current, assigneeId: agentId, status: "open" };
    }
  }
  if (body.kind === "text" && current.priority !== "urgent" && isUpsetBuyerMessage(body.text)) {
    await deps.db.update(conversations).set({ priority: "urgent" }).where(eq(conversations.id, current.id));
    current = { ...current, priority: "urgent" };
    if (queueSummary) queueSummary = { ...queueSummary, priority: "urgent" };
    const [customer] = await deps.db.select({ nick: customers.nick }).from(customers).where(eq(customers.id, current.customerId)).limit(1);
    events.push({ type: "conversation.alert", conversationId: current.id, reason: "upset_buyer", nick: customer?.nick ?? "", text: alertExcerpt(body.text) });
  }
  if (created) {
    const returning = await isReturningBuyer(deps, buyer, current.id);
    const texts = [welcomeText(buyer.shopName, buyer.shopSettings, returning)];
    // Nobody took it: tell the buyer why they wait (seed 000 busy reply, seed 004 away reply).
    if (!current.assigneeId) {
      const open = withinServiceHours(buyer.shopSettings, buyer.shopTimezone, new Date()) && (await anyoneOnline(deps, buyer.workspaceId, current.team));
      texts.push(open ? busyText(buyer.shopName, buyer.shopSettings) : awayText(buyer.shopName, buyer.shopSettings));
    }
    for (const text of texts) {
      const reply = await storeMessage(deps.db, { workspaceId: buyer.workspaceId, conversationId: current.id, clientId: null, sender: "bot", agentId: null, kind: "text", text });
      events.push({ type: "message.new", message: toChatMessage(reply.message, null) });
      current = { ...reply.conversation, assigneeId: current.assigneeId, status: current.status };
    }
  }
  // A new conversation was routed and greeted since the store: its summary is read afresh.
  await publishConversation(deps, current, events, created ? true : (queueSummary ?? true));
  return message;
}

/** The buyer has no open conversation (or it was closed meanwhile): null, to open one. */
function orNoConversation(err: unknown): null {
  if (err instanceof HttpError && err.status === 404) return null;
  throw err;
}

async function anyoneOnline(deps: ChatDeps, workspaceId: string, team: "presales" | "aftersales"): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.team, team), eq(agents.active, true), eq(agents.status, "online"), eq(agents.role, "agent")))
    .limit(1);
  return row !== undefined;
}

async function isReturningBuyer(deps: ChatDeps, buyer: BuyerContext, currentId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, buyer.workspaceId), eq(conversations.customerId, buyer.customerId), ne(conversations.id, currentId)))
    .limit(1);
  return row !== undefined;
}

export async function agentSend(deps: ChatDeps, auth: AuthContext, event: SendEvent): Promise<ChatMessage> {
  if (!event.conversationId) throw new HttpError(400, "invalid", "conversationId is required", "conversationId");
  const conversation = await findConversation(deps.db, auth.agent.workspaceId, event.conversationId);
  if (!conversation || !canReplyTo(auth, conversation)) throw notFound("conversation");
  const body = await content(deps, auth.agent.workspaceId, conversation.shopId, event);
  const stored = await storeSend(deps, { ...body, workspaceId: auth.agent.workspaceId, conversationId: conversation.id, clientId: event.clientId, sender: "agent", agentId: auth.agent.id, summarize: true });
  const message = toChatMessage(stored.message, auth.agent.name);
  if (!stored.duplicate) await publishConversation(deps, stored.conversation, [{ type: "message.new", message }], stored.summary ?? true);
  return message;
}
