// Faults on the chat socket: the connection dies in the middle of a burst (the client's
// TCP socket is destroyed, or the server kills it), and a consumer that stops reading is
// cut off with 4008. In every case the client reconnects, says hello with its last seq,
// re-sends its un-acked outbox with the same client ids, and nothing is lost, doubled or
// reordered.
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ChatMessage, ServerEvent } from "../src/modules/conversations/chat-protocol";
import { buyerSession, ChatClient, demoShopId, listen } from "./chat-clients";
import { createTestApp, type TestApp } from "./test-app";

let t: TestApp;
let base: string;
let shopId: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
}, 60_000);
afterAll(async () => t?.close());

type NewEvent = Extract<ServerEvent, { type: "message.new" }>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const underlying = (ws: WebSocket) => (ws as unknown as { _socket: Socket })._socket;

/** The server's end of a client socket: the one whose peer port is the client's local port. */
function serverSide(client: WebSocket): WebSocket {
  const port = (underlying(client).address() as AddressInfo).port;
  const found = [...t.qindesk.app.websocketServer.clients].find((s) => underlying(s).remotePort === port);
  if (!found) throw new Error("server socket not found");
  return found;
}

/**
 * A buyer as the widget behaves: an outbox of sends not yet acknowledged, the highest
 * contiguous seq it has seen, and after a reconnect a hello plus the outbox again.
 */
class OutboxBuyer {
  readonly outbox = new Map<string, string>();
  readonly seen = new Map<number, ChatMessage>();
  conversationId: string | null = null;
  client!: ChatClient;

  constructor(private readonly token: string) {}

