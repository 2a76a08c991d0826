// Order cards in the chat, end to end on a real database with real sockets: the agent sends
// an address check or a colour/size change, the buyer answers in the widget, the order
// changes (stock moved in the same transaction) and both sides see the card's new state.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { products, skus } from "../catalog";
import { conversations, messages, type ChatMessage, type OrderCard, type ServerEvent } from "../conversations";
import { orderActions, orderEvents, orderItems, orders, placeOrder } from "../orders";

let t: TestApp;
let base: string;
let shopId: string;
let productId: string;
let aftersales: Session;
let presales: Session;
let supervisor: Session;

const PHONE = "13700002222";
const ADDRESS = "浙江省杭州市西湖区文一西路998号海创园5幢";

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  const [product] = await t.database.db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
  productId = product!.id;
  // The product's own colour × size grid for these tests, with stocks we know.
  await t.database.db.insert(skus).values([
    { id: "sku_card_m", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "M", stock: 100 },
    { id: "sku_card_l", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "L", stock: 100 },
    { id: "sku_card_xl", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "XL", stock: 2 },
  ]);
  aftersales = await t.signIn("aftersales@demo.qindesk");
  presales = await t.signIn("presales@demo.qindesk");
  supervisor = await t.signIn("supervisor@demo.qindesk");
}, 60_000);
afterAll(async () => t?.close());

