import { describe, expect, it } from "vitest";
import type { ChatMessage, ServerEvent } from "../../../../server/src/modules/conversations/chat-protocol";
import { RealtimeClient, type Clock, type SocketLike } from "./realtime-client";
import { SeqTracker, backoffDelay } from "./seq-tracker";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  send(data: string) {
    if (this.readyState !== 1) throw new Error("send on a socket that is not open");
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  receive(event: ServerEvent) {
    this.onmessage?.({ data: JSON.stringify(event) } as MessageEvent);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
  types() {
    return this.sent.map((e) => e.type);
  }
}

class FakeClock implements Clock {
  time = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void; every?: number }>();
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => this.add(fn, ms);
  setInterval = (fn: () => void, ms: number) => this.add(fn, ms, ms);
  clearTimeout = (h: unknown) => void this.timers.delete(h as number);
  clearInterval = (h: unknown) => void this.timers.delete(h as number);
  pendingDelays() {
    return [...this.timers.values()].filter((t) => !t.every).map((t) => t.at - this.time);
  }
  advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      const [id, timer] = next;
      this.time = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.timers.delete(id);
      timer.fn();
    }
    this.time = end;
  }
  private add(fn: () => void, ms: number, every?: number) {
    const id = ++this.seq;
    this.timers.set(id, { at: this.time + ms, fn, every });
    return id;
  }
}

function message(conversationId: string, seq: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `${conversationId}-m${seq}`, conversationId, seq, clientId: null, from: "buyer", agentId: null,
    agentName: null, kind: "text", text: `msg ${seq}`, imageUrl: null, product: null, card: null,
    createdAt: new Date(seq * 1000).toISOString(), ...extra,
  };
}

function setup() {
  const sockets: FakeSocket[] = [];
  const clock = new FakeClock();
  let ids = 0;
  const client = new RealtimeClient({
    url: "ws://test/api/ws",
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    clock,
    random: () => 1,
    newId: () => `client-${++ids}-xxxxxxxx`,
  });
  const events: Array<{ event: ServerEvent; replay: boolean }> = [];
  client.on((event, meta) => events.push({ event, replay: meta.replay }));
  const last = () => sockets[sockets.length - 1]!;
  return { client, clock, sockets, events, last };
}

