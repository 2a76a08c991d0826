// Two QinDesk nodes on one PostgreSQL database and one Redis: live events cross nodes in
// order and complete, a deactivated agent is cut off on the other node, and workspaces
// stay apart over HTTP and WebSocket. PGlite is one process only, so without
// DATABASE_URL the two-node part is skipped and the isolation checks run on one node.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/platform/auth/passwords";
import { openDatabase, type Database } from "../src/platform/db/database";
import { newId } from "../src/platform/db/ids";
import { LoginThrottle } from "../src/platform/auth/login-throttle";
import { buildQinDesk, type QinDesk } from "../src/main";
import { seedDemo } from "../src/demo/seed";
import { DEMO_PASSWORD } from "../src/demo/demo-shop";
import { insertAgent } from "../src/modules/staff";
import { createShop, createWorkspace } from "../src/modules/workspace";
import type { ChatMessage, ServerEvent } from "../src/modules/conversations/chat-protocol";
import { ChatClient } from "./chat-clients";
import { createTestDatabase, type TestDatabase } from "./test-database";

const clustered = Boolean(process.env.DATABASE_URL);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

interface Node {
  qindesk: QinDesk;
  ws: string;
}

let database: TestDatabase;
let second: Database | null = null;
let node1: Node;
let node2: Node;
let shopA: string;

async function startNode(db: Database, redis: string | null): Promise<Node> {
  const qindesk = await buildQinDesk({
    database: db,
    config: { trustProxy: false, logLevel: "silent", secureCookies: false, redisUrl: redis },
    throttle: new LoginThrottle({ maxFailures: 1000, windowMs: 60_000 }, { maxFailures: 1000, windowMs: 60_000 }),
  });
  const address = await qindesk.app.listen({ port: 0, host: "127.0.0.1" });
  return { qindesk, ws: address.replace("http", "ws") };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  node1 = await startNode(database, clustered ? redisUrl : null);
  if (clustered) {
    second = await openDatabase({ databaseUrl: database.url!, dataDir: null, command: "test" });
    node2 = await startNode(second, redisUrl);
  } else {
    node2 = node1;
  }
  const owner = await signIn(node1, "owner@demo.qindesk");
  shopA = (await node1.qindesk.app.inject({ url: "/api/v1/shops", headers: { cookie: owner.cookie } })).json<{ items: { id: string }[] }>().items[0]!.id;
}, 60_000);

afterAll(async () => {
  if (node2 && node2 !== node1) await node2.qindesk.close();
  await node1?.qindesk.close();
  await second?.close();
  await database?.close();
});

