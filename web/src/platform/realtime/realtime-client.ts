// The workbench's one WebSocket. Socket and clock are injected so the resume, outbox and
// dedupe rules run in unit tests without a network. Rules (docs/api.md, WebSocket):
// hello with the last seq per conversation on every (re)connect, then re-send every
// unacknowledged message under its original clientId; the server drops duplicates.
import type { ChatErrorCode, ClientEvent, MessageKind, ServerEvent } from "../../../../server/src/modules/conversations/chat-protocol";
import { SeqTracker, backoffDelay } from "./seq-tracker";
import { browserClock, type Clock, type SocketFactory, type SocketLike } from "./socket";

export type { Clock, SocketFactory, SocketLike } from "./socket";

export type ConnectionState = "idle" | "connecting" | "open" | "reconnecting" | "stopped";

export interface OutgoingMessage {
  conversationId: string;
  kind?: MessageKind;
  text?: string;
  imageUrl?: string;
  productId?: string;
}

export interface OutboxEntry extends Required<Pick<OutgoingMessage, "conversationId" | "kind">> {
  clientId: string;
  text: string;
  imageUrl?: string;
  productId?: string;
  createdAt: number;
  state: "sending" | "failed";
  error?: ChatErrorCode;
}

export interface EventMeta {
  /** True between hello and resume.done: missed messages being replayed. */
  replay: boolean;
}
export type ServerEventListener = (event: ServerEvent, meta: EventMeta) => void;

export interface RealtimeOptions {
  url: string;
  createSocket: SocketFactory;
  clock?: Clock;
  random?: () => number;
  newId?: () => string;
  heartbeatMs?: number;
  /** The server refused the socket's session (close code 4401): the page should re-check it. */
  onAuthRejected?: () => void;
}

const OPEN = 1;

export class RealtimeClient {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly heartbeatMs: number;
  private readonly seqs = new SeqTracker();
  private readonly pending = new Map<string, OutboxEntry>();
  private outboxView: readonly OutboxEntry[] = [];
  private readonly listeners = new Set<ServerEventListener>();
  private readonly changeListeners = new Set<() => void>();
  private socket: SocketLike | null = null;
  private state: ConnectionState = "idle";
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private pingTimer: unknown = null;
  private lastHeard = 0;
  private replaying = false;

  constructor(private readonly options: RealtimeOptions) {
    this.clock = options.clock ?? browserClock;
    this.random = options.random ?? Math.random;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
  }

  start(): void {
    if (this.state !== "idle" && this.state !== "stopped") return;
    this.attempt = 0;
    this.state = "idle";
    this.connect();
  }

  /** Closes for good (sign-out): forgets the outbox too. */
  stop(): void {
    this.setState("stopped");
    this.clearTimers();
    this.detach()?.close(1000, "bye");
    this.pending.clear();
    this.outboxChanged();
  }

  /** Skip the back-off wait (the browser came back online, the tab became visible). */
  reconnectNow(): void {
    if (this.state !== "reconnecting") return;
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connect();
  }

