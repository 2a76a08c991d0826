// The writing half of an import: records, as they are read, are held per type and
// written as multi-row upserts once a batch is full, their ids settled just before
// (import-resolve.ts). Foreign keys set the order: a SKU goes after its product, an
// order item after its order. Messages have no foreign key to their conversation: the
// importer checks that every conversation they name has its row, once, at the end.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { newToken } from "../../platform/auth/tokens";
import { anyOf, chunks, upsertRows, type Value } from "./import-sql";
import { LAST_MESSAGE_AT, LAST_SEQ, SPECS, type Table } from "./import-tables";
import { emptyCounts, type Counts } from "./import-checks";
import type { IdResolver } from "./import-resolve";
import { MessageIdDeriver } from "./message-ids";
import type { InterchangeRecord, MessageRecord, RecordType } from "./records";
import { interchangeTimeMs } from "./times";
import { WriteQueue } from "./write-queue";
import { dropTimelines } from "../analytics/timelines";

/** A table whose new rows are at least this many, and a tenth of it, is analyzed at the end. */
const ANALYZE_AFTER = 1_000;

/** Interchange time text → ISO instant (already validated when the line was read). */
function instant(text: string): string {
  return new Date(interchangeTimeMs(text)!).toISOString();
}

type RecordOf<T extends RecordType> = Extract<InterchangeRecord, { type: T }>;

/** A record read and not yet written, under the key a later line for the same record replaces it by. */
interface Held<R> {
  line: number;
  key: string;
  record: R;
  /** A message's instant (epoch ms), parsed once. */
  atMs?: number;
}

interface PendingMessage {
  externalId: string;
  conversationId: string;
  record: MessageRecord;
  at: number;
}

export interface WriteCounts {
  created: Counts;
  updated: Counts;
}

