// `qindesk export`: a workspace as an interchange file, streamed page by page so a
// workspace of millions of messages never sits in memory. Records come type by type
// (shops, agents, customers, products, conversations, messages, orders, returns,
// reviews), each type ordered by its interchange id; rows made in the app (no
// external id) follow, under their QinDesk id. Times are written in the shop's zone.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { MessageIdDeriver } from "./message-ids";
import type { ConversationRecord, InterchangeRecord, MessageRecord, OrderRecord, ProductRecord, ReturnRecord, ReviewRecord, Team } from "./records";
import { formatInterchangeTime } from "./times";

const PAGE = 2_000;

type Row = Record<string, unknown> & { id: string; external_id: string | null };

/**
 * Rows of `from` (aliased x) in two keyset-paged runs: those with an external id in
 * its order (the (workspace_id, external_id) index), then the others by id.
 */
async function* pages<T extends Row>(db: Db, workspaceId: string, select: SQL, from: SQL): AsyncGenerator<T[]> {
  for (const phase of ["external", "own"] as const) {
    let after = "";
    for (;;) {
      const where =
        phase === "external"
          ? sql`x.external_id is not null and x.external_id > ${after} order by x.external_id`
          : sql`x.external_id is null and x.id > ${after} order by x.id`;
      const rows = await queryRows<T>(db, sql`select ${select} from ${from} where x.workspace_id = ${workspaceId} and ${where} limit ${PAGE}`);
      if (rows.length === 0) break;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = phase === "external" ? last.external_id! : last.id;
      if (rows.length < PAGE) break;
    }
  }
}

const key = (row: { id: string; external_id: string | null }) => row.external_id ?? row.id;
const text = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));
const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

function groupBy<T extends Record<string, unknown>>(rows: T[], column: keyof T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = row[column] as string;
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(row);
  }
  return groups;
}

async function* productRecords(db: Db, ws: string): AsyncGenerator<ProductRecord> {
  type P = Row & { shop: string; title: string; category: string; price_cents: number; floor_price_cents: number | null; attributes: Record<string, unknown> };
  for await (const page of pages<P>(db, ws, sql`x.id, x.external_id, coalesce(s.external_id, s.id) as shop, x.title, x.category, x.price_cents, x.floor_price_cents, x.attributes`, sql`products x join shops s on s.id = x.shop_id`)) {
    const skuRows = await queryRows<{ product_id: string; id: string; external_id: string | null; color: string | null; size: string | null; stock: number }>(
      db,
      sql`select product_id, id, external_id, color, size, stock from skus where product_id = any(${sql.param(page.map((p) => p.id))}::text[]) order by product_id, position, id`,
    );
    const skus = groupBy(skuRows, "product_id");
    for (const p of page) {
      yield {
        type: "product",
        id: key(p),
        shop: p.shop,
        title: p.title,
        category: p.category,
        priceCents: p.price_cents,
        ...(p.floor_price_cents !== null && { floorPriceCents: p.floor_price_cents }),
        ...(Object.keys(p.attributes ?? {}).length > 0 && { attributes: p.attributes }),
        skus: (skus.get(p.id) ?? []).map((s) => ({ id: key(s), color: text(s.color), size: text(s.size), stock: s.stock })),
      };
    }
  }
}

type ConversationRow = Row & { shop: string; customer: string; team: Team; started: number; timezone: string };
const conversationSelect = sql`x.id, x.external_id, coalesce(s.external_id, s.id) as shop, coalesce(c.external_id, c.id) as customer, x.team, ${ms("x.started_at")} as started, s.timezone`;
const conversationFrom = sql`conversations x join shops s on s.id = x.shop_id join customers c on c.id = x.customer_id`;

async function* conversationRecords(db: Db, ws: string): AsyncGenerator<ConversationRecord> {
  for await (const page of pages<ConversationRow>(db, ws, conversationSelect, conversationFrom)) {
    for (const c of page) {
      yield { type: "conversation", id: key(c), shop: c.shop, customer: c.customer, team: c.team, startedAt: formatInterchangeTime(c.started, c.timezone) };
    }
  }
}

/** Messages per conversation, in the conversations' order, each conversation's in arrival order. */
async function* messageRecords(db: Db, ws: string): AsyncGenerator<MessageRecord> {
  type M = { conversation_id: string; id: string; external_id: string | null; sender: "buyer" | "agent" | "bot"; agent: string | null; text: string; at: number };
  for await (const page of pages<ConversationRow>(db, ws, conversationSelect, conversationFrom)) {
    const rows = await queryRows<M>(
      db,
      sql`select m.conversation_id, m.id, m.external_id, m.sender, coalesce(a.external_id, a.id) as agent, m.text, ${ms("m.created_at")} as at
          from messages m left join agents a on a.id = m.agent_id
          where m.conversation_id = any(${sql.param(page.map((c) => c.id))}::text[]) and m.sender in ('buyer', 'agent', 'bot')
          order by m.conversation_id, m.seq`,
    );
    const byConversation = groupBy(rows, "conversation_id");
    const derive = new MessageIdDeriver();
    for (const c of page) {
      const conversation = key(c);
      for (const m of byConversation.get(c.id) ?? []) {
        const agent = m.agent !== null && m.sender !== "buyer" ? m.agent : undefined;
        // An id the importer derived (no id in the source) is left out again: importing
        // the export derives the same one.
        const id = key(m) === derive.next(conversation, m.sender, agent, m.at, m.text) ? undefined : key(m);
        yield {
          type: "message",
          conversation,
          from: m.sender,
          ...(agent !== undefined && { agent }),
          at: formatInterchangeTime(m.at, c.timezone),
          text: m.text,
          ...(id !== undefined && { id }),
        };
      }
    }
  }
}