  async connect(): Promise<void> {
    this.client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(this.token)}`);
    this.client.socket.on("message", (raw) => this.observe(JSON.parse(raw.toString()) as ServerEvent));
  }

  private observe(e: ServerEvent): void {
    const message = e.type === "message.ack" || e.type === "message.new" ? e.message : null;
    if (!message) return;
    this.conversationId ??= message.conversationId;
    this.seen.set(message.seq, message);
    if (e.type === "message.ack") this.outbox.delete(e.clientId);
  }

  lastSeq(): number {
    let seq = 0;
    while (this.seen.has(seq + 1)) seq++;
    return seq;
  }

  send(clientId: string, text: string): void {
    this.outbox.set(clientId, text);
    if (this.client.socket.readyState === WebSocket.OPEN) this.client.send({ type: "message.send", clientId, text });
  }

  /** Reconnects, resumes, and re-sends the outbox one at a time (in order, backing off when rate limited). */
  async resume(): Promise<void> {
    await this.connect();
    const knewConversation = this.conversationId !== null;
    await this.hello();
    for (const [clientId, text] of [...this.outbox]) {
      for (;;) {
        const earlier = new Set(this.client.events);
        this.client.send({ type: "message.send", clientId, text });
        const reply = await this.client.next((e) => !earlier.has(e) && (e.type === "message.ack" || e.type === "error") && "clientId" in e && e.clientId === clientId);
        if (reply.type === "message.ack") break;
        expect((reply as ServerEvent & { code?: string }).code).toBe("rate_limited");
        await sleep(1100);
      }
    }
    // No ack came back before the drop, so the first hello could not name the conversation
    // (the server opened it for the first send): now that an ack named it, resume it too.
    if (!knewConversation && this.conversationId) await this.hello();
  }

  private async hello(): Promise<void> {
    const earlier = new Set(this.client.events);
    this.client.send({ type: "hello", lastSeq: this.conversationId ? { [this.conversationId]: this.lastSeq() } : {} });
    await this.client.next((e) => !earlier.has(e) && e.type === "resume.done");
  }
}

async function presalesAgent() {
  const s = await t.signIn("presales@demo.qindesk");
  return ChatClient.connect(`${base}/api/ws`, { cookie: s.cookie });
}

async function storedMessages(token: string): Promise<ChatMessage[]> {
  const res = await t.qindesk.app.inject({ url: "/api/widget/messages", headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: ChatMessage[] }>().items;
}

// Eight messages, the socket dies after the fifth is written: with the re-sends this stays
// close to the buyer rate limit (10 per 10 s), which the resume loop waits out.
const BURST = 8;
const DROP_AFTER = 5;

/** When the socket dies: right after the client wrote the DROP_AFTER-th send, or once the first ack came back (the rest are in flight). */
async function burstWithDrop(label: string, when: "written" | "first-ack", drop: (buyer: OutboxBuyer) => void) {
  const agent = await presalesAgent();
  const session = await buyerSession(t, shopId);
  const buyer = new OutboxBuyer(session.token);
  await buyer.connect();
  const ids = Array.from({ length: BURST }, (_, i) => `${label}-${String(i).padStart(4, "0")}-${session.visitorId}`.slice(0, 64));
  ids.forEach((clientId, i) => {
    buyer.send(clientId, `${label} 消息 ${i}`);
    if (when === "written" && i === DROP_AFTER - 1) drop(buyer);
  });
  if (when === "first-ack") {
    await buyer.client.next((e) => e.type === "message.ack");
    drop(buyer);
  }
  // The first socket is gone; what it got back before dying stays in the buyer's state.
  await new Promise<void>((resolve) => (buyer.client.socket.readyState === WebSocket.CLOSED ? resolve() : buyer.client.socket.once("close", () => resolve())));
  await buyer.resume();
  expect(buyer.outbox.size).toBe(0);

  const stored = await storedMessages(session.token);
  // Seqs 1..n without a gap (auto-replies are among them), each client id exactly once, in send order.
  expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
  const fromBuyer = stored.filter((m) => m.from === "buyer");
  expect(fromBuyer.map((m) => m.clientId)).toEqual(ids);
  // The buyer's own view (both sockets together) has every seq, with nothing missing.
  expect(buyer.lastSeq()).toBe(stored.length);

  // The agent, whose socket never dropped, saw each buyer message exactly once.
  const last = ids[ids.length - 1]!;
  await agent.next((e) => e.type === "message.new" && e.message.clientId === last);
  const agentSaw = agent.events.filter((e): e is NewEvent => e.type === "message.new" && e.message.conversationId === buyer.conversationId && e.message.from === "buyer");
  expect(agentSaw.map((e) => e.message.clientId)).toEqual(ids);
  await Promise.all([agent.close(), buyer.client.close()]);
}

describe("a socket dropped in the middle of a burst", () => {
  it("client side destroyed: resend stores every message once, gapless, in order", async () => {
    await burstWithDrop("cli", "written", (buyer) => buyer.client.socket.terminate());
  }, 30_000);

  it("server side killed: resend stores every message once, gapless, in order", async () => {
    await burstWithDrop("srv", "first-ack", (buyer) => serverSide(buyer.client.socket).terminate());
  }, 30_000);
});

describe("a slow consumer", () => {
  it("is disconnected with 4008 once its buffer fills, then resumes with exactly what it missed", async () => {
    const agentSession = await t.signIn("presales@demo.qindesk");
    const agent = await ChatClient.connect(`${base}/api/ws`, { cookie: agentSession.cookie });
    const session = await buyerSession(t, shopId);
    const buyer = new OutboxBuyer(session.token);
    await buyer.connect();
    buyer.send("slow-first-" + session.visitorId, "我先问一句");
    await buyer.client.next((e) => e.type === "message.ack");
    const conversationId = buyer.conversationId!;
    const closed = new Promise<number>((resolve) => buyer.client.socket.once("close", (code) => resolve(code)));

    // The buyer stops reading; the agent keeps sending big pictures until the server gives up on it.
    underlying(buyer.client.socket).pause();
    const server = serverSide(buyer.client.socket);
    // A real PNG signature (the server checks the bytes), padded to ~675 KB.
    const pngHead = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
    const picture = "data:image/png;base64," + pngHead + "A".repeat(900_000);
    let sent = 0;
    while (server.readyState === WebSocket.OPEN && sent < 60) {
      const reply = await agent.say("", { conversationId, kind: "image", imageUrl: picture, clientId: `slow-pic-${sent}-${session.visitorId}`.slice(0, 64) });
      expect(reply.type).toBe("message.ack");
      sent++;
    }
    expect(server.readyState).not.toBe(WebSocket.OPEN);
    // Reading again lets the buffered frames and the close frame through.
    underlying(buyer.client.socket).resume();
    expect(await closed).toBe(4008);

    const before = buyer.lastSeq();
    await buyer.resume();
    const stored = await storedMessages(session.token);
    expect(stored.filter((m) => m.from === "agent")).toHaveLength(sent);
    expect(stored.filter((m) => m.from === "buyer")).toHaveLength(1);
    expect(before).toBeLessThan(stored.length);
    expect(buyer.lastSeq()).toBe(stored.length);
    // The resume brought exactly the missing ones: after the hello, one message.new per missed seq.
    const resumed = buyer.client.events.filter((e): e is NewEvent => e.type === "message.new").map((e) => e.message.seq);
    expect(resumed).toEqual(Array.from({ length: stored.length - before }, (_, i) => before + i + 1));
    await Promise.all([agent.close(), buyer.client.close()]);
  }, 40_000);
});
