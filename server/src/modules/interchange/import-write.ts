// Pass 2 of an import: the records, streamed a second time, become rows. Rows are
// buffered per table and written as multi-row upserts; all ids were resolved before
// this pass, so the only ordering that matters is the foreign keys (a message needs
// its conversation row, a SKU its product, an order item its order).
import { sql } from "drizzle-orm";
import { queryRows, type Database, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { newToken } from "../../platform/auth/tokens";
import { anyOf, chunks, upsertRows, type UpsertSpec, type Value } from "./import-sql";
import { emptyCounts, MessageIdDeriver, type Counts } from "./import-plan";
import type { IdMaps } from "./import-resolve";
import type { ConversationRecord, InterchangeRecord, MessageRecord, OrderRecord, ProductRecord, RecordType } from "./records";
import { interchangeTimeMs } from "./times";
import { dropTimelines } from "../analytics/timelines";

/**
 * Rows per statement. Each statement costs PostgreSQL a round trip during which it
 * waits for this process (bench/import.ts: 1,000 → 5,000 took a fresh import from 11.3
 * to 8.1 s). PGlite has no round trip and is nearly flat: 1,000 11.4–12.0 s, 2,000
 * 10.4–11.1 s, 3,000 11.4 s, 4,000 11.1–11.4 s (the machine's noise is about ±1 s).
 */
export function batchSize(engine: Database["kind"] | undefined): number {
  return engine === "postgres" ? 5_000 : 2_000;
}
/** A table whose new rows are at least this many, and a tenth of it, is analyzed at the end. */
const ANALYZE_AFTER = 1_000;
/**
 * Writes queued and not yet answered. On PostgreSQL the server works on one while this
 * process parses the next lines (two cores, both busy). They run one after another in
 * the order queued, so a message still follows its conversation.
 */
const IN_FLIGHT = 4;
const EXTERNAL = ["workspace_id", "external_id"];

const SPECS = {
  shop: { table: "shops", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["name", "text"], ["platform", "text"], ["timezone", "text"], ["widget_secret", "text"]], conflict: EXTERNAL, keep: ["id", "workspace_id", "widget_secret"] },
  agent: { table: "agents", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["name", "text"], ["team", "text"], ["email", "text"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  customer: { table: "customers", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["nick", "text"], ["name", "text"], ["phone", "text"], ["birthday", "text"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  product: { table: "products", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["shop_id", "text"], ["title", "text"], ["category", "text"], ["price_cents", "integer"], ["floor_price_cents", "integer"], ["attributes", "jsonb"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  sku: { table: "skus", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["product_id", "text"], ["position", "integer"], ["color", "text"], ["size", "text"], ["stock", "integer"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  // Imported conversations are history: closed, so they do not land in the live queue. A new
  // conversation's row carries the tail of the messages written with it; an existing one keeps
  // its own, moved forward in finish().
  conversation: { table: "conversations", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["shop_id", "text"], ["customer_id", "text"], ["team", "text"], ["started_at", "timestamptz"], ["status", "text"], ["last_seq", "integer"], ["last_message_at", "timestamptz"]], conflict: EXTERNAL, keep: ["id", "workspace_id", "status", "last_seq", "last_message_at"] },
  message: { table: "messages", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["conversation_id", "text"], ["seq", "bigint"], ["sender", "text"], ["agent_id", "text"], ["text", "text"], ["created_at", "timestamptz"]], conflict: EXTERNAL, conflictWhere: "external_id is not null", keep: ["id", "workspace_id"] },
  order: { table: "orders", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["shop_id", "text"], ["customer_id", "text"], ["status", "text"], ["created_at", "timestamptz"], ["paid_at", "timestamptz"], ["total_cents", "integer"], ["shipping_fee_cents", "integer"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  item: { table: "order_items", columns: [["id", "text"], ["workspace_id", "text"], ["order_id", "text"], ["position", "integer"], ["product_id", "text"], ["sku_id", "text"], ["qty", "integer"], ["price_cents", "integer"]], conflict: ["id"], keep: ["id", "workspace_id"] },
  return: { table: "returns", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["order_id", "text"], ["kind", "text"], ["items", "jsonb"], ["reason", "text"], ["created_at", "timestamptz"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  review: { table: "reviews", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["order_id", "text"], ["item", "text"], ["rating", "text"], ["text", "text"], ["at", "timestamptz"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
} satisfies Record<string, UpsertSpec>;

type Table = keyof typeof SPECS;

/** Where a conversation row holds its tail (filled in by writeConversations). */
const column = (table: Table, name: string) => SPECS[table].columns.findIndex(([column]) => column === name);
const LAST_SEQ = column("conversation", "last_seq");
const LAST_MESSAGE_AT = column("conversation", "last_message_at");

/** Interchange time text → ISO instant (already validated in pass 1). */
function instant(text: string): string {
  return new Date(interchangeTimeMs(text)!).toISOString();
}

function required(map: Map<string, string>, id: string): string {
  const found = map.get(id);
  if (found === undefined) throw new Error(`import: id "${id}" was not resolved`);
  return found;
}

const optional = (map: Map<string, string>, id: string | undefined): string | null => (id === undefined ? null : required(map, id));

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
  private readonly rows = new Map<Table, Map<string, Value[]>>();
  private readonly messages = new Map<string, PendingMessage>();
  private readonly derive = new MessageIdDeriver();
  /** Conversation → highest seq and latest message time written, for last_seq afterwards. */
  private readonly conversationTail = new Map<string, { seq: number; at: number }>();
  /** New conversation → the tail its row was inserted with; finish() updates only those that moved on. */
  private readonly insertedTail = new Map<string, { seq: number; at: number }>();
  private readonly conversationsSent = new Set<string>();
  private readonly written = new Set<string>();
  /** One link per queued write; each runs after the one before and fails when any before it failed. */
  private readonly inFlight: Promise<void>[] = [];
  readonly counts: WriteCounts = { created: emptyCounts(), updated: emptyCounts() };

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
    private readonly ids: IdMaps,
    private readonly batch: number,
  ) {}

  private buffer(table: Table, key: string, row: Value[]): Map<string, Value[]> {
    let rows = this.rows.get(table);
    if (!rows) this.rows.set(table, (rows = new Map()));
    rows.delete(key); // a repeated id in one batch: the later line wins
    rows.set(key, row);
    return rows;
  }

  /** Queue a write without waiting for it, unless too many are still unanswered. */
  private async send<T>(write: () => Promise<T>, then: (result: T) => void = () => {}): Promise<void> {
    // Only drain empties the list, awaiting every link: after it nothing is unanswered.
    const previous = this.inFlight.at(-1) ?? Promise.resolve();
    const link = previous.then(async () => then(await write()));
    // A failure is thrown where the link is awaited (in order, below); until then it must not count as unhandled.
    link.catch(() => {});
    this.inFlight.push(link);
    while (this.inFlight.length > IN_FLIGHT) await this.inFlight.shift();
  }

  /** Wait for every queued write (before reading what they wrote); the first failure is thrown. */
  private async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  private async upsert(table: Table, type: RecordType | null): Promise<void> {
    const rows = this.rows.get(table);
    if (!rows || rows.size === 0) return;
    this.rows.delete(table);
    const values = [...rows.values()];
    await this.send(() => upsertRows(this.db, SPECS[table], values), (outcome) => this.count(type, outcome));
  }

  private count(type: RecordType | null, outcome: { created: number; updated: number }): void {
    if (!type) return;
    this.counts.created[type] += outcome.created;
    this.counts.updated[type] += outcome.updated;
  }

  async add(record: InterchangeRecord): Promise<void> {
    const ws = this.workspaceId;
    const { ids } = this;
    switch (record.type) {
      case "shop":
        return this.queue("shop", record.id, [required(ids.shop, record.id), ws, record.id, record.name, record.platform ?? "taobao", record.timezone, newToken(32)]);
      case "agent":
        return this.queue("agent", record.id, [required(ids.agent, record.id), ws, record.id, record.name, record.team, record.email?.toLowerCase() ?? null]);
      case "customer":
        return this.queue("customer", record.id, [required(ids.customer, record.id), ws, record.id, record.nick, record.name ?? null, record.phone ?? null, record.birthday ?? null]);
      case "product":
        return this.addProduct(record);
      case "conversation":
        return this.addConversation(record);
      case "message":
        return this.addMessage(record);
      case "order":
        return this.addOrder(record);
      case "return": {
        const items = record.items.map((item) => ({ skuId: optional(ids.sku, item.sku), qty: item.qty }));
        return this.queue("return", record.id, [newId("ret"), ws, record.id, required(ids.order, record.order), record.kind, JSON.stringify(items), record.reason ?? null, instant(record.createdAt)]);
      }
      case "review":
        return this.queue("review", record.id, [newId("rev"), ws, record.id, required(ids.order, record.order), record.item ?? null, record.rating, record.text ?? null, instant(record.at)]);
    }
  }

  private async queue(table: Table & RecordType, key: string, row: Value[]): Promise<void> {
    if (this.buffer(table, key, row).size < this.batch) return;
    await (table === "conversation" ? this.writeConversations() : this.upsert(table, table));
  }

  /**
   * The buffered conversations, before any message that names them. A conversation this
   * import creates goes in with the tail of its messages seen so far (last_seq and
   * last_message_at), which saves updating every new row again at the end.
   */
  private async writeConversations(): Promise<void> {
    for (const row of this.rows.get("conversation")?.values() ?? []) {
      const id = row[0] as string;
      // A second line for the same conversation updates the row, which keeps its tail: finish() moves it.
      if (this.conversationsSent.has(id)) {
        this.insertedTail.delete(id);
        continue;
      }
      this.conversationsSent.add(id);
      const tail = this.conversationTail.get(id);
      if (!this.ids.created.has(id) || !tail || !Number.isFinite(tail.at)) continue;
      row[LAST_SEQ] = tail.seq;
      row[LAST_MESSAGE_AT] = new Date(tail.at).toISOString();
      this.insertedTail.set(id, { ...tail });
    }
    await this.upsert("conversation", "conversation");
  }

  private async addProduct(r: ProductRecord): Promise<void> {
    const productId = required(this.ids.product, r.id);
    const attributes = JSON.stringify(r.attributes ?? {});
    this.buffer("product", r.id, [productId, this.workspaceId, r.id, required(this.ids.shop, r.shop), r.title, r.category, r.priceCents, r.floorPriceCents ?? null, attributes]);
    r.skus.forEach((s, i) => {
      this.buffer("sku", s.id, [required(this.ids.sku, s.id), this.workspaceId, s.id, productId, i, s.color ?? null, s.size ?? null, s.stock]);
    });
    if ((this.rows.get("product")?.size ?? 0) >= this.batch || (this.rows.get("sku")?.size ?? 0) >= this.batch) await this.flushProducts();
  }

  /** Products, then their SKUs; SKUs a product no longer lists are removed. */
  private async flushProducts(): Promise<void> {
    const skuRows = [...(this.rows.get("sku")?.values() ?? [])];
    const productIds = [...(this.rows.get("product")?.values() ?? [])].map((row) => row[0] as string);
    await this.upsert("product", "product");
    await this.upsert("sku", null);
    const kept = skuRows.map((row) => row[0] as string);
    for (const part of chunks(productIds, this.batch)) {
      await this.send(() => this.db.execute(sql`delete from skus where ${anyOf("product_id", part)} and id <> all(${sql.param(kept)}::text[])`));
    }
  }

  private async addConversation(r: ConversationRecord): Promise<void> {
    if (this.written.has(r.id)) return; // written first because messages named it earlier
    const row: Value[] = [required(this.ids.conversation, r.id), this.workspaceId, r.id, required(this.ids.shop, r.shop), required(this.ids.customer, r.customer), r.team, instant(r.startedAt), "closed", 0, null];
    return this.queue("conversation", r.id, row);
  }

  /** Conversations that messages name before their own line go in before anything else. */
  async writeEarly(early: Iterable<ConversationRecord>): Promise<void> {
    for (const r of early) await this.addConversation(r);
    await this.writeConversations();
    for (const r of early) this.written.add(r.id);
  }

  private async addMessage(r: MessageRecord): Promise<void> {
    const at = interchangeTimeMs(r.at)!;
    const externalId = r.id ?? this.derive.next(r.conversation, r.from, r.agent, at, r.text);
    this.messages.delete(externalId);
    this.messages.set(externalId, { externalId, conversationId: required(this.ids.conversation, r.conversation), record: r, at });
    if (this.messages.size >= this.batch) await this.flushMessages();
  }

  /**
   * Messages keep the file's order as their arrival order (seq). A message imported
   * before keeps its seq; a new one takes the next number after its conversation's
   * last, so live chat continues the same sequence.
   */
  private async flushMessages(): Promise<void> {
    if (this.messages.size === 0) return;
    const batch = [...this.messages.values()];
    this.messages.clear();
    const existing = new Map<string, { conversation: string; seq: number }>();
    // A message of a conversation this import creates is new (it keeps no seq of its own to
    // look up), and a message moved from another conversation takes a new seq either way:
    // only messages of conversations that existed before are looked up.
    const known = batch.filter((m) => !this.ids.created.has(m.conversationId)).map((m) => m.externalId);
    // What follows reads messages and conversations the queued writes may touch.
    if (known.length > 0) await this.drain();
    const found = known.length === 0 ? [] : await queryRows<{ external_id: string; conversation_id: string; seq: number }>(
      this.db,
      sql`select external_id, conversation_id, seq::float8 as seq from messages where workspace_id = ${this.workspaceId} and ${anyOf("external_id", known)}`,
    );
    for (const row of found) existing.set(row.external_id, { conversation: row.conversation_id, seq: row.seq });
    const untracked = [...new Set(batch.map((m) => m.conversationId))].filter((id) => !this.conversationTail.has(id));
    // A conversation this import creates starts at seq 0 and nobody else can write to it yet.
    for (const id of untracked) if (this.ids.created.has(id)) this.conversationTail.set(id, { seq: 0, at: -Infinity });
    const unknown = untracked.filter((id) => !this.ids.created.has(id));
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
      const agentId = optional(this.ids.agent, r.agent);
      return [newId("msg"), this.workspaceId, m.externalId, m.conversationId, seq, r.from, agentId, r.text, new Date(m.at).toISOString()];
    });
    await this.writeConversations();
    await this.send(() => upsertRows(this.db, SPECS.message, rows), (outcome) => this.count("message", outcome));
  }

  private async addOrder(r: OrderRecord): Promise<void> {
    const orderId = required(this.ids.order, r.id);
    const ws = this.workspaceId;
    this.buffer("order", r.id, [orderId, ws, r.id, required(this.ids.shop, r.shop), required(this.ids.customer, r.customer), r.status, instant(r.createdAt), r.paidAt === null ? null : instant(r.paidAt), r.totalCents, r.shippingFeeCents ?? null]);
    r.items.forEach((item, i) => {
      const itemId = `oi_${orderId}_${i}`; // one row per position: a re-import rewrites the same rows
      this.buffer("item", itemId, [itemId, ws, orderId, i, optional(this.ids.product, item.product), optional(this.ids.sku, item.sku), item.qty, item.priceCents]);
    });
    if ((this.rows.get("order")?.size ?? 0) >= this.batch || (this.rows.get("item")?.size ?? 0) >= this.batch) await this.flushOrders();
  }

  /** Orders, then their items; items past an order's new length are removed. */
  private async flushOrders(): Promise<void> {
    const orderIds = [...(this.rows.get("order")?.values() ?? [])].map((row) => row[0] as string);
    const kept = [...(this.rows.get("item")?.keys() ?? [])];
    await this.upsert("order", "order");
    await this.upsert("item", null);
    for (const part of chunks(orderIds, this.batch)) {
      await this.send(() => this.db.execute(sql`delete from order_items where ${anyOf("order_id", part)} and id <> all(${sql.param(kept)}::text[])`));
    }
  }

  /** Writes what is still buffered and moves each touched conversation's last_seq past its messages. */
  async finish(): Promise<void> {
    for (const table of ["shop", "agent", "customer"] as const) await this.upsert(table, table);
    await this.flushProducts();
    await this.flushMessages();
    await this.writeConversations();
    await this.flushOrders();
    await this.upsert("return", "return");
    await this.upsert("review", "review");
    await this.drain();
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
