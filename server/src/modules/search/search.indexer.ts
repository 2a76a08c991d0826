// Keeping the index filled without touching how messages are stored: every committed
// message reaches the bus as a message.new event, and this subscriber indexes it. Messages
// that arrived another way (imports, or written before search existed) are picked up by
// the backfill, which runs in the background in small batches at start. Both paths insert
// "on conflict do nothing", so they may meet; with Redis each node indexes what it hears,
// which is the same rows again and costs only the conflict check.
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import { CONVERSATION_TOPIC, type ConversationEvent } from "../conversations";
import { indexMessages, unindexedMessages } from "./search.repo";

export const BACKFILL_BATCH = 500;
const ANALYZE_AFTER = 5000;
const FLUSH_AT = 200;
const FLUSH_AFTER_MS = 15;

export interface SearchIndexer {
  /** Starts indexing older messages in the background (once). */
  backfill(): void;
  /** Resolves when the running backfill has come to a stop. */
  backfillDone(): Promise<number>;
  /** Stops listening and waits for what is in flight, so the database may close after. */
  stop(): Promise<void>;
}

/** Indexes every message not indexed yet, in batches; stops early when `stopped()` says so. */
export async function backfillSearchIndex(db: Db, options: { batchSize?: number; stopped?: () => boolean } = {}): Promise<number> {
  const batchSize = options.batchSize ?? BACKFILL_BATCH;
  let afterId: string | null = null;
  let indexed = 0;
  while (!options.stopped?.()) {
    const batch = await unindexedMessages(db, afterId, batchSize);
    if (batch.length === 0) break;
    indexed += await indexMessages(db, batch);
    afterId = batch.at(-1)!.id;
    if (batch.length < batchSize) break;
    // Let requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Fresh statistics, or the planner may not use the text index right after a large fill.
  if (indexed >= ANALYZE_AFTER && !options.stopped?.()) await db.execute(sql`analyze message_search`);
  return indexed;
}

export function startSearchIndexing(bus: EventBus, db: Db, onError: (err: unknown) => void): SearchIndexer {
  const pending = new Set<Promise<unknown>>();
  let stopped = false;
  let backfilling: Promise<number> | null = null;
  const track = <T>(work: Promise<T>): Promise<T> => {
    const tracked = work.finally(() => pending.delete(tracked));
    pending.add(tracked);
    return tracked;
  };
  // Messages heard within a few milliseconds are indexed together: one statement for a
  // burst instead of one per message (bench/chat.ts: the index was a second write per send).
  let queued: Parameters<typeof indexMessages>[1] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    flushTimer = null;
    const batch = queued;
    queued = [];
    if (batch.length > 0) void track(indexMessages(db, batch).catch(onError));
  };
  const unsubscribe = bus.subscribe((message) => {
    if (message.topic !== CONVERSATION_TOPIC || stopped) return;
    const payload = message.payload as ConversationEvent;
    const fresh = payload.events.flatMap((e) => (e.type === "message.new" ? [e.message] : []));
    if (fresh.length === 0) return;
    for (const m of fresh) queued.push({ id: m.id, workspaceId: message.workspaceId, conversationId: m.conversationId, text: m.text, product: m.product });
    if (queued.length >= FLUSH_AT) flush();
    else flushTimer ??= setTimeout(flush, FLUSH_AFTER_MS);
  });
  return {
    backfill() {
      backfilling ??= track(backfillSearchIndex(db, { stopped: () => stopped }).catch((err: unknown) => (onError(err), 0)));
    },
    backfillDone: () => backfilling ?? Promise.resolve(0),
    async stop() {
      stopped = true;
      unsubscribe();
      if (flushTimer) clearTimeout(flushTimer);
      flush();
      await Promise.all([...pending]);
    },
  };
}
