// Order cards: what an agent asks the buyer to confirm in the chat, and the buyer's answer.
// - Address check after payment (seed 000, 003): the buyer confirms or corrects the
//   address; `addressVerifiedAt` is set either way.
// - Colour/size change of a paid, unshipped order instead of refund-and-rebuy (seed 000
//   §5.3: it protects the refund rate): on the buyer's yes the new SKU's stock is taken,
//   the old one's put back and the item changed, in one transaction.
// The card in the chat carries no address or phone; the buyer's widget reads them for its
// own order. The buyer's answer is stored as their message (once: its client id is the
// action's), so agents see it in the history and on reconnect.
import { and, eq, ne } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import { products, skus } from "../catalog";
import {
  canReplyTo,
  canSeeConversation,
  findConversation,
  publishConversation,
  storeMessage,
  toChatMessage,
  type ChatDeps,
  type ConversationRow,
  type OrderCard,
  type ServerEvent,
  messages,
} from "../conversations";
import {
  addOrderEvent,
  findOrder,
  isPaidUnshipped,
  itemsOf,
  lockOrder,
  orderActions,
  orderItems,
  publishOrderChanged,
  releaseStock,
  runOrderListeners,
  takeStock,
  updateOrderRow,
  type OrderRow,
  type Recipient,
} from "../orders";

export type OrderActionRow = typeof orderActions.$inferSelect;

interface SkuChangePayload {
  messageId: string;
  position: number;
  fromSkuId: string;
  toSkuId: string;
  qty: number;
  title: string;
  from: string;
  to: string;
}

const skuLabel = (sku: { color: string | null; size: string | null }) => [sku.color, sku.size].filter(Boolean).join(" / ") || "—";

function cardOf(action: OrderActionRow, order: Pick<OrderRow, "id" | "externalId">): OrderCard {
  const p = action.payload as Partial<SkuChangePayload>;
  return {
    actionId: action.id,
    kind: action.kind as OrderCard["kind"],
    orderId: order.id,
    orderRef: order.externalId ?? order.id,
    title: p.title ?? null,
    from: p.from ?? null,
    to: p.to ?? null,
    state: action.state as OrderCard["state"],
  };
}

/** The conversation the agent may write in, about this buyer's order. */
async function conversationFor(db: Db, auth: AuthContext, order: OrderRow, conversationId: string): Promise<ConversationRow> {
  const c = await findConversation(db, auth.agent.workspaceId, conversationId);
  if (!c || !canSeeConversation(auth, c)) throw notFound("conversation");
  if (!canReplyTo(auth, c)) throw new HttpError(409, "assigned", "This conversation belongs to a colleague");
  if (c.status === "closed") throw new HttpError(409, "closed", "The conversation is closed");
  if (c.customerId !== order.customerId || c.shopId !== order.shopId) throw new HttpError(400, "invalid", "The order belongs to another buyer than the conversation", "conversationId");
  return c;
}

/** A newer card of the same kind replaces an unanswered one. */
async function withdrawPending(tx: Db, order: OrderRow, kind: string): Promise<OrderActionRow[]> {
  return tx
    .update(orderActions)
    .set({ state: "withdrawn", resolvedAt: new Date() })
    .where(and(eq(orderActions.orderId, order.id), eq(orderActions.kind, kind), eq(orderActions.state, "pending")))
    .returning();
}

async function syncCards(db: Db, rows: OrderActionRow[], order: OrderRow): Promise<OrderCard[]> {
  const cards: OrderCard[] = [];
  for (const row of rows) {
    const card = cardOf(row, order);
    const messageId = (row.payload as { messageId?: string }).messageId;
    if (messageId) await db.update(messages).set({ card }).where(and(eq(messages.id, messageId), eq(messages.workspaceId, row.workspaceId)));
    cards.push(card);
  }
  return cards;
}

