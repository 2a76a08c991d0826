// Address checks in the chat, end to end: the agent sends the card, the buyer confirms or
// corrects it in the widget, the order records it and both sides see the card's new state.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, type ChatMessage, type OrderCard, type ServerEvent } from "../conversations";
import { orderEvents, orders, placeOrder } from "../orders";
import {
  ADDRESS,
  PHONE,
  actionOf,
  aftersales,
  agentSocket,
  answer,
  bearer,
  buyerInChat,
  cardEvent,
  orderOf,
  paidOrder,
  post,
  presales,
  productId,
  sendAddressCheck,
  shopId,
  supervisor,
  t,
  useOrderCardsApp,
} from "./order-cards.test-kit";

useOrderCardsApp();

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