describe("RealtimeClient", () => {
  it("says hello with the last contiguous seq per conversation on every connect", () => {
    const { client, last, clock } = setup();
    client.noteHistory("c1", 4);
    client.start();
    last().open();
    expect(last().sent[0]).toEqual({ type: "hello", lastSeq: { c1: 4 } });
    last().receive({ type: "message.new", message: message("c1", 5) });
    last().receive({ type: "message.new", message: message("c1", 7) }); // 6 is missing
    last().receive({ type: "message.new", message: message("c2", 3) });
    last().drop();
    clock.advance(60_000);
    last().open();
    expect(last().sent[0]).toEqual({ type: "hello", lastSeq: { c1: 5, c2: 3 } });
  });

  it("keeps unacknowledged sends and re-sends them with the same clientId after reconnect", () => {
    const { client, last, clock, sockets } = setup();
    client.start();
    const queued = client.sendMessage({ conversationId: "c1", text: "在的亲" }); // before open
    expect(client.getOutbox().map((e) => e.clientId)).toEqual([queued.clientId]);
    last().open();
    expect(last().types()).toEqual(["hello", "message.send"]);
    const second = client.sendMessage({ conversationId: "c1", text: "第二条" });
    last().receive({ type: "message.ack", clientId: queued.clientId, message: message("c1", 1, { clientId: queued.clientId, from: "agent" }) });
    expect(client.getOutbox().map((e) => e.clientId)).toEqual([second.clientId]);
    last().drop();
    clock.advance(60_000);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent).toEqual([
      { type: "hello", lastSeq: { c1: 1 } },
      { type: "message.send", clientId: second.clientId, conversationId: "c1", kind: "text", text: "第二条" },
    ]);
    last().receive({ type: "message.ack", clientId: second.clientId, message: message("c1", 2, { from: "agent" }) });
    expect(client.getOutbox()).toEqual([]);
  });

  it("drops duplicate message.new (replayed after resume or echoed after ack)", () => {
    const { client, last, events } = setup();
    client.noteHistory("c1", 2);
    client.start();
    last().open();
    last().receive({ type: "message.new", message: message("c1", 2) }); // already loaded over HTTP
    last().receive({ type: "message.new", message: message("c1", 3) });
    last().receive({ type: "message.new", message: message("c1", 3) });
    const sent = client.sendMessage({ conversationId: "c1", text: "hi" });
    last().receive({ type: "message.ack", clientId: sent.clientId, message: message("c1", 4, { from: "agent" }) });
    last().receive({ type: "message.new", message: message("c1", 4, { from: "agent" }) });
    const news = events.filter((e) => e.event.type === "message.new");
    expect(news.map((e) => (e.event.type === "message.new" ? e.event.message.seq : 0))).toEqual([3]);
  });

  it("marks replayed messages until resume.done", () => {
    const { client, last, events } = setup();
    client.start();
    last().open();
    last().receive({ type: "message.new", message: message("c1", 1) });
    last().receive({ type: "resume.done" });
    last().receive({ type: "message.new", message: message("c1", 2) });
    expect(events.map((e) => [e.event.type, e.replay])).toEqual([
      ["message.new", true], ["resume.done", false], ["message.new", false],
    ]);
  });

  it("backs off exponentially while the server stays away and resets once it answers", () => {
    const { client, last, clock } = setup();
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      last().drop();
      delays.push(clock.pendingDelays()[0]!);
      clock.advance(delays[i]!);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    last().open();
    last().receive({ type: "ready", role: "agent" });
    last().drop();
    expect(clock.pendingDelays()).toEqual([500]);
  });

  it("pings every 25 s and reconnects when pongs stop", () => {
    const { client, last, clock, sockets } = setup();
    client.start();
    last().open();
    clock.advance(25_000);
    expect(last().types()).toEqual(["hello", "ping"]);
    last().receive({ type: "pong" });
    clock.advance(50_000);
    expect(last().types().filter((t) => t === "ping")).toHaveLength(3);
    clock.advance(25_000); // 75 s since the pong: dead
    expect(sockets[0]!.closed).toBe(true);
    clock.advance(1_000);
    expect(sockets).toHaveLength(2);
  });

  it("marks a send failed on a server error for its clientId and retries it on demand", () => {
    const { client, last } = setup();
    client.start();
    last().open();
    const sent = client.sendMessage({ conversationId: "c1", text: "x" });
    last().receive({ type: "error", code: "closed", message: "conversation closed", clientId: sent.clientId });
    expect(client.getOutbox()[0]).toMatchObject({ state: "failed", error: "closed" });
    client.retry(sent.clientId);
    expect(client.getOutbox()[0]!.state).toBe("sending");
    expect(last().types().filter((t) => t === "message.send")).toHaveLength(2);
    client.discard(sent.clientId);
    expect(client.getOutbox()).toEqual([]);
  });

  it("does not send typing or read while disconnected, and stop() ends reconnects", () => {
    const { client, last, clock, sockets } = setup();
    client.start();
    client.sendTyping("c1", true);
    last().open();
    client.sendRead("c1", 3);
    expect(last().types()).toEqual(["hello", "read"]);
    client.stop();
    clock.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(client.getState()).toBe("stopped");
  });
});

describe("RealtimeClient session loss", () => {
  it("reports a 4401 close so the page re-checks the session, and keeps retrying", () => {
    const sockets: FakeSocket[] = [];
    const clock = new FakeClock();
    let rejected = 0;
    const client = new RealtimeClient({
      url: "ws://test/api/ws",
      createSocket: () => {
        sockets.push(new FakeSocket());
        return sockets[sockets.length - 1]!;
      },
      clock,
      random: () => 1,
      onAuthRejected: () => rejected++,
    });
    client.start();
    sockets[0]!.drop(1006);
    expect(rejected).toBe(0);
    clock.advance(1_000);
    sockets[1]!.open();
    sockets[1]!.drop(4401);
    expect(rejected).toBe(1);
    expect(client.getState()).toBe("reconnecting");
  });
});

describe("SeqTracker", () => {
  it("advances only over an unbroken run and fills gaps later", () => {
    const t = new SeqTracker();
    expect(t.accept("c", 10)).toBe(true); // first live message starts the run
    expect(t.accept("c", 12)).toBe(true);
    expect(t.lastSeq("c")).toBe(10);
    expect(t.accept("c", 12)).toBe(false);
    expect(t.accept("c", 11)).toBe(true);
    expect(t.lastSeq("c")).toBe(12);
    t.noteHistory("c", 5); // never backwards
    expect(t.lastSeq("c")).toBe(12);
  });
});

describe("backoffDelay", () => {
  it("stays within [50 %, 100 %] of the doubled ceiling", () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(3, () => 0.5)).toBe(3000);
    expect(backoffDelay(50, () => 1)).toBe(30_000);
  });
});