  on(listener: ServerEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For useSyncExternalStore: fires when the connection state or the outbox changes. */
  subscribe = (listener: () => void): (() => void) => {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  };
  getState = (): ConnectionState => this.state;
  getOutbox = (): readonly OutboxEntry[] => this.outboxView;

  /** History up to `seq` was loaded over HTTP; resume from there. */
  noteHistory(conversationId: string, seq: number): void {
    this.seqs.noteHistory(conversationId, seq);
  }
  lastSeq(conversationId: string): number | undefined {
    return this.seqs.lastSeq(conversationId);
  }

  sendMessage(message: OutgoingMessage): OutboxEntry {
    const entry: OutboxEntry = {
      clientId: this.newId(),
      conversationId: message.conversationId,
      kind: message.kind ?? "text",
      text: message.text ?? "",
      imageUrl: message.imageUrl,
      productId: message.productId,
      createdAt: this.clock.now(),
      state: "sending",
    };
    this.pending.set(entry.clientId, entry);
    this.outboxChanged();
    this.transmit(entry);
    return entry;
  }

  retry(clientId: string): void {
    const entry = this.pending.get(clientId);
    if (!entry) return;
    const again: OutboxEntry = { ...entry, state: "sending", error: undefined };
    this.pending.set(clientId, again);
    this.outboxChanged();
    this.transmit(again);
  }

  discard(clientId: string): void {
    if (this.pending.delete(clientId)) this.outboxChanged();
  }

  /** Ephemeral signals are not queued: a stale "typing" after a reconnect means nothing. */
  sendTyping(conversationId: string, typing: boolean): void {
    this.write({ type: "typing", conversationId, typing });
  }
  sendRead(conversationId: string, seq: number): void {
    this.write({ type: "read", conversationId, seq });
  }

  private connect(): void {
    this.setState(this.attempt === 0 && this.state !== "reconnecting" ? "connecting" : "reconnecting");
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => this.handleOpen();
    socket.onmessage = (event) => this.handleFrame(event.data);
    socket.onclose = (event) => this.handleClose(event?.code);
    socket.onerror = () => undefined; // a close event always follows
  }

  private handleOpen(): void {
    this.lastHeard = this.clock.now();
    this.setState("open");
    this.replaying = true;
    this.write({ type: "hello", lastSeq: this.seqs.snapshot() });
    for (const entry of this.pending.values()) if (entry.state === "sending") this.transmit(entry);
    this.clock.clearInterval(this.pingTimer);
    this.pingTimer = this.clock.setInterval(() => this.heartbeat(), this.heartbeatMs);
  }

  private heartbeat(): void {
    // Two missed pongs: the connection is dead even if the browser has not noticed.
    if (this.clock.now() - this.lastHeard > this.heartbeatMs * 2 + 5_000) {
      this.detach()?.close(4000, "heartbeat timeout");
      this.scheduleReconnect();
      return;
    }
    this.write({ type: "ping" });
  }

  private handleClose(code: number | undefined): void {
    this.detach();
    if (this.state === "stopped") return;
    // Keep retrying (back-off caps at 30 s): if the session is really gone, the page's
    // /api/me check returns to sign-in and stops this client.
    if (code === 4401) this.options.onAuthRejected?.();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.clock.clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.replaying = false;
    this.setState("reconnecting");
    const delay = backoffDelay(this.attempt, this.random);
    this.attempt += 1;
    this.clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private handleFrame(data: unknown): void {
    if (typeof data !== "string") return;
    let event: ServerEvent;
    try {
      event = JSON.parse(data) as ServerEvent;
    } catch {
      return;
    }
    if (!event || typeof event !== "object" || typeof event.type !== "string") return;
    this.lastHeard = this.clock.now();
    // The server answered: the back-off starts over (not on open alone, so a socket the
    // server accepts and drops at once still backs off).
    this.attempt = 0;
    switch (event.type) {
      case "message.new":
        if (!this.seqs.accept(event.message.conversationId, event.message.seq)) return;
        break;
      case "message.ack":
        this.seqs.accept(event.message.conversationId, event.message.seq);
        if (this.pending.delete(event.clientId)) this.outboxChanged();
        break;
      case "error":
        if (event.clientId) this.fail(event.clientId, event.code);
        break;
      case "resume.done":
        this.replaying = false;
        break;
      default:
        break;
    }
    const meta: EventMeta = { replay: this.replaying };
    for (const listener of this.listeners) listener(event, meta);
  }

  private fail(clientId: string, code: ChatErrorCode): void {
    const entry = this.pending.get(clientId);
    if (!entry) return;
    this.pending.set(clientId, { ...entry, state: "failed", error: code });
    this.outboxChanged();
  }

  private transmit(entry: OutboxEntry): void {
    this.write({
      type: "message.send",
      clientId: entry.clientId,
      conversationId: entry.conversationId,
      kind: entry.kind,
      ...(entry.kind === "text" || entry.text ? { text: entry.text } : {}),
      ...(entry.imageUrl ? { imageUrl: entry.imageUrl } : {}),
      ...(entry.productId ? { productId: entry.productId } : {}),
    });
  }

  private write(event: ClientEvent): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN || this.state !== "open") return;
    socket.send(JSON.stringify(event));
  }

  private detach(): SocketLike | null {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = null;
    }
    return socket;
  }

  private clearTimers(): void {
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearInterval(this.pingTimer);
    this.reconnectTimer = this.pingTimer = null;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.changeListeners) listener();
  }

  private outboxChanged(): void {
    this.outboxView = [...this.pending.values()];
    for (const listener of this.changeListeners) listener();
  }
}
