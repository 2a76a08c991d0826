// Group commit for chat messages. While one statement is storing messages, the sends that
// arrive meanwhile wait and then go together in the next statement: one round trip and
// one commit for many buyers instead of one each (PGlite runs one statement at a time, so
// per-statement cost was most of a message's cost: bench/chat.ts). An idle server still
// stores a lone message at once, so a quiet shop sees no delay.
//
// The statement does what store-message.ts does for one message, for each of the batch:
// find the conversation (the buyer's open one when none is named), take its next seq, move
// its waiting timer and status by who wrote, insert the message, and read the queue
// summary beside it. A conversation appears once per statement (a second message for it
// waits for the next), so seqs stay gapless; a client id already stored comes back as the
// stored message. Anything unusual — a statement that fails (a unique index raced on
// PostgreSQL, a deadlock) — falls back to storing each message alone, which keeps the
// exact old behaviour. Acknowledgements still follow the commit: a send's promise
// resolves only when its statement has returned.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { fromJsonRow } from "../../platform/db/json-row";
import { notFound } from "../../platform/http/errors";
import { conversations, messages } from "./conversations.schema";
import { storeMessage, summaryColumns, summaryOf, type NewMessage, type StoredMessage, type SummaryColumns } from "./store-message";

interface Pending {
  input: NewMessage;
  resolve(stored: StoredMessage): void;
  reject(err: unknown): void;
}

type BatchRow = SummaryColumns & { state: "stored" | "duplicate" | "missing" | "later"; ord: number; c: Record<string, unknown> | null; m: Record<string, unknown> | null };

/** Largest batch in one statement: big enough to amortise, small enough to plan fast. */
export const MAX_BATCH = 64;

function inputRow(input: NewMessage, ord: number, id: string): SQL {
  const owner = input.ownedBy ?? null;
  return sql`(${ord}::int, ${input.workspaceId}::text, ${input.conversationId}::text, ${owner?.customerId ?? null}::text, ${owner?.shopId ?? null}::text,
    ${input.clientId}::text, ${input.sender}::text, ${input.agentId}::text, ${input.kind}::text, ${input.text}::text, ${input.imageUrl ?? null}::text,
    ${input.product ? JSON.stringify(input.product) : null}::jsonb, ${input.card ? JSON.stringify(input.card) : null}::jsonb, ${id}::text)`;
}

function batchStatement(batch: Pending[], now: string): SQL {
  const rows = sql.join(batch.map((p, ord) => inputRow(p.input, ord, newId("msg"))), sql`, `);
  return sql`with input (ord, ws, conv, cust, shop, client, sender, agent, kind, body, image, product, card, id) as (values ${rows}),
    target as (
      select i.*, coalesce(i.conv, (select o.id from conversations o where o.workspace_id = i.ws and o.customer_id = i.cust and o.shop_id = i.shop
                                      and o.status <> 'closed' order by o.started_at desc, o.id desc limit 1)) as cid
      from input i),
    firsts as (select distinct on (cid) * from target where cid is not null order by cid, ord),
    dups as (select f.ord from firsts f where f.client is not null and exists (select 1 from messages d where d.conversation_id = f.cid and d.client_id = f.client)),
    fresh as (select * from firsts f where f.ord not in (select ord from dups)),
    c as (
      update conversations set
        last_seq = conversations.last_seq + 1,
        last_message_at = ${now}::timestamptz,
        waiting_since = case f.sender when 'buyer' then coalesce(conversations.waiting_since, ${now}::timestamptz) when 'agent' then null else conversations.waiting_since end,
        closed_at = case when f.sender = 'buyer' then null else conversations.closed_at end,
        status = case
          when f.sender = 'buyer' and conversations.status = 'closed' then (case when conversations.assignee_id is null then 'waiting' else 'open' end)
          when f.sender = 'agent' then 'open'
          else conversations.status end,
        agent_read_seq = case when f.sender = 'agent' then conversations.last_seq + 1 else conversations.agent_read_seq end,
        assignee_id = case when f.sender = 'agent' then coalesce(conversations.assignee_id, f.agent) else conversations.assignee_id end
      from fresh f
      where conversations.id = f.cid and conversations.workspace_id = f.ws
        and (f.cust is null or (conversations.customer_id = f.cust and conversations.shop_id = f.shop))
      returning conversations.*, f.ord as batch_ord),
    m as (
      insert into messages (id, workspace_id, conversation_id, seq, client_id, sender, agent_id, kind, text, image_url, product, card, created_at)
      select f.id, f.ws, c.id, c.last_seq, f.client, f.sender, f.agent, f.kind, f.body, f.image, f.product, f.card, ${now}::timestamptz
      from c join fresh f on f.ord = c.batch_ord
      returning *)
    select 'stored' as state, c.batch_ord as ord, row_to_json(c) as c, row_to_json(m) as m${summaryColumns()}
    from c join m on m.conversation_id = c.id
    union all select 'duplicate', ord, null, null, null, null, null, null from dups
    union all select 'missing', t.ord, null, null, null, null, null, null from target t where t.cid is null
      or (t.ord in (select ord from fresh) and t.ord not in (select batch_ord from c))
    union all select 'later', t.ord, null, null, null, null, null, null from target t where t.cid is not null and t.ord not in (select ord from firsts)`;
}

