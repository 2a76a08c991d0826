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

export class Hub<Meta> {
  private readonly connections = new Map<string, Connection<Meta>>();

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
    socket.send(serialized(event));
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.connections.values()) c.socket.close(code, reason);
  }
}