async function signIn(node: Node, email: string, password = DEMO_PASSWORD) {
  const res = await node.qindesk.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email}: ${res.statusCode} ${res.body}`);
  const raw = res.cookies.find((c) => c.name === "qd_session")!;
  const cookie = `qd_session=${raw.value}`;
  return { cookie, headers: { cookie, "x-csrf-token": res.json<{ csrfToken: string }>().csrfToken } };
}

async function buyerOn(node: Node) {
  const res = await node.qindesk.app.inject({ method: "POST", url: "/api/widget/session", payload: { shopId: shopA } });
  const session = res.json<{ token: string }>();
  return { token: session.token, client: await ChatClient.connect(`${node.ws}/api/widget/ws?token=${encodeURIComponent(session.token)}`) };
}

type NewEvent = Extract<ServerEvent, { type: "message.new" }>;
const newMessages = (client: ChatClient, conversationId: string) =>
  client.events.filter((e): e is NewEvent => e.type === "message.new" && e.message.conversationId === conversationId).map((e) => e.message);

describe.runIf(clustered)("two nodes on one PostgreSQL and Redis", () => {
  it("carries buyer → agent and agent → buyer messages across nodes, complete and in order", async () => {
    const agentSession = await signIn(node2, "presales@demo.qindesk");
    const agent = await ChatClient.connect(`${node2.ws}/api/ws`, { cookie: agentSession.cookie });
    const buyer = await buyerOn(node1);
    const first = await buyer.client.say("跨节点 0");
    expect(first.type).toBe("message.ack");
    const conversationId = first.message.conversationId;
    // Pipelined sends (within the buyer burst limit) and agent answers interleaved.
    const buyerTexts = Array.from({ length: 8 }, (_, i) => `跨节点 ${i + 1}`);
    const agentTexts = Array.from({ length: 20 }, (_, i) => `客服回复 ${i}`);
    const buyerAcks = Promise.all(buyerTexts.map((text) => buyer.client.say(text)));
    const agentAcks = Promise.all(agentTexts.map((text) => agent.say(text, { conversationId })));
    await Promise.all([buyerAcks, agentAcks]);

    const stored = (await node1.qindesk.app.inject({ url: "/api/widget/messages", headers: { authorization: `Bearer ${buyer.token}` } })).json<{ items: ChatMessage[] }>().items;
    const lastSeq = stored[stored.length - 1]!.seq;
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    await agent.next((e) => e.type === "message.new" && e.message.seq === lastSeq);
    await buyer.client.next((e) => e.type === "message.new" && e.message.seq === lastSeq);

    // Each side saw every message exactly once, and each sender's messages in the order sent.
    // Across senders the arrival order may differ from seq order: the buyer's node and the
    // agent's node publish after their own commits, independently, so seq 5 (buyer, node 1)
    // can reach Redis after seq 6 (agent, node 2). Clients order by seq; the seq set is complete.
    const agentSaw = newMessages(agent, conversationId);
    const buyerSaw = newMessages(buyer.client, conversationId);
    const bySeq = (list: ChatMessage[]) => list.map((m) => m.seq).sort((a, b) => a - b);
    expect(bySeq(agentSaw)).toEqual(stored.map((m) => m.seq));
    expect(bySeq(buyerSaw)).toEqual(stored.map((m) => m.seq));
    for (const saw of [agentSaw, buyerSaw]) {
      expect(saw.filter((m) => m.from === "buyer").map((m) => m.text)).toEqual(["跨节点 0", ...buyerTexts]);
      expect(saw.filter((m) => m.from === "agent").map((m) => m.text)).toEqual(agentTexts);
      const ids = saw.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    await Promise.all([agent.close(), buyer.client.close()]);
  });

  it("closes a deactivated agent's socket on the other node within 5 s", async () => {
    const owner = await signIn(node1, "owner@demo.qindesk");
    const email = `temp-${newId("a").toLowerCase()}@demo.qindesk`;
    const created = await node1.qindesk.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: owner.headers,
      payload: { name: "临时客服", email, password: "temp-password-123", team: "presales" },
    });
    expect(created.statusCode).toBe(201);
    const temp = await signIn(node2, email, "temp-password-123");
    const socket = await ChatClient.connect(`${node2.ws}/api/ws`, { cookie: temp.cookie });
    const closed = new Promise<number>((resolve) => socket.socket.once("close", (code) => resolve(code)));
    const started = Date.now();
    const res = await node1.qindesk.app.inject({ method: "POST", url: `/api/v1/agents/${created.json().agent.id}/deactivate`, headers: owner.headers });
    expect(res.statusCode).toBe(200);
    const code = await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 5000))]);
    expect(code).toBe(4401);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("workspace isolation", () => {
  it("keeps an owner of workspace B out of workspace A's conversations over HTTP and WebSocket", async () => {
    const workspaceB = await createWorkspace(database.db, "别家店");
    await createShop(database.db, workspaceB, { name: "别家店" });
    const emailB = `owner-${newId("b").toLowerCase()}@other.qindesk`;
    await insertAgent(database.db, { id: newId("agent"), workspaceId: workspaceB, name: "别家店主", email: emailB, passwordHash: await hashPassword("other-password-1"), role: "owner", team: "presales" });

    // B listens (on the second node when there is one) while a buyer of A writes on node 1.
    const ownerB = await signIn(node2, emailB, "other-password-1");
    const spy = await ChatClient.connect(`${node2.ws}/api/ws`, { cookie: ownerB.cookie });
    const buyer = await buyerOn(node1);
    const ack = await buyer.client.say("A 店的私密问题");
    expect(ack.type).toBe("message.ack");
    const conversationId = ack.message.conversationId;
    // Proof that events flowed at all: A's supervisor, on the same node as B, sees the next one.
    const supervisorA = await signIn(node2, "supervisor@demo.qindesk");
    const watcher = await ChatClient.connect(`${node2.ws}/api/ws`, { cookie: supervisorA.cookie });
    await buyer.client.say("A 店的第二个问题");
    await watcher.next((e) => e.type === "message.new" && e.message.text === "A 店的第二个问题");

    const app = node2.qindesk.app;
    for (const url of [`/api/v1/conversations/${conversationId}`, `/api/v1/conversations/${conversationId}/messages`]) {
      expect((await app.inject({ url, headers: { cookie: ownerB.cookie } })).statusCode).toBe(404);
    }
    const post = await app.inject({ method: "POST", url: `/api/v1/conversations/${conversationId}/messages`, headers: ownerB.headers, payload: { clientId: "intruder-0001", text: "插话" } });
    expect(post.statusCode).toBe(404);
    const queue = (await app.inject({ url: "/api/v1/conversations?view=all", headers: { cookie: ownerB.cookie } })).json<{ items: { id: string }[] }>();
    expect(queue.items.map((c) => c.id)).not.toContain(conversationId);

    spy.send({ type: "hello", lastSeq: { [conversationId]: 0 } });
    await spy.next((e) => e.type === "resume.done");
    const reply = await spy.say("我来插话", { conversationId, clientId: "intruder-0002" });
    expect(reply).toMatchObject({ type: "error", code: "not_found" });
    spy.send({ type: "read", conversationId, seq: 1 });
    await spy.next((e) => e.type === "error" && e.code === "not_found" && !("clientId" in e));
    // B's socket never carried anything of A's conversation.
    expect(spy.events.some((e) => JSON.stringify(e).includes(conversationId))).toBe(false);
    const messages = (await node1.qindesk.app.inject({ url: "/api/widget/messages", headers: { authorization: `Bearer ${buyer.token}` } })).json<{ items: ChatMessage[] }>().items;
    expect(messages.some((m) => m.text.includes("插话"))).toBe(false);
    await Promise.all([spy.close(), watcher.close(), buyer.client.close()]);
  });
});
