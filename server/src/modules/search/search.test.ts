// Message search on a real database: messages sent over the sockets are indexed from
// the bus, found by Chinese, English and Korean words, newest first, only where the
// caller may look; older messages are picked up by the backfill.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { hashPassword } from "../../platform/auth/passwords";
import { newId } from "../../platform/db/ids";
import { signIdentity, storeMessage, type ChatMessage, type ConversationSummary } from "../conversations";
import { insertAgent } from "../staff";
import { createShop, createWorkspace } from "../workspace";
import { backfillSearchIndex } from "./search.indexer";

interface Hit {
  message: ChatMessage;
  conversation: ConversationSummary;
  snippet: string;
}

let t: TestApp;
let base: string;
let shopId: string;
const s: Record<"owner" | "supervisor" | "presales" | "aftersales", Session> = {} as never;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  for (const who of ["owner", "supervisor", "presales", "aftersales"] as const) s[who] = await t.signIn(`${who}@demo.qindesk`);
}, 60_000);
afterAll(async () => t?.close());

async function search(who: Session, q: string, limit?: number) {
  const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
  const res = await t.qindesk.app.inject({ url: `/api/v1/search/messages?${query}`, headers: who.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Hit[] }>().items;
}

/** Indexing follows the bus, just after the send: wait until the search sees `count` hits. */
async function searchUntil(who: Session, q: string, count: number): Promise<Hit[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const items = await search(who, q);
    if (items.length >= count || Date.now() > deadline) return items;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function buyerSays(texts: string[], body: Record<string, unknown> = {}, shop = shopId) {
  const session = await buyerSession(t, shop, body);
  const client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  const acks = [];
  for (const text of texts) acks.push(await client.say(text));
  await client.close();
  return acks.map((a) => a.message);
}

describe("message search", () => {
  it("finds a Chinese word inside a sentence, with the conversation and a snippet", async () => {
    const [message] = await buyerSays(["亲，这件针织衫有M码吗"]);
    const [hit] = await searchUntil(s.presales, "针织衫", 1);
    expect(hit!.message).toMatchObject({ id: message!.id, seq: 1, from: "buyer", text: "亲，这件针织衫有M码吗" });
    expect(hit!.conversation).toMatchObject({ id: message!.conversationId, team: "presales" });
    expect(hit!.snippet).toContain("针织衫");
    // A word inside the word, and a word with the size letter in either case.
    expect((await search(s.presales, "针织")).map((h) => h.message.id)).toContain(message!.id);
    expect((await search(s.presales, "m码")).map((h) => h.message.id)).toContain(message!.id);
    expect(await search(s.presales, "连衣裙")).toEqual([]);
  });

  it("finds English words whatever their case, newest first", async () => {
    const [older, newer] = await buyerSays(["Does this DRESS come in Red?", "is the red dress in stock"]);
    const hits = await searchUntil(s.presales, "red Dress", 2);
    expect(hits.map((h) => h.message.id)).toEqual([newer!.id, older!.id]);
    expect(await search(s.presales, "blue dress")).toEqual([]);
  });

  it("finds Korean words with their endings", async () => {
    const [message] = await buyerSays(["배송은 언제 되나요? 사이즈가 작아요"]);
    expect((await searchUntil(s.presales, "배송", 1)).map((h) => h.message.id)).toEqual([message!.id]);
    expect((await search(s.presales, "사이즈")).map((h) => h.message.id)).toEqual([message!.id]);
    expect(await search(s.presales, "환불")).toEqual([]);
  });

  it("finds agents' replies too, with the agent's name", async () => {
    const [question] = await buyerSays(["在吗"]);
    const agent = await ChatClient.connect(`${base}/api/ws`, { cookie: s.presales.cookie });
    await agent.say("亲，羊绒大衣今天有现货哦", { conversationId: question!.conversationId });
    await agent.close();
    const [hit] = await searchUntil(s.presales, "羊绒", 1);
    expect(hit!.message).toMatchObject({ from: "agent", agentName: "售前 小雅" });
  });

  it("shows each team only conversations it may see; supervisors see all", async () => {
    // tb_amy has paid orders, so her conversation goes to after-sales.
    const { secret } = (await t.qindesk.app.inject({ url: `/api/v1/shops/${shopId}/widget`, headers: s.owner.headers })).json();
    const expires = Math.floor(Date.now() / 1000) + 600;
    const identity = { buyerId: "tb_amy", nick: "amy_0521", expires, signature: signIdentity(secret, "tb_amy", "amy_0521", expires) };
    const [message] = await buyerSays(["退货地址是哪里，裙子起球了"], { identity });
    const [hit] = await searchUntil(s.aftersales, "起球", 1);
    expect(hit!.conversation.team).toBe("aftersales");
    expect(hit!.message.id).toBe(message!.id);
    expect((await searchUntil(s.supervisor, "起球", 1)).map((h) => h.message.id)).toEqual([message!.id]);
    expect(await search(s.presales, "起球")).toEqual([]);
    // And the other way round.
    await buyerSays(["这件毛呢外套有黑色吗"]);
    expect(await searchUntil(s.presales, "毛呢", 1)).toHaveLength(1);
    expect(await search(s.aftersales, "毛呢")).toEqual([]);
  });

  it("never shows another workspace's messages", async () => {
    const db = t.database.db;
    const otherWorkspace = await createWorkspace(db, "别家店");
    const otherShop = await createShop(db, otherWorkspace, { name: "别家店" });
    await insertAgent(db, {
      id: newId("agent"),
      workspaceId: otherWorkspace,
      name: "别家客服",
      email: "agent@other.example",
      passwordHash: await hashPassword("other shop password"),
      role: "owner",
      team: "presales",
    });
    const other = await t.signIn("agent@other.example", "other shop password");
    const [theirs] = await buyerSays(["紫罗兰色的针织衫还有吗"], {}, otherShop.id);
    expect((await searchUntil(other, "紫罗兰", 1)).map((h) => h.message.id)).toEqual([theirs!.id]);
    // Their agent does not find ours, and the owner here does not find theirs.
    expect((await search(other, "针织衫")).map((h) => h.message.id)).toEqual([theirs!.id]);
    expect(await search(s.owner, "紫罗兰")).toEqual([]);
  });

  it("indexes messages stored without a bus event when the backfill runs", async () => {
    const [first] = await buyerSays(["先说一句"]);
    await storeMessage(t.database.db, {
      workspaceId: t.workspaceId,
      conversationId: first!.conversationId,
      clientId: null,
      sender: "buyer",
      agentId: null,
      kind: "text",
      text: "导入的旧消息：灯芯绒裤子",
    });
    expect(await search(s.owner, "灯芯绒")).toEqual([]);
    expect(await backfillSearchIndex(t.database.db, { batchSize: 2 })).toBeGreaterThanOrEqual(1);
    expect((await search(s.owner, "灯芯绒")).map((h) => h.message.text)).toEqual(["导入的旧消息：灯芯绒裤子"]);
    // Nothing is left to do afterwards.
    expect(await backfillSearchIndex(t.database.db)).toBe(0);
  });

  it("limits the number of results and checks its input", async () => {
    await buyerSays(["灯笼袖一号", "灯笼袖二号", "灯笼袖三号"]);
    await searchUntil(s.presales, "灯笼袖", 3);
    expect(await search(s.presales, "灯笼袖", 2)).toHaveLength(2);
    expect(await search(s.presales, "？！")).toEqual([]);
    expect((await t.qindesk.app.inject({ url: "/api/v1/search/messages?q=", headers: s.presales.headers })).statusCode).toBe(400);
    expect((await t.qindesk.app.inject({ url: "/api/v1/search/messages?q=%E9%92%88" })).statusCode).toBe(401);
  });
});
