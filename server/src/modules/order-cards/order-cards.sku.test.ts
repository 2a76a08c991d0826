// Colour/size changes in the chat, end to end: the buyer's yes moves the stock of both SKUs
// and changes the item in one transaction; one that can no longer happen fails the card.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages, type ChatMessage } from "../conversations";
import { orderActions, orderEvents } from "../orders";
import { skus } from "../catalog";
import {
  actionOf,
  aftersales,
  agentSocket,
  answer,
  buyerInChat,
  cardEvent,
  itemOf,
  paidOrder,
  post,
  productId,
  stockOf,
  supervisor,
  t,
  useOrderCardsApp,
  type Buyer,
} from "./order-cards.test-kit";

useOrderCardsApp();

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
