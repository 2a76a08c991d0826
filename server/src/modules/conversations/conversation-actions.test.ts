// Routing, auto-replies and what agents do to conversations, on a real database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { agents } from "../staff";
import { insertOrder } from "../orders";
import { updateShop } from "../workspace";
import type { ConversationSummary, ServerEvent } from "./chat-protocol";
import { conversations } from "./conversations.schema";

let t: TestApp;
let base: string;
let shopId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  for (const a of await t.database.db.select().from(agents)) ids[a.email!.split("@")[0]!] = a.id;
}, 60_000);
afterAll(async () => t?.close());

/** Everyone offline and no open conversations, so each test sets up its own floor. */
beforeEach(async () => {
  await t.database.db.update(agents).set({ status: "offline", maxChats: 8 });
  await t.database.db.update(conversations).set({ status: "closed" });
});

async function setOnline(email: string) {
  const s = await t.signIn(`${email}@demo.qindesk`); // signing in brings an agent online
  return s;
}

async function buyerSays(text: string, body: Record<string, unknown> = {}) {
  const session = await buyerSession(t, shopId, body);
  const client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  const ack = await client.say(text);
  if (ack.type !== "message.ack") throw new Error(JSON.stringify(ack));
  return { session, client, conversationId: ack.message.conversationId };
}

async function conversation(id: string, cookie: string): Promise<ConversationSummary> {
  const res = await t.qindesk.app.inject({ url: `/api/v1/conversations/${id}`, headers: { cookie } });
  return res.json().conversation;
}

const post = (url: string, s: { headers: Record<string, string> }, payload: object = {}) => t.qindesk.app.inject({ method: "POST", url, headers: s.headers, payload });