export class MessageBatcher {
  private queue: Pending[] = [];
  private running = false;
  /** What it did, for tests and the bench: statements of several sends, sends in them, batches that fell back. */
  readonly stats = { batches: 0, batched: 0, fallbacks: 0 };

  constructor(private readonly db: Db) {}

  private held = false;
  private scheduled = false;

  /** Stores one message, possibly together with others sent at the same moment. */
  store(input: NewMessage): Promise<StoredMessage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Starts storing after the sockets' callbacks of this turn of the event loop have run, so
   * sends that arrived together are stored together. PGlite runs a statement without
   * yielding, so otherwise every send would find the batcher idle and go alone; the wait is
   * one turn of the loop, not a timer.
   */
  private schedule(): void {
    if (this.running || this.held || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  /** Tests: sends queue up until the returned release, which stores them as one batch. */
  hold(): () => void {
    this.held = true;
    return () => {
      this.held = false;
      this.schedule();
    };
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const later = await this.run(batch);
        // A second message for a conversation already in the batch goes first in the next one.
        this.queue.unshift(...later);
      }
    } finally {
      this.running = false;
    }
  }

  /** Runs one batch; answers every send in it except those that must wait for the next. */
  private async run(batch: Pending[]): Promise<Pending[]> {
    if (batch.length === 1) {
      await this.alone(batch[0]!);
      return [];
    }
    let rows: BatchRow[];
    try {
      rows = await queryRows<BatchRow>(this.db, batchStatement(batch, new Date().toISOString()));
    } catch {
      // Nothing of the batch was written (one statement): store each alone, as before.
      this.stats.fallbacks += 1;
      for (const pending of batch) await this.alone(pending);
      return [];
    }
    this.stats.batches += 1;
    this.stats.batched += batch.length;
    const later: Pending[] = [];
    for (const row of rows) {
      const pending = batch[row.ord]!;
      if (row.state === "later") later.push(pending);
      else if (row.state === "stored") {
        const conversation = fromJsonRow(conversations, row.c!);
        const message = fromJsonRow(messages, row.m!);
        pending.resolve({ conversation, message, duplicate: false, ...(pending.input.summarize && { summary: summaryOf(conversation, message, row) }) });
      } else if (row.state === "missing") pending.reject(notFound("conversation"));
      // A client id stored before: the single path finds and answers the stored message.
      else await this.alone(pending);
    }
    return later;
  }

  private async alone(pending: Pending): Promise<void> {
    try {
      pending.resolve(await storeMessage(this.db, pending.input));
    } catch (err) {
      pending.reject(err);
    }
  }
}