async function sendCard(deps: ChatDeps, auth: AuthContext, order: OrderRow, c: ConversationRow, kind: OrderCard["kind"], payload: Omit<SkuChangePayload, "messageId"> | Record<string, never>, text: string) {
  const id = newId("oact");
  const sent = await deps.db.transaction(async (tx) => {
    const replaced = await withdrawPending(tx, order, kind);
    const [action] = await tx
      .insert(orderActions)
      .values({ id, workspaceId: order.workspaceId, shopId: order.shopId, orderId: order.id, conversationId: c.id, kind, payload, createdBy: auth.agent.id })
      .returning();
    const card = cardOf(action!, order);
    const stored = await storeMessage(tx, { workspaceId: c.workspaceId, conversationId: c.id, clientId: `order-card:${id}`, sender: "agent", agentId: auth.agent.id, kind: "order", text, card });
    await tx.update(orderActions).set({ payload: { ...payload, messageId: stored.message.id } }).where(eq(orderActions.id, id));
    const withdrawn = await syncCards(tx, replaced, order);
    return { stored, withdrawn };
  });
  const events: ServerEvent[] = [
    ...sent.withdrawn.map((card) => ({ type: "order_action.updated" as const, conversationId: c.id, card })),
    { type: "message.new", message: toChatMessage(sent.stored.message, auth.agent.name) },
  ];
  await publishConversation(deps, sent.stored.conversation, events);
  return toChatMessage(sent.stored.message, auth.agent.name);
}

export async function sendAddressCheck(deps: ChatDeps, auth: AuthContext, orderRef: string, conversationId: string) {
  const order = await findOrder(deps.db, auth.agent.workspaceId, orderRef);
  if (!order) throw notFound("order");
  const c = await conversationFor(deps.db, auth, order, conversationId);
  if (order.paidAt === null || order.shippedAt !== null || order.status !== "paid") throw new HttpError(409, "not_paid_unshipped", "The address is checked after payment and before shipping", "orderId");
  if (!order.shippingAddress) throw new HttpError(409, "no_address", "The order has no shipping address to check", "orderId");
  return sendCard(deps, auth, order, c, "address_check", {}, `请核对订单 ${order.externalId ?? order.id} 的收货信息`);
}

export async function sendSkuChange(deps: ChatDeps, auth: AuthContext, orderRef: string, input: { conversationId: string; position: number; skuId: string }) {
  const order = await findOrder(deps.db, auth.agent.workspaceId, orderRef);
  if (!order) throw notFound("order");
  const c = await conversationFor(deps.db, auth, order, input.conversationId);
  if (!isPaidUnshipped(order)) throw new HttpError(409, "shipped", order.shippedAt ? "The order has shipped: a different colour or size goes through an exchange" : "Only a paid order waiting to ship can change its colour or size", "orderId");
  const item = (await itemsOf(deps.db, order.id)).find((i) => i.position === input.position);
  if (!item?.skuId || !item.productId) throw new HttpError(400, "invalid", "No such item with a colour/size on this order", "position");
  const [from, to] = await Promise.all(
    [item.skuId, input.skuId].map(async (skuId) => {
      const [row] = await deps.db
        .select({ id: skus.id, productId: skus.productId, color: skus.color, size: skus.size, stock: skus.stock, archivedAt: skus.archivedAt, title: products.title })
        .from(skus)
        .innerJoin(products, eq(products.id, skus.productId))
        .where(and(eq(skus.workspaceId, order.workspaceId), eq(skus.id, skuId)))
        .limit(1);
      return row;
    }),
  );
  // A size the shop no longer sells (archived) is not offered, whatever stock it still shows.
  if (!to || to.productId !== item.productId || to.archivedAt !== null) throw new HttpError(400, "invalid", "Choose another colour or size of the same product", "skuId");
  if (to.id === item.skuId) throw new HttpError(400, "invalid", "That is the colour and size already ordered", "skuId");
  if (to.stock < item.qty) throw new HttpError(409, "out_of_stock", "Not enough real stock of that colour and size", "skuId");
  const payload = { position: item.position, fromSkuId: item.skuId, toSkuId: to.id, qty: item.qty, title: to.title, from: skuLabel(from!), to: skuLabel(to) };
  return sendCard(deps, auth, order, c, "sku_change", payload, `订单 ${order.externalId ?? order.id}：${payload.title} ${payload.from} → ${payload.to}，请确认`);
}

