// The sockets connected to this node. Modules decide who receives what; the hub only
// keeps the list and protects the node from slow consumers.
export interface SocketLike {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A client whose unsent data passes this is disconnected; it resumes from its last seq. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
export const SLOW_CONSUMER_CLOSE = 4008;

export interface Connection<Meta> {
  id: string;
  workspaceId: string;
  meta: Meta;
  socket: SocketLike;
}

// One event goes to many sockets (every agent who sees the conversation): it is written
// as JSON once, not once per socket.
const written = new WeakMap<object, string>();
function serialized(event: unknown): string {
  if (typeof event !== "object" || event === null) return JSON.stringify(event);
  let text = written.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    written.set(event, text);
  }
  return text;
}

/** The TCP socket under a `ws` WebSocket, when there is one (tests pass plain objects). */
type Corkable = { cork(): void; uncork(): void };
function tcpOf(socket: SocketLike): Corkable | null {
  const raw = (socket as { _socket?: Partial<Corkable> })._socket;
  return raw && typeof raw.cork === "function" && typeof raw.uncork === "function" ? (raw as Corkable) : null;
}

export class Hub<Meta> {
  private readonly connections = new Map<string, Connection<Meta>>();
  /** Sockets holding frames written in this turn of the event loop; flushed together after it. */
  private readonly corked = new Set<Corkable>();

  add(connection: Connection<Meta>): void {
    this.connections.set(connection.id, connection);
  }

  remove(id: string): void {
    this.connections.delete(id);
  }

  *inWorkspace(workspaceId: string): Iterable<Connection<Meta>> {
    for (const c of this.connections.values()) if (c.workspaceId === workspaceId) yield c;
  }

  get size(): number {
    return this.connections.size;
  }

  send(connection: Connection<Meta>, event: unknown): void {
    const { socket } = connection;
    if (socket.readyState !== 1) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(SLOW_CONSUMER_CLOSE, "slow consumer: reconnect and resume");
      return;
    }
    // A busy shop sends each agent several frames per message (the message, the queue
    // summary): corked until the end of this turn, they leave in one write, not one each
    // (writev was 15 % of the chat's CPU on PostgreSQL, bench/chat.ts).
    const tcp = tcpOf(socket);
    if (tcp && !this.corked.has(tcp)) {
      if (this.corked.size === 0) setImmediate(() => this.uncorkAll());
      tcp.cork();
      this.corked.add(tcp);
    }
    socket.send(serialized(event));
  }

  private uncorkAll(): void {
    for (const tcp of this.corked) tcp.uncork();
    this.corked.clear();
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.connections.values()) c.socket.close(code, reason);
  }
}
