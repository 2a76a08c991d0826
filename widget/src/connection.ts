// The buyer's WebSocket: reconnects with exponential back-off, pings every 25 s, and drops a
// socket that has gone silent (phones switch networks without closing anything).
import type { ClientEvent, ServerEvent } from "../../server/src/modules/conversations/chat-protocol";
import { HEARTBEAT_MS } from "./limits";

export type SocketStatus = "connecting" | "open" | "offline";

export interface SocketHooks {
  /** The URL to connect to; `failures` counts attempts in a row that never opened. */
  url(failures: number): Promise<string>;
  onOpen(): void;
  onEvent(event: ServerEvent): void;
  onStatus(status: SocketStatus): void;
  /** The server refused the token (close code 4401): the next url() should make a new session. */
  onUnauthorized(): void;
}

/** Close code the server uses for a bad or expired widget token. */
const UNAUTHORIZED = 4401;

/** Delay before reconnect attempt n (0-based): 1 s doubling to 30 s, with ±20 % jitter so a
 *  server restart is not met by every buyer at the same instant. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.8 + random() * 0.4));
}

export class ChatSocket {
  private socket: WebSocket | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = true;

  constructor(private readonly hooks: SocketHooks) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  /** Connect now instead of waiting out the back-off (the network came back, the tab woke up). */
  nudge(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.retryTimer);
    void this.connect();
  }

  isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  send(event: ClientEvent): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(event));
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.dropSocket();
  }

  private async connect(): Promise<void> {
    this.hooks.onStatus("connecting");
    let url: string;
    try {
      url = await this.hooks.url(this.failures);
    } catch {
      this.failures += 1;
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return;
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.failures += 1;
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    // Back-off resets only once the server has said something: a socket that opens and is
    // closed at once (refused token, overloaded node) must not be retried in a tight loop.
    let heard = false;
    socket.onopen = () => {
      this.lastHeard = Date.now();
      this.startPing();
      this.hooks.onStatus("open");
      this.hooks.onOpen();
    };
    socket.onmessage = (frame: MessageEvent) => {
      this.lastHeard = Date.now();
      if (!heard) {
        heard = true;
        this.failures = 0;
      }
      if (typeof frame.data !== "string") return;
      let event: ServerEvent;
      try {
        event = JSON.parse(frame.data) as ServerEvent;
      } catch {
        return;
      }
      if (event && typeof event.type === "string") this.hooks.onEvent(event);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.dropSocket();
      if (!heard) this.failures += 1;
      if (event.code === UNAUTHORIZED) this.hooks.onUnauthorized();
      if (!this.stopped) {
        this.hooks.onStatus("offline");
        this.scheduleReconnect();
      }
    };
    // An error is always followed by close, which does the work.
    socket.onerror = () => undefined;
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.hooks.onStatus("offline");
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), backoffDelay(this.failures));
  }

  private startPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      // Two and a half beats without a word (not even a pong): the socket is dead but unclosed.
      if (Date.now() - this.lastHeard > HEARTBEAT_MS * 2.5) {
        this.dropSocket();
        this.hooks.onStatus("offline");
        this.scheduleReconnect();
        return;
      }
      this.send({ type: "ping" });
    }, HEARTBEAT_MS);
  }

  private dropSocket(): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) {
      socket.onclose = null;
      socket.close();
    }
  }
}