/** An agent takes back an unanswered card. */
export async function withdrawCard(deps: ChatDeps, auth: AuthContext, actionId: string) {
  const [action] = await deps.db.select().from(orderActions).where(and(eq(orderActions.workspaceId, auth.agent.workspaceId), eq(orderActions.id, actionId))).limit(1);
  const c = action ? await findConversation(deps.db, auth.agent.workspaceId, action.conversationId) : null;
  if (!action || !c || !canSeeConversation(auth, c)) throw notFound("order action");
  if (action.state !== "pending") throw new HttpError(409, "answered", "The buyer has already answered this card");
  const order = (await findOrder(deps.db, auth.agent.workspaceId, action.orderId))!;
  const [row] = await deps.db.update(orderActions).set({ state: "withdrawn", resolvedAt: new Date() }).where(and(eq(orderActions.id, action.id), eq(orderActions.state, "pending"))).returning();
  if (!row) throw new HttpError(409, "answered", "The buyer has already answered this card");
  const [card] = await syncCards(deps.db, [row], order);
  await publishConversation(deps, c, [{ type: "order_action.updated", conversationId: c.id, card: card! }], false);
  return card!;
}

export type BuyerAnswer = { answer: "confirm" } | { answer: "decline" } | { answer: "correct"; recipient: Recipient };

export interface Buyer {
  workspaceId: string;
  shopId: string;
  customerId: string;
}

async function buyersAction(db: Db, buyer: Buyer, actionId: string): Promise<{ action: OrderActionRow; order: OrderRow }> {
  const [action] = await db.select().from(orderActions).where(and(eq(orderActions.workspaceId, buyer.workspaceId), eq(orderActions.id, actionId), eq(orderActions.shopId, buyer.shopId))).limit(1);
  const order = action ? await findOrder(db, buyer.workspaceId, action.orderId) : null;
  // Another buyer's card answers as if it did not exist.
  if (!action || !order || order.customerId !== buyer.customerId) throw notFound("order action");
  return { action, order };
}

/** What the buyer's widget shows on the card: their own order's recipient, in full. */
export async function buyerCardView(db: Db, buyer: Buyer, actionId: string) {
  const { action, order } = await buyersAction(db, buyer, actionId);
  return {
    card: cardOf(action, order),
    recipient: order.recipientName ? { name: order.recipientName, phone: order.recipientPhone, address: order.shippingAddress } : null,
    addressVerifiedAt: order.addressVerifiedAt?.toISOString() ?? null,
  };
}

const ANSWER_TEXT = {
  address_check: { confirm: "收货信息无误 ✓", correct: "我修改了收货信息", decline: "收货信息需要修改" },
  sku_change: { confirm: "同意更换 ✓", decline: "不用换了", correct: "不用换了" },
} as const;

/** Applies the buyer's answer; a change that cannot happen any more (shipped, sold out) marks the card failed with the reason. */
export async function answerCard(deps: ChatDeps, buyer: Buyer, actionId: string, answer: BuyerAnswer) {
  const { action } = await buyersAction(deps.db, buyer, actionId);
  if (action.state !== "pending") throw new HttpError(409, "answered", "This card was already answered or withdrawn");
  if (action.kind === "sku_change" && answer.answer === "correct") throw new HttpError(400, "invalid", "A colour/size change is confirmed or declined", "answer");
  let failure: HttpError | null = null;
  let result: { order: OrderRow; action: OrderActionRow } | null = null;
  try {
    result = await deps.db.transaction((tx) => applyAnswer(tx, action, answer));
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 409) throw err;
    failure = err;
  }
  if (failure) {
    const [failed] = await deps.db.update(orderActions).set({ state: "failed", resolvedAt: new Date(), result: { reason: failure.code, message: failure.message } }).where(and(eq(orderActions.id, action.id), eq(orderActions.state, "pending"))).returning();
    const order = (await findOrder(deps.db, buyer.workspaceId, action.orderId))!;
    if (failed) await announce(deps, failed, order, null);
    throw failure;
  }
  const text = ANSWER_TEXT[action.kind as keyof typeof ANSWER_TEXT][answer.answer];
  await announce(deps, result!.action, result!.order, text);
  await publishOrderChanged(deps.bus, result!.order, action.kind === "sku_change" ? "sku" : "address");
  return { card: cardOf(result!.action, result!.order) };
}

