// The after-delivery follow-up (seed 001): the courier's "signed for" opens one task per
// order, due a day later; the question goes into the chat with the seed's words; the
// outcome is recorded.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { messages } from "../conversations";
import { deliveryFollowUps } from "./aftersales.schema";
import { followUpText } from "./delivery-follow-up";

let t: TestApp;
let owner: Session;
let agent: Session;
let shopId: string;
let skuId: string;

beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  agent = await t.signIn("aftersales@demo.qindesk");
  [{ id: skuId }] = await queryRows<{ id: string }>(t.database.db, sql`select id from skus where stock > 5 order by id limit 1`);
}, 60_000);
afterAll(async () => t?.close());

const post = (url: string, payload: object, session: Session) => t.qindesk.app.inject({ method: "POST", url, payload, headers: session.headers });

async function deliveredOrder(id: string, buyer: string) {
  const created = await post("/api/v1/orders", { id, shop: shopId, customer: buyer, customerNick: buyer, status: "paid", createdAt: "2026-11-25T10:00:00+08:00", paidAt: "2026-11-25T10:02:00+08:00", items: [{ sku: skuId, qty: 1, price: 128 }] }, owner);
  expect(created.statusCode).toBe(201);
  const events = [
    { id: "a", at: "2026-11-26T09:00:00+08:00", location: "杭州", description: "已揽收", status: "picked_up" },
    { id: "b", at: "2026-11-28T15:40:00+08:00", location: "上海", description: "已签收", status: "delivered" },
  ];
  expect((await post(`/api/v1/orders/${id}/logistics`, { events }, owner)).statusCode).toBe(200);
  return created.json<{ order: { id: string; customerId: string } }>().order;
}

interface FollowUp {
  id: string;
  orderId: string;
  state: string;
  outcome: string | null;
  dueAt: string;
  conversationId: string | null;
}

const todo = async () => (await t.qindesk.app.inject({ url: "/api/v1/aftersales/follow-ups", headers: agent.headers })).json<{ items: (FollowUp & { orderRef: string; overdue: boolean })[] }>().items;

describe("follow-up after delivery", () => {
  it("opens one task when the parcel is signed for, due a day later", async () => {
    const order = await deliveredOrder("TB-FU-1", "tb_fu_buyer1");
    // The same events again change nothing.
    await post("/api/v1/orders/TB-FU-1/logistics", { events: [{ id: "b", at: "2026-11-28T15:40:00+08:00", description: "已签收", status: "delivered" }] }, owner);
    const mine = (await todo()).filter((f) => f.orderId === order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ state: "open", orderRef: "TB-FU-1", dueAt: "2026-11-29T07:40:00.000Z", overdue: true });
  });

  it("asks the buyer in the chat with seed 001's words and records the outcome", async () => {
    const order = await deliveredOrder("TB-FU-2", "tb_fu_buyer2");
    const task = (await todo()).find((f) => f.orderId === order.id)!;
    const asked = await post(`/api/v1/aftersales/follow-ups/${task.id}/ask`, {}, agent);
    expect(asked.statusCode).toBe(200);
    const { followUp, conversationId } = asked.json<{ followUp: FollowUp; conversationId: string }>();
    expect(followUp.state).toBe("asked");
    const [said] = await t.database.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    expect(said).toMatchObject({ sender: "agent", agentId: agent.agentId });
    expect(said!.text).toContain("请问收到的宝贝还满意吗");
    expect(said!.text).toContain("评价");
    // A new after-sales conversation, the asking agent's.
    const [conversation] = await queryRows<{ team: string; assignee_id: string }>(t.database.db, sql`select team, assignee_id from conversations where id = ${conversationId}`);
    expect(conversation).toEqual({ team: "aftersales", assignee_id: agent.agentId });

    const done = await post(`/api/v1/aftersales/follow-ups/${task.id}/outcome`, { outcome: "all_good", note: "买家说很合身，会去评价" }, agent);
    expect(done.json<{ followUp: FollowUp }>().followUp).toMatchObject({ state: "done", outcome: "all_good" });
    expect((await todo()).some((f) => f.id === task.id)).toBe(false);
    expect((await post(`/api/v1/aftersales/follow-ups/${task.id}/ask`, {}, agent)).statusCode).toBe(409);
    expect((await post(`/api/v1/aftersales/follow-ups/${task.id}/outcome`, { outcome: "shrug" }, agent)).statusCode).toBe(400);
  });

  it("uses the buyer's open conversation, and refuses one that belongs to a colleague", async () => {
    const order = await deliveredOrder("TB-FU-3", "tb_fu_buyer3");
    const task = (await todo()).find((f) => f.orderId === order.id)!;
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    const first = (await post(`/api/v1/aftersales/follow-ups/${task.id}/ask`, {}, supervisor)).json<{ conversationId: string }>();
    expect((await post(`/api/v1/aftersales/follow-ups/${task.id}/ask`, {}, agent)).statusCode).toBe(409);
    const again = await post(`/api/v1/aftersales/follow-ups/${task.id}/ask`, { text: "亲，宝贝还合适吗？" }, supervisor);
    expect(again.json<{ conversationId: string }>().conversationId).toBe(first.conversationId);
  });

  it("does not follow up an order reported long after it was delivered, and keeps workspaces apart", async () => {
    const old = await post("/api/v1/orders", { id: "TB-FU-OLD", shop: shopId, customer: "tb_fu_old", status: "delivered", createdAt: "2026-01-05T10:00:00+08:00", paidAt: "2026-01-05T10:01:00+08:00", shippedAt: "2026-01-06T10:00:00+08:00", deliveredAt: "2026-01-08T10:00:00+08:00", items: [{ sku: skuId, qty: 1, price: 128 }] }, owner);
    expect(old.statusCode).toBe(201);
    expect((await todo()).some((f) => f.orderRef === "TB-FU-OLD")).toBe(false);
    await t.database.db.insert(deliveryFollowUps).values({ id: "dfu_foreign", workspaceId: "ws_other", shopId: "s", orderId: "o_foreign", customerId: "c", deliveredAt: new Date(), dueAt: new Date() });
    expect((await post("/api/v1/aftersales/follow-ups/dfu_foreign/ask", {}, agent)).statusCode).toBe(404);
    expect((await post("/api/v1/aftersales/follow-ups/dfu_foreign/outcome", { outcome: "no_answer" }, agent)).statusCode).toBe(404);
  });

  it("words the question with the goods when it knows them", () => {
    expect(followUpText("V领宽松针织衫")).toMatch(/^亲，您的「V领宽松针织衫」已经签收啦/);
    expect(followUpText(null)).toMatch(/^亲，您的包裹已经签收啦/);
  });
});