describe("routing and auto-replies", () => {
  it("with nobody online the buyer waits in the queue and gets the away reply; an agent coming online takes it", async () => {
    const b = await buyerSays("有人吗");
    const bots = () => b.client.events.filter((e): e is Extract<ServerEvent, { type: "message.new" }> => e.type === "message.new" && e.message.from === "bot");
    await b.client.next((e) => e.type === "message.new" && e.message.text.includes("非工作时间"));
    expect(bots().map((e) => e.message.text)).toHaveLength(2); // welcome + away
    const sup = await t.signIn("supervisor@demo.qindesk");
    expect((await conversation(b.conversationId, sup.cookie)).status).toBe("waiting");
    await setOnline("presales");
    await expect.poll(async () => (await conversation(b.conversationId, sup.cookie)).assigneeId).toBe(ids.presales);
    await b.client.close();
  });

  it("sends the busy reply when agents are online but all are full", async () => {
    await setOnline("presales");
    await t.database.db.update(agents).set({ maxChats: 1 }).where(eq(agents.id, ids.presales!));
    const first = await buyerSays("第一位");
    const second = await buyerSays("第二位");
    await second.client.next((e) => e.type === "message.new" && e.message.text.includes("咨询量较多"));
    const sup = await t.signIn("supervisor@demo.qindesk");
    expect((await conversation(first.conversationId, sup.cookie)).assigneeId).toBe(ids.presales);
    expect((await conversation(second.conversationId, sup.cookie)).status).toBe("waiting");
    // Closing the first frees the agent, who gets the second at once.
    const agent = await t.signIn("presales@demo.qindesk");
    expect((await post(`/api/v1/conversations/${first.conversationId}/close`, agent, { outcome: "converted" })).statusCode).toBe(200);
    expect((await conversation(second.conversationId, sup.cookie)).assigneeId).toBe(ids.presales);
    await Promise.all([first.client.close(), second.client.close()]);
  });

  it("sends a buyer with a paid order to after-sales, and the away reply outside service hours", async () => {
    const session = await buyerSession(t, shopId);
    await insertOrder(t.database.db, t.workspaceId, { shopId, customerId: session.customer.id, status: "paid", createdAt: new Date(), paidAt: new Date(), items: [{ productId: null, skuId: null, qty: 1, priceCents: 9900 }] });
    await setOnline("aftersales");
    const client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const ack = await client.say("我的衣服什么时候到");
    const sup = await t.signIn("supervisor@demo.qindesk");
    const c = await conversation((ack as Extract<ServerEvent, { type: "message.ack" }>).message.conversationId, sup.cookie);
    expect(c).toMatchObject({ team: "aftersales", assigneeId: ids.aftersales, stage: null });
    await client.close();

    await updateShop(t.database.db, t.workspaceId, shopId, { settings: { demo: true, serviceHours: { start: "03:00", end: "03:01" } } });
    try {
      const night = await buyerSays("还在吗");
      await night.client.next((e) => e.type === "message.new" && e.message.text.includes("03:00"));
      await night.client.close();
    } finally {
      await updateShop(t.database.db, t.workspaceId, shopId, { settings: { demo: true } });
    }
  });

  it("gives a returning buyer back to the agent who served them, else the least loaded", async () => {
    const { insertAgent } = await import("../staff");
    const { hashPassword } = await import("../../platform/auth/passwords");
    await insertAgent(t.database.db, { id: "agent_second", workspaceId: t.workspaceId, name: "售前 小周", email: "second@demo.qindesk", passwordHash: await hashPassword("qindesk-demo"), team: "presales" });
    await setOnline("presales");
    await setOnline("second");
    const one = await buyerSays("买家一");
    const two = await buyerSays("买家二");
    const sup = await t.signIn("supervisor@demo.qindesk");
    const a1 = (await conversation(one.conversationId, sup.cookie)).assigneeId;
    const a2 = (await conversation(two.conversationId, sup.cookie)).assigneeId;
    expect(new Set([a1, a2])).toEqual(new Set([ids.presales, "agent_second"]));
    const agent = await t.signIn(a1 === ids.presales ? "presales@demo.qindesk" : "second@demo.qindesk");
    await post(`/api/v1/conversations/${one.conversationId}/close`, agent, { outcome: "converted" });
    // The same buyer writes again: a new conversation, back to the same agent.
    const again = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(one.session.token)}`);
    const ack = (await again.say("我又来了")) as Extract<ServerEvent, { type: "message.ack" }>;
    expect(ack.message.conversationId).not.toBe(one.conversationId);
    expect((await conversation(ack.message.conversationId, sup.cookie)).assigneeId).toBe(a1);
    await again.next((e) => e.type === "message.new" && e.message.text.includes("再次光临"));
    await Promise.all([one.client.close(), two.client.close(), again.close()]);
  });
});

describe("conversation actions", () => {
  it("moves the pre-sales stage and refuses unknown stages", async () => {
    const agent = await setOnline("presales");
    const b = await buyerSays("想买针织衫");
    expect((await conversation(b.conversationId, agent.cookie)).stage).toBe("welcome");
    expect((await post(`/api/v1/conversations/${b.conversationId}/stage`, agent, { stage: "negotiate" })).json().conversation.stage).toBe("negotiate");
    const bad = await post(`/api/v1/conversations/${b.conversationId}/stage`, agent, { stage: "haggle" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("stage");
    await b.client.close();
  });

  it("closes with an outcome; not converted needs one of the shop's reasons", async () => {
    const agent = await setOnline("presales");
    const b = await buyerSays("太贵了");
    const url = `/api/v1/conversations/${b.conversationId}/close`;
    expect((await post(url, agent, { outcome: "not_converted" })).json().error.field).toBe("lostReason");
    expect((await post(url, agent, { outcome: "not_converted", lostReason: "too-expensive" })).json().error.field).toBe("lostReason");
    const ok = await post(url, agent, { outcome: "not_converted", lostReason: "price", note: "嫌贵，明天再跟踪" });
    expect(ok.json().conversation).toMatchObject({ status: "closed", outcome: "not_converted", lostReason: "price" });
    await b.client.close();
  });

  it("transfers with an internal note the buyer never sees, escalates, and lets a supervisor take over", async () => {
    const agent = await setOnline("presales");
    const b = await buyerSays("我要投诉");
    const url = (what: string) => `/api/v1/conversations/${b.conversationId}/${what}`;
    expect((await post(url("transfer"), agent, {})).json().error.field).toBe("agentId");
    const moved = await post(url("transfer"), agent, { team: "aftersales", note: "买家情绪激动，请售后跟进" });
    expect(moved.json().conversation).toMatchObject({ team: "aftersales", assigneeId: null, status: "waiting" });
    // The pre-sales agent no longer sees it; the after-sales agent does, with the note.
    expect((await t.qindesk.app.inject({ url: url("messages"), headers: { cookie: agent.cookie } })).statusCode).toBe(404);
    const after = await t.signIn("aftersales@demo.qindesk");
    const history = (await t.qindesk.app.inject({ url: url("messages"), headers: { cookie: after.cookie } })).json().items;
    expect(history.some((m: { from: string; text: string }) => m.from === "system" && m.text.includes("情绪激动"))).toBe(true);
    const buyerView = (await t.qindesk.app.inject({ url: "/api/widget/messages", headers: { authorization: `Bearer ${b.session.token}` } })).json().items;
    expect(buyerView.some((m: { from: string }) => m.from === "system")).toBe(false);
    expect(b.client.events.some((e) => e.type === "message.new" && e.message.from === "system")).toBe(false);

    await post(url("claim"), after);
    expect((await post(url("escalate"), after, { note: "需要主管处理" })).json().conversation.escalated).toBe(true);
    const sup = await t.signIn("supervisor@demo.qindesk");
    const taken = await post(url("claim"), sup);
    expect(taken.json().conversation).toMatchObject({ assigneeId: ids.supervisor, escalated: false });
    // Now it is the supervisor's: the after-sales agent may no longer act on it.
    expect((await post(url("close"), after, { outcome: "converted" })).statusCode).toBe(409);
    await b.client.close();
  });
});