async function* orderRecords(db: Db, ws: string): AsyncGenerator<OrderRecord> {
  type O = Row & { shop: string; customer: string; status: OrderRecord["status"]; created: number; paid: number | null; total_cents: number; shipping_fee_cents: number | null; timezone: string };
  const select = sql`x.id, x.external_id, coalesce(s.external_id, s.id) as shop, coalesce(c.external_id, c.id) as customer, x.status,
    ${ms("x.created_at")} as created, ${ms("x.paid_at")} as paid, x.total_cents, x.shipping_fee_cents, s.timezone`;
  for await (const page of pages<O>(db, ws, select, sql`orders x join shops s on s.id = x.shop_id join customers c on c.id = x.customer_id`)) {
    const itemRows = await queryRows<{ order_id: string; product: string | null; sku: string | null; qty: number; price_cents: number }>(
      db,
      sql`select i.order_id, coalesce(p.external_id, p.id) as product, coalesce(k.external_id, k.id) as sku, i.qty, i.price_cents
          from order_items i left join products p on p.id = i.product_id left join skus k on k.id = i.sku_id
          where i.order_id = any(${sql.param(page.map((o) => o.id))}::text[]) order by i.order_id, i.position`,
    );
    const items = groupBy(itemRows, "order_id");
    for (const o of page) {
      yield {
        type: "order",
        id: key(o),
        shop: o.shop,
        customer: o.customer,
        createdAt: formatInterchangeTime(o.created, o.timezone),
        paidAt: o.paid === null ? null : formatInterchangeTime(o.paid, o.timezone),
        status: o.status,
        items: (items.get(o.id) ?? []).map((i) => ({ product: text(i.product), sku: text(i.sku), qty: i.qty, priceCents: i.price_cents })),
        totalCents: o.total_cents,
        ...(o.shipping_fee_cents !== null && { shippingFeeCents: o.shipping_fee_cents }),
      };
    }
  }
}

async function* returnRecords(db: Db, ws: string): AsyncGenerator<ReturnRecord> {
  type R = Row & { order: string; kind: ReturnRecord["kind"]; items: { skuId: string | null; qty: number }[]; reason: string | null; created: number; timezone: string };
  const select = sql`x.id, x.external_id, coalesce(o.external_id, o.id) as "order", x.kind, x.items, x.reason, ${ms("x.created_at")} as created, s.timezone`;
  for await (const page of pages<R>(db, ws, select, sql`returns x join orders o on o.id = x.order_id join shops s on s.id = o.shop_id`)) {
    const skuIds = [...new Set(page.flatMap((r) => r.items.map((i) => i.skuId).filter((id): id is string => id !== null)))];
    const skuRows = skuIds.length === 0 ? [] : await queryRows<{ id: string; external_id: string | null }>(db, sql`select id, external_id from skus where id = any(${sql.param(skuIds)}::text[])`);
    const skuKeys = new Map(skuRows.map((s) => [s.id, key(s)]));
    for (const r of page) {
      yield {
        type: "return",
        id: key(r),
        order: r.order,
        createdAt: formatInterchangeTime(r.created, r.timezone),
        kind: r.kind,
        items: r.items.map((i) => ({ sku: i.skuId === null ? undefined : (skuKeys.get(i.skuId) ?? i.skuId), qty: i.qty })),
        reason: text(r.reason),
      };
    }
  }
}

async function* reviewRecords(db: Db, ws: string): AsyncGenerator<ReviewRecord> {
  type V = Row & { order: string; item: string | null; rating: ReviewRecord["rating"]; text: string | null; at: number; timezone: string };
  const select = sql`x.id, x.external_id, coalesce(o.external_id, o.id) as "order", x.item, x.rating, x.text, ${ms("x.at")} as at, s.timezone`;
  for await (const page of pages<V>(db, ws, select, sql`reviews x join orders o on o.id = x.order_id join shops s on s.id = o.shop_id`)) {
    for (const v of page) {
      yield { type: "review", id: key(v), order: v.order, item: text(v.item), rating: v.rating, at: formatInterchangeTime(v.at, v.timezone), text: text(v.text) };
    }
  }
}

/** Every record of the workspace, in the order described above. */
export async function* exportInterchange(db: Db, workspaceId: string): AsyncGenerator<InterchangeRecord> {
  type S = Row & { name: string; platform: string; timezone: string };
  for await (const page of pages<S>(db, workspaceId, sql`x.id, x.external_id, x.name, x.platform, x.timezone`, sql`shops x`)) {
    for (const s of page) yield { type: "shop", id: key(s), name: s.name, timezone: s.timezone, platform: s.platform };
  }
  type A = Row & { name: string; team: Team; email: string | null };
  for await (const page of pages<A>(db, workspaceId, sql`x.id, x.external_id, x.name, x.team, x.email`, sql`agents x`)) {
    for (const a of page) yield { type: "agent", id: key(a), name: a.name, team: a.team, email: text(a.email) };
  }
  type C = Row & { nick: string; name: string | null; phone: string | null; birthday: string | null };
  for await (const page of pages<C>(db, workspaceId, sql`x.id, x.external_id, x.nick, x.name, x.phone, x.birthday`, sql`customers x`)) {
    for (const c of page) yield { type: "customer", id: key(c), nick: c.nick, name: text(c.name), phone: text(c.phone), birthday: text(c.birthday) };
  }
  yield* productRecords(db, workspaceId);
  yield* conversationRecords(db, workspaceId);
  yield* messageRecords(db, workspaceId);
  yield* orderRecords(db, workspaceId);
  yield* returnRecords(db, workspaceId);
  yield* reviewRecords(db, workspaceId);
}