export class ImportWriter {
  private readonly held = new Map<RecordType, Map<string, Held<InterchangeRecord>>>();
  /** SKUs and order items of the held products and orders: they fill a statement of their own. */
  private heldSkus = 0;
  private heldItems = 0;
  private readonly derive = new MessageIdDeriver();
  /** Conversation → highest seq and latest message time written, for last_seq afterwards. */
  private readonly conversationTail = new Map<string, { seq: number; at: number }>();
  /** New conversation → the tail its row was inserted with; finish() updates only those that moved on. */
  private readonly insertedTail = new Map<string, { seq: number; at: number }>();
  /** Every conversation whose row has been sent. */
  private readonly conversationsSent = new Set<string>();
  private readonly queue = new WriteQueue();
  readonly counts: WriteCounts = { created: emptyCounts(), updated: emptyCounts() };

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly ids: IdResolver,
    private readonly batch: number,
  ) {}

  private async upsert(table: Table, type: RecordType | null, rows: Value[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.queue.send(() => upsertRows(this.db, SPECS[table], rows), (outcome) => this.count(type, outcome));
  }

  private count(type: RecordType | null, outcome: { created: number; updated: number }): void {
    if (!type) return;
    this.counts.created[type] += outcome.created;
    this.counts.updated[type] += outcome.updated;
  }

  /** Take in one line's record: note the ids it defines and names, and hold it until its batch is full. */
  async add(line: number, record: InterchangeRecord): Promise<void> {
    const { ids } = this;
    switch (record.type) {
      case "shop":
      case "agent":
      case "customer":
        ids.define(record.type, record.id, line, `${record.type}.id`);
        return this.hold(line, record.id, record);
      case "product":
        ids.refer("shop", record.shop, line, "product.shop");
        ids.define("product", record.id, line, "product.id");
        record.skus.forEach((sku, i) => ids.define("sku", sku.id, line, `product.skus[${i}].id`));
        this.heldSkus += record.skus.length;
        return this.hold(line, record.id, record);
      case "conversation":
        ids.refer("shop", record.shop, line, "conversation.shop");
        ids.refer("customer", record.customer, line, "conversation.customer");
        ids.define("conversation", record.id, line, "conversation.id");
        return this.hold(line, record.id, record);
      case "message": {
        ids.refer("conversation", record.conversation, line, "message.conversation");
        ids.refer("agent", record.agent, line, "message.agent");
        const atMs = interchangeTimeMs(record.at)!;
        const key = record.id ?? this.derive.next(record.conversation, record.from, record.agent, atMs, record.text);
        return this.hold(line, key, record, atMs);
      }
      case "order":
        ids.refer("shop", record.shop, line, "order.shop");
        ids.refer("customer", record.customer, line, "order.customer");
        record.items.forEach((item, i) => {
          ids.refer("product", item.product, line, `order.items[${i}].product`);
          ids.refer("sku", item.sku, line, `order.items[${i}].sku`);
        });
        ids.define("order", record.id, line, "order.id");
        this.heldItems += record.items.length;
        return this.hold(line, record.id, record);
      case "return":
        ids.refer("order", record.order, line, "return.order");
        record.items.forEach((item, i) => ids.refer("sku", item.sku, line, `return.items[${i}].sku`));
        return this.hold(line, record.id, record);
      case "review":
        ids.refer("order", record.order, line, "review.order");
        return this.hold(line, record.id, record);
    }
  }

  private async hold(line: number, key: string, record: InterchangeRecord, atMs?: number): Promise<void> {
    let held = this.held.get(record.type);
    if (!held) this.held.set(record.type, (held = new Map()));
    held.delete(key); // a repeated id in one batch: the later line wins
    held.set(key, { line, key, record, atMs });
    const full = held.size >= this.batch || (record.type === "product" && this.heldSkus >= this.batch) || (record.type === "order" && this.heldItems >= this.batch);
    if (full) await this.flush(record.type);
  }

  /** The held records of one type, after their ids (and those they name) are settled. */
  private async take<T extends RecordType>(type: T): Promise<Held<RecordOf<T>>[]> {
    const held = this.held.get(type);
    if (!held || held.size === 0) return [];
    this.held.delete(type);
    await this.ids.settle();
    return [...held.values()] as Held<RecordOf<T>>[];
  }

  private async flush(type: RecordType): Promise<void> {
    const { ids, workspaceId: ws } = this;
    switch (type) {
      case "shop": {
        const rows = (await this.take("shop")).map(({ record: r }) => [ids.id("shop", r.id), ws, r.id, r.name, r.platform ?? "taobao", r.timezone, newToken(32)]);
        return this.upsert("shop", "shop", rows);
      }
      case "agent":
        return this.flushAgents();
      case "customer": {
        const rows = (await this.take("customer")).map(({ record: r }) => [ids.id("customer", r.id), ws, r.id, r.nick, r.name ?? null, r.phone ?? null, r.birthday ?? null]);
        return this.upsert("customer", "customer", rows);
      }
      case "product":
        return this.flushProducts();
      case "conversation":
        return this.writeConversations();
      case "message":
        return this.flushMessages();
      case "order":
        return this.flushOrders();
      case "return": {
        const rows = (await this.take("return")).map(({ record: r }) => {
          const items = r.items.map((item) => ({ skuId: ids.optionalId("sku", item.sku), qty: item.qty }));
          return [newId("ret"), ws, r.id, ids.id("order", r.order), r.kind, JSON.stringify(items), r.reason ?? null, instant(r.createdAt)];
        });
        return this.upsert("return", "return", rows);
      }
      case "review": {
        const rows = (await this.take("review")).map(({ record: r }) => [newId("rev"), ws, r.id, ids.id("order", r.order), r.item ?? null, r.rating, r.text ?? null, instant(r.at)]);
        return this.upsert("review", "review", rows);
      }
    }
  }

  private async flushAgents(): Promise<void> {
    const held = await this.take("agent");
    const withEmail = held.filter(({ record }) => record.email !== undefined);
    if (withEmail.length > 0) {
      await this.queue.drain(); // the check reads agents, which a queued write may still change
      await this.ids.checkAgentEmails(withEmail.map(({ line, record }) => ({ line, id: this.ids.id("agent", record.id), email: record.email!.toLowerCase() })));
    }
    const rows = held.map(({ record: r }) => [this.ids.id("agent", r.id), this.workspaceId, r.id, r.name, r.team, r.email?.toLowerCase() ?? null]);
    await this.upsert("agent", "agent", rows);
  }

  /** Products, then their SKUs; SKUs a product no longer lists are removed. */
  private async flushProducts(): Promise<void> {
    const held = await this.take("product");
    this.heldSkus = 0;
    if (held.length === 0) return;
    const { ids, workspaceId: ws } = this;
    const products: Value[][] = [];
    const skus: Value[][] = [];
    for (const { record: r } of held) {
      const productId = ids.id("product", r.id);
      products.push([productId, ws, r.id, ids.id("shop", r.shop), r.title, r.category, r.priceCents, r.floorPriceCents ?? null, JSON.stringify(r.attributes ?? {})]);
      r.skus.forEach((s, i) => skus.push([ids.id("sku", s.id), ws, s.id, productId, i, s.color ?? null, s.size ?? null, s.stock]));
    }
    await this.upsert("product", "product", products);
    await this.upsert("sku", null, skus);
    const kept = skus.map((row) => row[0] as string);
    for (const part of chunks(products.map((row) => row[0] as string), this.batch)) {
      await this.queue.send(() => this.db.execute(sql`delete from skus where ${anyOf("product_id", part)} and id <> all(${sql.param(kept)}::text[])`));
    }
  }

  /**
   * The held conversations, before any message that names them. A conversation this
   * import creates goes in with the tail of its messages written so far (last_seq and
   * last_message_at), which saves updating every new row again at the end.
   */
  private async writeConversations(): Promise<void> {
    const { ids, workspaceId: ws } = this;
    const rows = (await this.take("conversation")).map(({ record: r }) => {
      const id = ids.id("conversation", r.id);
      const row: Value[] = [id, ws, r.id, ids.id("shop", r.shop), ids.id("customer", r.customer), r.team, instant(r.startedAt), "closed", 0, null];
      // A second line for the same conversation updates the row, which keeps its tail: finish() moves it.
      if (this.conversationsSent.has(id)) {
        this.insertedTail.delete(id);
        return row;
      }
      this.conversationsSent.add(id);
      const tail = this.conversationTail.get(id);
      if (ids.created.has(id) && tail && Number.isFinite(tail.at)) {
        row[LAST_SEQ] = tail.seq;
        row[LAST_MESSAGE_AT] = new Date(tail.at).toISOString();
        this.insertedTail.set(id, { ...tail });
      }
      return row;
    });
    await this.upsert("conversation", "conversation", rows);
  }

  /**
   * Messages keep the file's order as their arrival order (seq). A message imported
   * before keeps its seq; a new one takes the next number after its conversation's
   * last, so live chat continues the same sequence.
   */
  private async flushMessages(): Promise<void> {
    const { ids } = this;
    const batch: PendingMessage[] = (await this.take("message")).map(({ key, record, atMs }) => ({
      externalId: key,
      conversationId: ids.id("conversation", record.conversation),
      record,
      at: atMs!,
    }));
    if (batch.length === 0) return;
    const existing = new Map<string, { conversation: string; seq: number }>();
    // A message of a conversation this import creates is new (it keeps no seq of its own to
    // look up), and a message moved from another conversation takes a new seq either way:
    // only messages of conversations that existed before are looked up.
    const known = batch.filter((m) => !ids.created.has(m.conversationId)).map((m) => m.externalId);
    // What follows reads messages and conversations the queued writes may touch.
    if (known.length > 0) await this.queue.drain();
    const found = known.length === 0 ? [] : await queryRows<{ external_id: string; conversation_id: string; seq: number }>(
      this.db,
      sql`select external_id, conversation_id, seq::float8 as seq from messages where workspace_id = ${this.workspaceId} and ${anyOf("external_id", known)}`,
    );
    for (const row of found) existing.set(row.external_id, { conversation: row.conversation_id, seq: row.seq });
    const untracked = [...new Set(batch.map((m) => m.conversationId))].filter((id) => !this.conversationTail.has(id));
    // A conversation this import creates starts at seq 0 and nobody else can write to it yet.
    for (const id of untracked) if (ids.created.has(id)) this.conversationTail.set(id, { seq: 0, at: -Infinity });
    const unknown = untracked.filter((id) => !ids.created.has(id));
    if (unknown.length > 0) {
      // Locked so live chat cannot take the same numbers while the import runs.
      const tails = await queryRows<{ id: string; last_seq: number; at: number | null }>(
        this.db,
        sql`select id, last_seq, (extract(epoch from last_message_at) * 1000)::float8 as at from conversations where ${anyOf("id", unknown)} for update`,
      );
      for (const row of tails) this.conversationTail.set(row.id, { seq: row.last_seq, at: row.at ?? -Infinity });
    }
    const rows: Value[][] = batch.map((m) => {
      const tail = this.conversationTail.get(m.conversationId)!;
      const before = existing.get(m.externalId);
      const seq = before && before.conversation === m.conversationId ? before.seq : ++tail.seq;
      tail.at = Math.max(tail.at, m.at);
      const r = m.record;
      return [newId("msg"), this.workspaceId, m.externalId, m.conversationId, seq, r.from, ids.optionalId("agent", r.agent), r.text, new Date(m.at).toISOString()];
    });
    await this.writeConversations();
    await this.upsert("message", "message", rows);
  }

  /** Orders, then their items; items past an order's new length are removed. */
  private async flushOrders(): Promise<void> {
    const held = await this.take("order");
    this.heldItems = 0;
    if (held.length === 0) return;
    const { ids, workspaceId: ws } = this;
    const orders: Value[][] = [];
    const items: Value[][] = [];
    for (const { record: r } of held) {
      const orderId = ids.id("order", r.id);
      orders.push([orderId, ws, r.id, ids.id("shop", r.shop), ids.id("customer", r.customer), r.status, instant(r.createdAt), r.paidAt === null ? null : instant(r.paidAt), r.totalCents, r.shippingFeeCents ?? null]);
      r.items.forEach((item, i) => {
        const itemId = `oi_${orderId}_${i}`; // one row per position: a re-import rewrites the same rows
        items.push([itemId, ws, orderId, i, ids.optionalId("product", item.product), ids.optionalId("sku", item.sku), item.qty, item.priceCents]);
      });
    }
    await this.upsert("order", "order", orders);
    await this.upsert("item", null, items);
    const kept = items.map((row) => row[0] as string);
    for (const part of chunks(orders.map((row) => row[0] as string), this.batch)) {
      await this.queue.send(() => this.db.execute(sql`delete from order_items where ${anyOf("order_id", part)} and id <> all(${sql.param(kept)}::text[])`));
    }
  }

  /** Writes what is still held, checks that every id named is defined, and moves each touched conversation's last_seq past its messages. */
  async finish(): Promise<void> {
    for (const type of ["shop", "agent", "customer", "product", "message", "conversation", "order", "return", "review"] as const) await this.flush(type);
    await this.queue.drain();
    await this.ids.checkComplete();
    await this.checkConversationsWritten();
    // New conversations whose row already holds their tail need nothing more.
    const moved = (id: string, tail: { seq: number; at: number }) => {
      const inserted = this.insertedTail.get(id);
      return !inserted || inserted.seq !== tail.seq || inserted.at !== tail.at;
    };
    const tails = [...this.conversationTail].filter(([id, tail]) => Number.isFinite(tail.at) && moved(id, tail));
    for (const part of chunks(tails, this.batch)) {
      const ids = sql.param(part.map(([id]) => id));
      const seqs = sql.param(part.map(([, tail]) => tail.seq));
      const times = sql.param(part.map(([, tail]) => new Date(tail.at).toISOString()));
      await this.db.execute(sql`update conversations c set last_seq = greatest(c.last_seq, v.seq),
        last_message_at = greatest(coalesce(c.last_message_at, v.at), v.at)
        from unnest(${ids}::text[], ${seqs}::integer[], ${times}::timestamptz[]) as v(id, seq, at) where c.id = v.id`);
      // A message updated by id keeps its seq, so the figures' rollup would not notice: drop its
      // rows (a conversation new in this import has none).
      await dropTimelines(this.db, part.map(([id]) => id).filter((id) => !this.ids.created.has(id)));
    }
    await this.analyzeGrown();
  }

  /**
   * messages.conversation_id has no foreign key (docs/decisions.md, 2026-12-03): instead of a
   * check per message row, one statement per batch of conversations checks that every
   * conversation that got messages has its row. Failing it is a bug in this importer.
   */
  private async checkConversationsWritten(): Promise<void> {
    for (const part of chunks([...this.conversationTail.keys()], this.batch)) {
      const [missing] = await queryRows<{ id: string }>(
        this.db,
        sql`select v.id from unnest(${sql.param(part)}::text[]) as v(id) where not exists (select 1 from conversations c where c.id = v.id) limit 1`,
      );
      if (missing) throw new Error(`import: messages were written for conversation ${missing.id}, which has no row; nothing was imported`);
    }
  }

  /**
   * PGlite has no autovacuum and PostgreSQL's comes up to a minute later: after a big
   * import the planner still took the tables for empty, and a re-import's message lookups
   * scanned the whole workspace (53 ms per batch instead of 5). A table that grew by at
   * least ANALYZE_AFTER rows and a tenth is analyzed here; inside the transaction,
   * ANALYZE counts the rows it wrote.
   */
  private async analyzeGrown(): Promise<void> {
    const grown = new Map<string, number>();
    for (const [type, created] of Object.entries(this.counts.created) as [RecordType, number][]) {
      if (created < ANALYZE_AFTER) continue;
      grown.set(SPECS[type].table, created);
      if (type === "product") grown.set(SPECS.sku.table, created);
      if (type === "order") grown.set(SPECS.item.table, created);
    }
    if (grown.size === 0) return;
    const sizes = await queryRows<{ relname: string; reltuples: number }>(
      this.db,
      sql`select c.relname, c.reltuples::float8 as reltuples from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and ${anyOf("c.relname", [...grown.keys()])}`,
    );
    for (const { relname, reltuples } of sizes) {
      // reltuples is -1 for a table never analyzed.
      if (reltuples < 0 || grown.get(relname)! * 10 >= reltuples) await this.db.execute(sql.raw(`analyze "${relname}"`));
    }
  }
}