async function applyAnswer(tx: Db, action: OrderActionRow, answer: BuyerAnswer) {
  const order = await lockOrder(tx, action.workspaceId, action.orderId);
  if (!order) throw notFound("order");
  const now = new Date();
  let updated = order;
  let state: OrderActionRow["state"] = answer.answer === "confirm" ? "confirmed" : answer.answer === "correct" ? "corrected" : "declined";
  if (action.kind === "address_check" && answer.answer !== "decline") {
    if (order.shippedAt !== null) throw new HttpError(409, "shipped", "The parcel has already left: ask the agent to contact the courier");
    if (order.status !== "paid") throw new HttpError(409, "not_paid_unshipped", "The order is no longer waiting to ship (refunded or cancelled)");
    const fields = answer.answer === "correct" ? { recipientName: answer.recipient.name, recipientPhone: answer.recipient.phone, shippingAddress: answer.recipient.address } : {};
    updated = await updateOrderRow(tx, order.id, { ...fields, addressVerifiedAt: now });
    await addOrderEvent(tx, order, { kind: "address", description: answer.answer === "correct" ? "买家修改并确认了收货信息" : "买家确认了收货信息", at: now });
    await runOrderListeners(tx, { kind: "address", order: updated, previousStatus: null });
  } else if (action.kind === "address_check") {
    state = "declined";
  } else if (answer.answer === "confirm") {
    const p = action.payload as unknown as SkuChangePayload;
    if (!isPaidUnshipped(order)) {
      throw order.shippedAt
        ? new HttpError(409, "shipped", "The order has shipped: a different colour or size now goes through an exchange")
        : new HttpError(409, "not_paid_unshipped", "The order is no longer waiting to ship (refunded or cancelled)");
    }
    const [item] = await tx.select().from(orderItems).where(and(eq(orderItems.orderId, order.id), eq(orderItems.position, p.position))).limit(1);
    if (!item || item.skuId !== p.fromSkuId) throw new HttpError(409, "changed", "The order's item changed since the card was sent");
    await takeStock(tx, order.workspaceId, [{ skuId: p.toSkuId, qty: item.qty }]);
    await releaseStock(tx, order.workspaceId, [{ skuId: p.fromSkuId, qty: item.qty }]);
    await tx.update(orderItems).set({ skuId: p.toSkuId }).where(and(eq(orderItems.id, item.id), ne(orderItems.skuId, p.toSkuId)));
    updated = await updateOrderRow(tx, order.id, {});
    await addOrderEvent(tx, order, { kind: "sku", description: `${p.title}：${p.from} → ${p.to}（买家已确认）`, at: now });
    await runOrderListeners(tx, { kind: "sku", order: updated, previousStatus: null });
  }
  const [resolved] = await tx
    .update(orderActions)
    .set({ state, resolvedAt: now, result: answer.answer === "correct" ? { corrected: true } : {} })
    .where(and(eq(orderActions.id, action.id), eq(orderActions.state, "pending")))
    .returning();
  if (!resolved) throw new HttpError(409, "answered", "This card was already answered or withdrawn");
  await syncCards(tx, [resolved], updated);
  return { order: updated, action: resolved };
}

/** The card's new state to both sides, and the buyer's answer as their message. */
async function announce(deps: ChatDeps, action: OrderActionRow, order: OrderRow, answerText: string | null) {
  const [card] = await syncCards(deps.db, [action], order);
  const c = await findConversation(deps.db, action.workspaceId, action.conversationId);
  if (!c) return;
  const events: ServerEvent[] = [{ type: "order_action.updated", conversationId: c.id, card: card! }];
  let conversation = c;
  if (answerText) {
    const stored = await storeMessage(deps.db, {
      workspaceId: c.workspaceId,
      conversationId: c.id,
      clientId: `order-answer:${action.id}`,
      sender: "buyer",
      agentId: null,
      kind: "text",
      text: answerText,
      ownedBy: { customerId: order.customerId, shopId: order.shopId },
    });
    conversation = stored.conversation;
    if (!stored.duplicate) events.push({ type: "message.new", message: toChatMessage(stored.message, null) });
  }
  await publishConversation(deps, conversation, events);
}
