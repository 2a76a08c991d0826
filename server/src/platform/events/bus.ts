// Live events fan out to every app node: in one process through an in-memory bus, across
// several nodes through Redis pub/sub (REDIS_URL). Events are published after the
// transaction that caused them commits, so a subscriber never sees uncommitted data.
import { EventEmitter } from "node:events";

export interface BusMessage {
  topic: string;
  workspaceId: string;
  payload: unknown;
}

export interface EventBus {
  publish(message: BusMessage): Promise<void>;
  subscribe(handler: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

export class LocalBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(message: BusMessage): Promise<void> {
    this.emitter.emit("message", message);
  }

  subscribe(handler: (message: BusMessage) => void): () => void {
    this.emitter.on("message", handler);
    return () => this.emitter.off("message", handler);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

const CHANNEL = "qindesk:events";

export async function redisBus(url: string): Promise<EventBus> {
  const { Redis } = await import("ioredis");
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await publisher.connect();
  await subscriber.connect();
  const local = new LocalBus();
  await subscriber.subscribe(CHANNEL);
  subscriber.on("message", (_channel: string, raw: string) => {
    try {
      void local.publish(JSON.parse(raw) as BusMessage);
    } catch {
      // A malformed message from another node is dropped, not fatal.
    }
  });
  return {
    async publish(message) {
      await publisher.publish(CHANNEL, JSON.stringify(message));
    },
    subscribe: (handler) => local.subscribe(handler),
    async close() {
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