const post = (url: string, s: Session, payload: object = {}) => t.qindesk.app.inject({ method: "POST", url, headers: s.headers, payload });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const stockOf = async (id: string) => (await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, id)))[0]!.stock;
const orderOf = async (id: string) => (await t.database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const itemOf = async (orderId: string) => (await t.database.db.select().from(orderItems).where(eq(orderItems.orderId, orderId)))[0]!;
const actionOf = async (id: string) => (await t.database.db.select().from(orderActions).where(eq(orderActions.id, id)))[0]!;

interface Buyer {
  token: string;
  customerId: string;
  conversationId: string;
  socket: ChatClient;
}

/** A buyer with a chat open in the widget, served by the after-sales agent. */
async function buyerInChat(): Promise<Buyer> {
  const session = await buyerSession(t, shopId);
  const socket = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  const ack = await socket.say("我的订单地址对吗？");
  if (ack.type !== "message.ack") throw new Error(JSON.stringify(ack));
  const conversationId = ack.message.conversationId;
  await t.database.db.update(conversations).set({ team: "aftersales", assigneeId: aftersales.agentId, status: "open" }).where(eq(conversations.id, conversationId));
  return { token: session.token, customerId: session.customer.id, conversationId, socket };
}

async function paidOrder(buyer: Buyer, sku = "sku_card_m", qty = 2) {
  const order = await placeOrder({ db: t.database.db, bus: t.qindesk.bus }, t.workspaceId, {
    shopId,
    customerId: buyer.customerId,
    status: "paid",
    createdAt: new Date(),
    paidAt: new Date(),
    items: [{ productId, skuId: sku, qty, priceCents: 9900 }],
    recipient: { name: "钱多多", phone: PHONE, address: ADDRESS },
    source: "storefront",
  });
  return order.id;
}

async function agentSocket(s: Session) {
  return ChatClient.connect(`${base}/api/ws`, { cookie: s.cookie });
}

const cardEvent = (socket: ChatClient, actionId: string, state: string) =>
  socket.next<Extract<ServerEvent, { type: "order_action.updated" }>>((e) => e.type === "order_action.updated" && e.card.actionId === actionId && e.card.state === state);

async function sendAddressCheck(orderId: string, buyer: Buyer, s = aftersales) {
  const res = await post(`/api/v1/orders/${orderId}/address-check`, s, { conversationId: buyer.conversationId });
  return res;
}

const answer = (buyer: Buyer, actionId: string, payload: object) => t.qindesk.app.inject({ method: "POST", url: `/api/widget/order-actions/${actionId}/answer`, headers: bearer(buyer.token), payload });

describe("address check", () => {
  it("sends a card with no phone or address in the chat; the buyer confirms: verified, answered in the chat, both sides told", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer);
    const agent = await agentSocket(aftersales);
    try {
      const res = await sendAddressCheck(orderId, buyer);
      expect(res.statusCode, res.body).toBe(201);
      const message = res.json<{ message: ChatMessage }>().message;
      expect(message).toMatchObject({ kind: "order", from: "agent", conversationId: buyer.conversationId, card: { kind: "address_check", orderId, state: "pending" } });
      const card = message.card!;
      // Nothing of the recipient travels in the chat: not in the card, not in the text.
      for (const secret of [PHONE, PHONE.slice(-4), "文一西路", "海创园", "钱多多", "****"]) expect(JSON.stringify(message)).not.toContain(secret);

      // The card reaches both sides live.
      const onBuyer = await buyer.socket.next<Extract<ServerEvent, { type: "message.new" }>>((e) => e.type === "message.new" && e.message.kind === "order");
      expect(onBuyer.message.card).toMatchObject({ actionId: card.actionId, state: "pending" });
      for (const secret of [PHONE, "文一西路"]) expect(JSON.stringify(onBuyer)).not.toContain(secret);
      await agent.next((e) => e.type === "message.new" && e.message.id === message.id);

      // The buyer's widget reads its own order's recipient for the card.
      const view = await t.qindesk.app.inject({ url: `/api/widget/order-actions/${card.actionId}`, headers: bearer(buyer.token) });
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({ card: { actionId: card.actionId, state: "pending" }, recipient: { name: "钱多多", phone: PHONE, address: ADDRESS }, addressVerifiedAt: null });

      const confirmed = await answer(buyer, card.actionId, { answer: "confirm" });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ card: { actionId: card.actionId, state: "confirmed" } });
      const order = await orderOf(orderId);
      expect(order.addressVerifiedAt).not.toBeNull();
      expect(order).toMatchObject({ recipientPhone: PHONE, shippingAddress: ADDRESS });
      expect(await actionOf(card.actionId)).toMatchObject({ state: "confirmed" });

      // The answer is the buyer's message in the conversation; the card message shows its new state.
      const history = await t.qindesk.app.inject({ url: `/api/v1/conversations/${buyer.conversationId}/messages`, headers: aftersales.headers });
      const items = history.json<{ items: ChatMessage[] }>().items;
      expect(items.find((m) => m.id === message.id)!.card).toMatchObject({ state: "confirmed" });
      expect(items.at(-1)).toMatchObject({ from: "buyer", kind: "text" });
      expect(items.at(-1)!.text).toContain("收货信息无误");

      await cardEvent(agent, card.actionId, "confirmed");
      await cardEvent(buyer.socket, card.actionId, "confirmed");
      await agent.next((e) => e.type === "message.new" && e.message.from === "buyer" && e.message.text.includes("收货信息无误"));
      // On the order's timeline.
      const timeline = await t.database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.kind, "address")));
      expect(timeline).toHaveLength(1);

      // Answering twice: 409, and nothing more in the chat.
      const again = await answer(buyer, card.actionId, { answer: "correct", recipient: { name: "别人", phone: "13900000000", address: "上海市黄浦区南京东路1号" } });
      expect(again.statusCode).toBe(409);
      expect((await orderOf(orderId)).recipientName).toBe("钱多多");
    } finally {
      await Promise.all([agent.close(), buyer.socket.close()]);
    }
  });

  it("takes the buyer's correction as the new recipient", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer);
    try {
      const card = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message.card!;
      // A recipient that does not validate is refused, and the card stays open.
      expect((await answer(buyer, card.actionId, { answer: "correct", recipient: { name: "孙", phone: "call me", address: "上海" } })).statusCode).toBe(400);
      expect((await actionOf(card.actionId)).state).toBe("pending");
      const recipient = { name: "孙小美", phone: "13611112222", address: "上海市浦东新区张江路88弄3号" };
      const res = await answer(buyer, card.actionId, { answer: "correct", recipient });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ card: { state: "corrected" } });
      const order = await orderOf(orderId);
      expect(order).toMatchObject({ recipientName: recipient.name, recipientPhone: recipient.phone, shippingAddress: recipient.address });
      expect(order.addressVerifiedAt).not.toBeNull();
      // The agents' view of the order stays masked.
      const detail = await t.qindesk.app.inject({ url: `/api/v1/orders/${orderId}`, headers: aftersales.headers });
      expect(detail.json<{ order: { recipient: { phone: string } } }>().order.recipient.phone).toBe("136****2222");
    } finally {
      await buyer.socket.close();
    }
  });

  it("a decline leaves the address unverified", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer);
    try {
      const card = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message.card!;
      expect((await answer(buyer, card.actionId, { answer: "decline" })).json()).toMatchObject({ card: { state: "declined" } });
      expect((await orderOf(orderId)).addressVerifiedAt).toBeNull();
    } finally {
      await buyer.socket.close();
    }
  });

  it("answers 404 to another buyer, and to an agent who cannot see the conversation", async () => {
    const buyer = await buyerInChat();
    const other = await buyerInChat();
    const orderId = await paidOrder(buyer);
    try {
      const card = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message.card!;
      expect((await t.qindesk.app.inject({ url: `/api/widget/order-actions/${card.actionId}`, headers: bearer(other.token) })).statusCode).toBe(404);
      expect((await answer(other, card.actionId, { answer: "confirm" })).statusCode).toBe(404);
      expect((await t.qindesk.app.inject({ url: `/api/widget/order-actions/${card.actionId}` })).statusCode).toBe(401);
      expect((await actionOf(card.actionId)).state).toBe("pending");

      // The pre-sales agent does not see this after-sales conversation.
      const hidden = await sendAddressCheck(orderId, buyer, presales);
      expect(hidden.statusCode).toBe(404);
      expect((await post(`/api/v1/order-actions/${card.actionId}/withdraw`, presales)).statusCode).toBe(404);
      expect((await actionOf(card.actionId)).state).toBe("pending");
      // An order of another buyer than the conversation's.
      expect((await sendAddressCheck(orderId, other)).statusCode).toBe(400);
    } finally {
      await Promise.all([buyer.socket.close(), other.socket.close()]);
    }
  });

  it("fails a card the buyer answers after the order was refunded, with that reason", async () => {
    const buyer = await buyerInChat();
    try {
      const orderId = await paidOrder(buyer, "sku_card_m", 1);
      const card = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message.card!;
      await t.database.db.update(orders).set({ status: "refunded" }).where(eq(orders.id, orderId));
      expect((await answer(buyer, card.actionId, { answer: "confirm" })).statusCode).toBe(409);
      expect(await actionOf(card.actionId)).toMatchObject({ state: "failed", result: { reason: "not_paid_unshipped" } });
      expect((await orderOf(orderId)).addressVerifiedAt).toBeNull();
    } finally {
      await buyer.socket.close();
    }
  });

  it("is refused before payment and after shipping, and a card answered after the parcel left fails", async () => {
    const buyer = await buyerInChat();
    try {
      const unpaid = await placeOrder({ db: t.database.db, bus: t.qindesk.bus }, t.workspaceId, {
        shopId,
        customerId: buyer.customerId,
        status: "awaiting_payment",
        createdAt: new Date(),
        paidAt: null,
        items: [{ productId, skuId: "sku_card_m", qty: 1, priceCents: 9900 }],
        recipient: { name: "钱多多", phone: PHONE, address: ADDRESS },
        source: "storefront",
      });
      expect((await sendAddressCheck(unpaid.id, buyer)).statusCode).toBe(409);

      const orderId = await paidOrder(buyer, "sku_card_m", 1);
      const card = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message.card!;
      expect((await post(`/api/v1/orders/${orderId}/ship`, supervisor, { trackingNo: "ZT100" })).statusCode).toBe(200);
      expect((await sendAddressCheck(orderId, buyer)).statusCode).toBe(409);
      const late = await answer(buyer, card.actionId, { answer: "correct", recipient: { name: "孙小美", phone: "13611112222", address: "上海市浦东新区张江路88弄3号" } });
      expect(late.statusCode).toBe(409);
      expect(await actionOf(card.actionId)).toMatchObject({ state: "failed", result: { reason: "shipped" } });
      expect(await orderOf(orderId)).toMatchObject({ recipientName: "钱多多", addressVerifiedAt: null });
    } finally {
      await buyer.socket.close();
    }
  });

  it("a newer card withdraws the older unanswered one; the agent may also take one back", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer);
    const agent = await agentSocket(aftersales);
    try {
      const first = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message;
      const second = (await sendAddressCheck(orderId, buyer)).json<{ message: ChatMessage }>().message;
      expect(await actionOf(first.card!.actionId)).toMatchObject({ state: "withdrawn" });
      expect(await actionOf(second.card!.actionId)).toMatchObject({ state: "pending" });
      await cardEvent(agent, first.card!.actionId, "withdrawn");
      await cardEvent(buyer.socket, first.card!.actionId, "withdrawn");
      const [stored] = await t.database.db.select().from(messages).where(eq(messages.id, first.id));
      expect((stored!.card as OrderCard).state).toBe("withdrawn");
      expect((await answer(buyer, first.card!.actionId, { answer: "confirm" })).statusCode).toBe(409);

      const back = await post(`/api/v1/order-actions/${second.card!.actionId}/withdraw`, aftersales);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ card: { state: "withdrawn" } });
      await cardEvent(buyer.socket, second.card!.actionId, "withdrawn");
      expect((await post(`/api/v1/order-actions/${second.card!.actionId}/withdraw`, aftersales)).statusCode).toBe(409);
      expect((await answer(buyer, second.card!.actionId, { answer: "confirm" })).statusCode).toBe(409);
      expect((await orderOf(orderId)).addressVerifiedAt).toBeNull();
    } finally {
      await Promise.all([agent.close(), buyer.socket.close()]);
    }
  });
});

