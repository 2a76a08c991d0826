// Real WebSocket clients for chat tests: a buyer through the widget API, an agent
// through a session cookie. They collect every event so tests can wait for one.
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import type { ClientEvent, ServerEvent } from "../src/modules/conversations/chat-protocol";
import type { TestApp } from "./test-app";

export class ChatClient {
  readonly events: ServerEvent[] = [];
  private waiters: { match: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (raw) => {
      const event = JSON.parse(raw.toString()) as ServerEvent;
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    });
  }

  static async connect(url: string, headers: Record<string, string> = {}): Promise<ChatClient> {
    const socket = new WebSocket(url, { headers });
    const client = new ChatClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    await client.next((e) => e.type === "ready");
    return client;
  }

  send(event: ClientEvent): void {
    this.socket.send(JSON.stringify(event));
  }

  /** The first event (already received or coming) that matches. */
  next<T extends ServerEvent>(match: (e: ServerEvent) => boolean, timeoutMs = 5000): Promise<T> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timed out waiting for an event; got " + JSON.stringify(this.events.map((e) => e.type)))), timeoutMs);
      this.waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e as T)) });
    });
  }

  /** Sends a message and waits for its acknowledgement. */
  async say(text: string, extra: Partial<Extract<ClientEvent, { type: "message.send" }>> = {}) {
    const clientId = extra.clientId ?? randomUUID();
    this.send({ type: "message.send", clientId, text, ...extra });
    return this.next<Extract<ServerEvent, { type: "message.ack" }>>((e) => (e.type === "message.ack" || e.type === "error") && "clientId" in e && e.clientId === clientId);
  }

  clear(): void {
    this.events.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once("close", () => resolve());
      this.socket.close();
    });
  }
}

export async function listen(t: TestApp): Promise<string> {
  const address = await t.qindesk.app.listen({ port: 0, host: "127.0.0.1" });
  return address.replace("http", "ws");
}

export async function demoShopId(t: TestApp): Promise<string> {
  const s = await t.signIn("owner@demo.qindesk");
  const res = await t.qindesk.app.inject({ url: "/api/v1/shops", headers: { cookie: s.cookie } });
  return res.json<{ items: { id: string }[] }>().items[0]!.id;
}

export async function buyerSession(t: TestApp, shopId: string, body: Record<string, unknown> = {}) {
  const res = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/session", payload: { shopId, ...body } });
  if (res.statusCode !== 200) throw new Error(`widget session: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string; visitorId: string; customer: { id: string }; conversationId: string | null }>();
}
