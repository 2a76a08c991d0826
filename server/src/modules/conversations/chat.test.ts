// The chat protocol end to end over real sockets on a real database: acks after commit,
// per-conversation sequence numbers, idempotent sends, resume, visibility.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import type { ChatMessage, ServerEvent } from "./chat-protocol";

let t: TestApp;
let base: string;
let shopId: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
}, 60_000);
afterAll(async () => t?.close());

const isNew = (text: string) => (e: ServerEvent) => e.type === "message.new" && e.message.text === text;

async function agentSocket(email: string) {
  const s = await t.signIn(email);
  return { session: s, client: await ChatClient.connect(`${base}/api/ws`, { cookie: s.cookie }) };
}

async function buyer(body: Record<string, unknown> = {}) {
  const session = await buyerSession(t, shopId, body);
  return { session, client: await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`) };
}

describe("chat", () => {
  it("stores a buyer message, acks it with seq 1, welcomes the buyer and tells the pre-sales team", async () => {
    const presales = await agentSocket("presales@demo.qindesk");
    const aftersales = await agentSocket("aftersales@demo.qindesk");
    const b = await buyer();
    const ack = await b.client.say("亲，这件针织衫有M码吗");
    expect(ack.type).toBe("message.ack");
    expect(ack.message).toMatchObject({ seq: 1, from: "buyer", text: "亲，这件针织衫有M码吗" });
    const welcome = await b.client.next<Extract<ServerEvent, { type: "message.new" }>>((e) => e.type === "message.new" && e.message.from === "bot");
    expect(welcome.message.seq).toBe(2);
    expect(welcome.message.text).toContain("瑞丽女坊");
    await presales.client.next(isNew("亲，这件针织衫有M码吗"));
    const updated = await presales.client.next<Extract<ServerEvent, { type: "conversation.updated" }>>((e) => e.type === "conversation.updated");
    expect(updated.conversation.waitingSince).not.toBeNull();
    // The after-sales agent does not see a pre-sales conversation.
    await new Promise((r) => setTimeout(r, 200));
    expect(aftersales.client.events.some((e) => e.type === "message.new")).toBe(false);
    const res = await t.qindesk.app.inject({ url: `/api/v1/conversations/${ack.message.conversationId}`, headers: { cookie: aftersales.session.cookie } });
    expect(res.statusCode).toBe(404);
    await Promise.all([presales.client.close(), aftersales.client.close(), b.client.close()]);
  });

  it("drops a repeated client id: same message, same seq, nothing new stored", async () => {
    const b = await buyer();
    const first = await b.client.say("第一条", { clientId: "dup-client-0001" });
    b.client.clear();
    const again = await b.client.say("第一条（重发）", { clientId: "dup-client-0001" });
    expect(again.message.id).toBe(first.message.id);
    expect(again.message.seq).toBe(first.message.seq);
    const history = await t.qindesk.app.inject({ url: "/api/widget/messages", headers: { authorization: `Bearer ${b.session.token}` } });
    expect(history.json().items.filter((m: ChatMessage) => m.from === "buyer")).toHaveLength(1);
    await b.client.close();
  });

  it("gives concurrent sends distinct, gapless sequence numbers", async () => {
    const b = await buyer();
    await b.client.say("开始");
    const acks = await Promise.all(Array.from({ length: 8 }, (_, i) => b.client.say(`消息 ${i}`)));
    const seqs = acks.map((a) => a.message.seq).sort((x, y) => x - y);
    expect(seqs).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    await b.client.close();
  });

  it("answers from the agent reach the buyer; a reconnecting buyer gets exactly what they missed", async () => {
    const agent = await agentSocket("presales@demo.qindesk");
    const b = await buyer();
    const ack = await b.client.say("在吗");
    const conversationId = ack.message.conversationId;
    const reply = await agent.client.say("在的亲", { conversationId });
    expect(reply.message).toMatchObject({ from: "agent", seq: 3, agentName: "售前 小雅" });
    await b.client.next(isNew("在的亲"));
    const lastSeen = 3;
    await b.client.close();
    await agent.client.say("M码有货哦", { conversationId });
    await agent.client.say("今天16点前付款当天发", { conversationId });
    const back = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(b.session.token)}`);
    back.send({ type: "hello", lastSeq: { [conversationId]: lastSeen } });
    await back.next((e) => e.type === "resume.done");
    const missed = back.events.filter((e): e is Extract<ServerEvent, { type: "message.new" }> => e.type === "message.new").map((e) => e.message.text);
    expect(missed).toEqual(["M码有货哦", "今天16点前付款当天发"]);
    await Promise.all([back.close(), agent.client.close()]);
  });

  it("resumes a buyer's latest conversation when their hello names none (first ack lost)", async () => {
    const b = await buyer();
    await b.client.say("第一句就断线了");
    const back = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(b.session.token)}`);
    back.send({ type: "hello", lastSeq: {} });
    await back.next((e) => e.type === "resume.done");
    const texts = back.events.filter((e): e is Extract<ServerEvent, { type: "message.new" }> => e.type === "message.new").map((e) => e.message.text);
    expect(texts[0]).toBe("第一句就断线了");
    expect(texts.length).toBeGreaterThanOrEqual(2); // and the welcome after it
    await Promise.all([b.client.close(), back.close()]);
  });

  it("keeps a buyer out of other buyers' conversations", async () => {
    const a = await buyer();
    const ack = await a.client.say("我的私事");
    const b = await buyer();
    b.client.send({ type: "hello", lastSeq: { [ack.message.conversationId]: 0 } });
    await b.client.next((e) => e.type === "resume.done");
    expect(b.client.events.some((e) => e.type === "message.new")).toBe(false);
    const intrude = await b.client.say("插话", { conversationId: ack.message.conversationId });
    expect(intrude).toMatchObject({ type: "error", code: "not_found" });
    await Promise.all([a.client.close(), b.client.close()]);
  });

  it("limits a buyer's message rate and size with a clear error event", async () => {
    const b = await buyer();
    const big = await b.client.say("长".repeat(2001));
    expect(big).toMatchObject({ type: "error", code: "too_large" });
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => b.client.say(`刷屏 ${i}`)));
    const events = results as ServerEvent[];
    expect(events.some((r) => r.type === "error" && r.code === "rate_limited")).toBe(true);
    await b.client.close();
  });

  it("accepts a real image and refuses an SVG or HTML file sent as one", async () => {
    const b = await buyer();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
    const ok = await b.client.say("", { kind: "image", imageUrl: `data:image/png;base64,${png}` });
    expect(ok).toMatchObject({ type: "message.ack", message: { kind: "image" } });
    const svg = Buffer.from("<svg onload=alert(1)>").toString("base64");
    expect(await b.client.say("", { kind: "image", imageUrl: `data:image/svg+xml;base64,${svg}` })).toMatchObject({ type: "error", code: "bad_event" });
    expect(await b.client.say("", { kind: "image", imageUrl: `data:image/png;base64,${svg}` })).toMatchObject({ type: "error", code: "bad_event" });
    await b.client.close();
  });

  it("refuses sockets without a session or with a forged widget token", async () => {
    const { default: WebSocket } = await import("ws");
    for (const url of [`${base}/api/ws`, `${base}/api/widget/ws?token=${shopId}.cus_x.9999999999.forged`]) {
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        ws.on("close", (c) => resolve(c));
      });
      expect(code).toBe(4401);
    }
  });
});

describe("buyer identity", () => {
  it("accepts a signed buyer, refuses a bad signature and an expired identity", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const { secret } = (await t.qindesk.app.inject({ url: `/api/v1/shops/${shopId}/widget`, headers: { cookie: owner.cookie } })).json();
    const { signIdentity } = await import("./widget-identity");
    const expires = Math.floor(Date.now() / 1000) + 600;
    const identity = { buyerId: "tb_buyer_42", nick: "小红", expires, signature: signIdentity(secret, "tb_buyer_42", "小红", expires) };
    const ok = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/session", payload: { shopId, identity } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().customer.nick).toBe("小红");
    const forged = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/session", payload: { shopId, identity: { ...identity, buyerId: "tb_buyer_43" } } });
    expect(forged.statusCode).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 1;
    const expired = await t.qindesk.app.inject({
      method: "POST",
      url: "/api/widget/session",
      payload: { shopId, identity: { ...identity, expires: old, signature: signIdentity(secret, "tb_buyer_42", "小红", old) } },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe("expired");
  });

  it("never lets an anonymous visitor become a known buyer", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const { secret } = (await t.qindesk.app.inject({ url: `/api/v1/shops/${shopId}/widget`, headers: { cookie: owner.cookie } })).json();
    const { signIdentity } = await import("./widget-identity");
    const expires = Math.floor(Date.now() / 1000) + 600;
    const signed = await buyerSession(t, shopId, { identity: { buyerId: "tb_buyer_77", nick: "小蓝", expires, signature: signIdentity(secret, "tb_buyer_77", "小蓝", expires) } });
    // A visitor id equal to (or made from) the buyer id is just another anonymous visitor.
    const visitor = await buyerSession(t, shopId, { visitorId: "tb_buyer_77_________" });
    expect(visitor.customer.id).not.toBe(signed.customer.id);
    const tooShort = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/session", payload: { shopId, visitorId: "tb_buyer_77" } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.field).toBe("visitorId");
  });
});

describe("workbench queues", () => {
  it("lists waiting and team conversations for agents, all only for supervisors", async () => {
    const s = await t.signIn("presales@demo.qindesk");
    const team = await t.qindesk.app.inject({ url: "/api/v1/conversations?view=team", headers: { cookie: s.cookie } });
    expect(team.statusCode).toBe(200);
    expect(team.json().items.length).toBeGreaterThan(0);
    expect(team.json().items[0].customer.nick).toBeTruthy();
    expect((await t.qindesk.app.inject({ url: "/api/v1/conversations?view=all", headers: { cookie: s.cookie } })).statusCode).toBe(403);
    const sup = await t.signIn("supervisor@demo.qindesk");
    expect((await t.qindesk.app.inject({ url: "/api/v1/conversations?view=all", headers: { cookie: sup.cookie } })).statusCode).toBe(200);
    expect((await t.qindesk.app.inject({ url: "/api/v1/conversations?view=bogus", headers: { cookie: s.cookie } })).json().error.field).toBe("view");
  });
});