describe("colour/size change", () => {
  const propose = (orderId: string, buyer: Buyer, skuId: string, position = 0) => post(`/api/v1/orders/${orderId}/sku-change`, aftersales, { conversationId: buyer.conversationId, position, skuId });

  it("the buyer confirms: the new size's stock is taken, the old one's put back, the item changed", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 2);
    const agent = await agentSocket(aftersales);
    try {
      const [m0, l0] = [await stockOf("sku_card_m"), await stockOf("sku_card_l")];
      const res = await propose(orderId, buyer, "sku_card_l");
      expect(res.statusCode, res.body).toBe(201);
      const message = res.json<{ message: ChatMessage }>().message;
      expect(message.card).toMatchObject({ kind: "sku_change", from: "卡片灰 / M", to: "卡片灰 / L", state: "pending" });
      // Proposing holds nothing yet.
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_l")]).toEqual([m0, l0]);

      const confirmed = await answer(buyer, message.card!.actionId, { answer: "confirm" });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ card: { state: "confirmed" } });
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_l")]).toEqual([m0 + 2, l0 - 2]);
      expect(await itemOf(orderId)).toMatchObject({ skuId: "sku_card_l", qty: 2 });
      await cardEvent(agent, message.card!.actionId, "confirmed");
      await cardEvent(buyer.socket, message.card!.actionId, "confirmed");
      const timeline = await t.database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.kind, "sku")));
      expect(timeline.map((e) => e.description)).toEqual([expect.stringContaining("卡片灰 / M → 卡片灰 / L")]);
      // Twice: 409, stock moved once.
      expect((await answer(buyer, message.card!.actionId, { answer: "confirm" })).statusCode).toBe(409);
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_l")]).toEqual([m0 + 2, l0 - 2]);
    } finally {
      await Promise.all([agent.close(), buyer.socket.close()]);
    }
  });

  it("refuses another product's SKU, the same SKU, a missing item, too little stock, and a shipped order", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 3);
    try {
      const otherProductSku = (await t.database.db.select().from(skus)).find((s) => s.productId !== productId)!;
      for (const [skuId, position, status, field] of [
        [otherProductSku.id, 0, 400, "skuId"],
        ["sku_card_m", 0, 400, "skuId"],
        ["sku_card_l", 5, 400, "position"],
        ["sku_card_xl", 0, 409, "skuId"], // 2 left, 3 ordered
      ] as const) {
        const res = await propose(orderId, buyer, skuId, position);
        expect(res.statusCode, `${skuId} ${res.body}`).toBe(status);
        expect(res.json<{ error: { field: string } }>().error.field).toBe(field);
      }
      // A size the shop no longer sells (archived in the catalog) is not offered.
      await t.database.db.insert(skus).values({ id: "sku_card_old", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "XXL", stock: 50, archivedAt: new Date() });
      const archived = await propose(orderId, buyer, "sku_card_old");
      expect(archived.statusCode, archived.body).toBe(400);
      expect(archived.json<{ error: { field: string } }>().error.field).toBe("skuId");
      expect((await post(`/api/v1/orders/${orderId}/ship`, supervisor, {})).statusCode).toBe(200);
      const shipped = await propose(orderId, buyer, "sku_card_l");
      expect(shipped.statusCode).toBe(409);
      expect(shipped.json<{ error: { code: string } }>().error.code).toBe("shipped");
      expect(await t.database.db.select().from(orderActions).where(eq(orderActions.orderId, orderId))).toEqual([]);
    } finally {
      await buyer.socket.close();
    }
  });

  it("fails the card, changing nothing, when the order shipped between proposal and answer", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 1);
    const agent = await agentSocket(aftersales);
    try {
      const card = (await propose(orderId, buyer, "sku_card_l")).json<{ message: ChatMessage }>().message.card!;
      expect((await post(`/api/v1/orders/${orderId}/ship`, supervisor, {})).statusCode).toBe(200);
      const [m0, l0] = [await stockOf("sku_card_m"), await stockOf("sku_card_l")];
      const res = await answer(buyer, card.actionId, { answer: "confirm" });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe("shipped");
      expect(await actionOf(card.actionId)).toMatchObject({ state: "failed", result: { reason: "shipped" } });
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_l")]).toEqual([m0, l0]);
      expect(await itemOf(orderId)).toMatchObject({ skuId: "sku_card_m" });
      await cardEvent(agent, card.actionId, "failed");
      await cardEvent(buyer.socket, card.actionId, "failed");
    } finally {
      await Promise.all([agent.close(), buyer.socket.close()]);
    }
  });

  it("fails the card, changing nothing, when the new size sold out before the answer", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 2);
    try {
      await t.database.db.update(skus).set({ stock: 2 }).where(eq(skus.id, "sku_card_xl"));
      const card = (await propose(orderId, buyer, "sku_card_xl")).json<{ message: ChatMessage }>().message.card!;
      // Someone else buys the last XL meanwhile.
      await t.database.db.update(skus).set({ stock: 1 }).where(eq(skus.id, "sku_card_xl"));
      const m0 = await stockOf("sku_card_m");
      const res = await answer(buyer, card.actionId, { answer: "confirm" });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe("out_of_stock");
      expect(await actionOf(card.actionId)).toMatchObject({ state: "failed", result: { reason: "out_of_stock" } });
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_xl")]).toEqual([m0, 1]);
      expect(await itemOf(orderId)).toMatchObject({ skuId: "sku_card_m" });
    } finally {
      await buyer.socket.close();
    }
  });

  it("a decline changes nothing, and a size change cannot be 'corrected'", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 1);
    try {
      const card = (await propose(orderId, buyer, "sku_card_l")).json<{ message: ChatMessage }>().message.card!;
      expect((await answer(buyer, card.actionId, { answer: "correct", recipient: { name: "孙小美", phone: "13611112222", address: "上海市浦东新区张江路88弄3号" } })).statusCode).toBe(400);
      const [m0, l0] = [await stockOf("sku_card_m"), await stockOf("sku_card_l")];
      expect((await answer(buyer, card.actionId, { answer: "decline" })).json()).toMatchObject({ card: { state: "declined" } });
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_l")]).toEqual([m0, l0]);
      expect(await itemOf(orderId)).toMatchObject({ skuId: "sku_card_m" });
    } finally {
      await buyer.socket.close();
    }
  });

  it("two answers at once move the stock once", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 1);
    try {
      const card = (await propose(orderId, buyer, "sku_card_l")).json<{ message: ChatMessage }>().message.card!;
      const [m0, l0] = [await stockOf("sku_card_m"), await stockOf("sku_card_l")];
      const both = await Promise.all([answer(buyer, card.actionId, { answer: "confirm" }), answer(buyer, card.actionId, { answer: "confirm" })]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect([await stockOf("sku_card_m"), await stockOf("sku_card_l")]).toEqual([m0 + 1, l0 - 1]);
      expect(await actionOf(card.actionId)).toMatchObject({ state: "confirmed" });
      const answers = await t.database.db.select().from(messages).where(and(eq(messages.conversationId, buyer.conversationId), eq(messages.sender, "buyer")));
      expect(answers.filter((m) => m.text.includes("同意更换"))).toHaveLength(1);
    } finally {
      await buyer.socket.close();
    }
  });

  it("a second change of the same item withdraws the first card", async () => {
    const buyer = await buyerInChat();
    const orderId = await paidOrder(buyer, "sku_card_m", 1);
    try {
      const first = (await propose(orderId, buyer, "sku_card_l")).json<{ message: ChatMessage }>().message.card!;
      await t.database.db.update(skus).set({ stock: 5 }).where(eq(skus.id, "sku_card_xl"));
      const second = (await propose(orderId, buyer, "sku_card_xl")).json<{ message: ChatMessage }>().message.card!;
      expect(await actionOf(first.actionId)).toMatchObject({ state: "withdrawn" });
      expect((await answer(buyer, first.actionId, { answer: "confirm" })).statusCode).toBe(409);
      expect((await answer(buyer, second.actionId, { answer: "confirm" })).statusCode).toBe(200);
      expect(await itemOf(orderId)).toMatchObject({ skuId: "sku_card_xl" });
    } finally {
      await buyer.socket.close();
    }
  });
});
