// The figures of one shop and period from the database (`qindesk report`, GET
// /api/v1/reports/figures): find the shop and agent by either id, load exactly the
// rows the definitions need (README "What the caller must load") and hand them to
// computeFigures, the one implementation of the rules.
import { sql } from "drizzle-orm";
import { refreshTimelines } from "./timelines";
import { queryRows, type Db } from "../../platform/db/database";
import { computeFigures } from "./figures";
import { checkExtraDays, reportPeriod, type Period } from "./period";
import type { Figures, FiguresConversation, FiguresData, FiguresMessage, FiguresOrder } from "./types";

/** A bad --shop/--agent/--from/--to: one line, and the field it is about. */
export class ReportInputError extends Error {
  override name = "ReportInputError";
  constructor(
    readonly field: "shop" | "agent" | "from" | "to" | "workspace",
    message: string,
  ) {
    super(message);
  }
}

export interface ReportShop {
  id: string;
  workspaceId: string;
  externalId: string | null;
  name: string;
  timezone: string;
  attributionExtraDays: number;
}

export interface ReportAgent {
  id: string;
  externalId: string | null;
  name: string;
}

export interface ShopReport {
  shop: ReportShop;
  agent: ReportAgent | null;
  from: string;
  to: string;
  figures: Figures;
}

const DAY_MS = 86_400_000;

/** A shop by QinDesk id or interchange id; across workspaces unless one is given. */
export async function findReportShop(db: Db, idOrExternal: string, workspaceId?: string): Promise<ReportShop> {
  const inWorkspace = workspaceId === undefined ? sql`` : sql` and workspace_id = ${workspaceId}`;
  const rows = await queryRows<{ id: string; workspace_id: string; external_id: string | null; name: string; timezone: string; settings: Record<string, unknown> | null }>(
    db,
    sql`select id, workspace_id, external_id, name, timezone, settings from shops
        where (id = ${idOrExternal} or external_id = ${idOrExternal})${inWorkspace} order by (id = ${idOrExternal}) desc limit 2`,
  );
  const exact = rows.filter((row) => row.id === idOrExternal);
  const picked = exact.length > 0 ? exact : rows;
  if (picked.length === 0) throw new ReportInputError("shop", `unknown shop "${idOrExternal}"`);
  if (picked.length > 1) throw new ReportInputError("shop", `shop "${idOrExternal}" exists in several workspaces; say which with --workspace`);
  const row = picked[0]!;
  const extra = row.settings?.attributionExtraDays ?? 0;
  if (typeof extra !== "number" || !Number.isInteger(extra) || extra < 0) {
    throw new ReportInputError("shop", `shop "${idOrExternal}" has a bad attributionExtraDays setting (${JSON.stringify(extra)})`);
  }
  return { id: row.id, workspaceId: row.workspace_id, externalId: row.external_id, name: row.name, timezone: row.timezone, attributionExtraDays: extra };
}

/** An agent of the workspace by QinDesk id or interchange id. */
export async function findReportAgent(db: Db, workspaceId: string, idOrExternal: string): Promise<ReportAgent> {
  const rows = await queryRows<{ id: string; external_id: string | null; name: string }>(
    db,
    sql`select id, external_id, name from agents where workspace_id = ${workspaceId}
        and (id = ${idOrExternal} or external_id = ${idOrExternal}) order by (id = ${idOrExternal}) desc limit 1`,
  );
  const row = rows[0];
  if (!row) throw new ReportInputError("agent", `unknown agent "${idOrExternal}"`);
  return { id: row.id, externalId: row.external_id, name: row.name };
}

/**
 * The rows the figures of `period` need: every pre-sales conversation of the shop of
 * every buyer who wrote in a pre-sales conversation in the period, all their
 * messages (replies after the period count), and those buyers' orders created or
 * paid before the last window can close.
 */
export async function loadFiguresData(db: Db, shop: ReportShop, period: Period): Promise<FiguresData> {
  const start = new Date(period.start).toISOString();
  const end = new Date(period.end).toISOString();
  // The rollup (one row per conversation, its messages packed in arrival order: "u<ms>",
  // "b<ms>", "a<agent id> <ms>", comma-separated) is brought up to date first, then read
  // instead of the messages: 100k rows rather than a million (bench/report.ts). A message
  // stored after the refresh is left to the next report, as if this one ran a moment
  // earlier. Agent ids
  // are QinDesk ids (newId: letters, digits, "_"), so the separators are safe.
  await refreshTimelines(db, shop.id);
  const conversationRows = await queryRows<{ id: string; customer_id: string; started: number; packed: string | null }>(
    db,
    // Buyers with an inquiry in the period are those whose first and last buyer messages
    // bracket part of it; one whose conversation merely spans the period brings no inquiry
    // in it, and computeFigures counts only the real ones.
    sql`select c.id, c.customer_id, (extract(epoch from c.started_at) * 1000)::float8 as started, t.packed
        from conversations c join conversation_timelines t on t.conversation_id = c.id
        where c.shop_id = ${shop.id} and c.team = 'presales' and t.packed is not null and c.customer_id in (
          select i.customer_id from conversation_timelines b join conversations i on i.id = b.conversation_id
          where b.workspace_id = ${shop.workspaceId} and b.last_buyer_at >= ${start}::timestamptz and b.first_buyer_at < ${end}::timestamptz
            and i.shop_id = ${shop.id} and i.team = 'presales')`,
  );
  // In id order (code units, the same on both engines whatever their collation), sorted
  // here: sorting 100k packed rows in the database spilled to disk (bench/report.ts).
  conversationRows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const conversations: FiguresConversation[] = [];
  // In conversation order, then arrival: computeFigures then needs no sort, and the
  // load order gives the cross-conversation tie-break `seq` the definitions want.
  const messages: FiguresMessage[] = [];
  let seq = 0;
  for (const row of conversationRows) {
    conversations.push({ id: row.id, customer: row.customer_id, team: "presales", startedAt: row.started });
    if (!row.packed) continue;
    for (const item of row.packed.split(",")) {
      const kind = item.charCodeAt(0);
      if (kind === 97 /* a */) {
        const space = item.indexOf(" ");
        const agent = item.slice(1, space);
        messages.push({ conversation: row.id, from: "agent", at: Number(item.slice(space + 1)), seq: ++seq, ...(agent ? { agent } : {}) });
      } else {
        messages.push({ conversation: row.id, from: kind === 117 /* u */ ? "buyer" : "bot", at: Number(item.slice(1)), seq: ++seq });
      }
    }
  }
  if (conversations.length === 0) return { timezone: shop.timezone, attributionExtraDays: shop.attributionExtraDays, conversations, messages, orders: [] };

  const customers = [...new Set(conversations.map((c) => c.customer))];
  const bound = new Date(period.end + (3 + shop.attributionExtraDays) * DAY_MS).toISOString();
  const orderRows = await queryRows<{ id: string; customer_id: string; created: number; paid: number | null; total_cents: number }>(
    db,
    sql`select id, customer_id, (extract(epoch from created_at) * 1000)::float8 as created,
          (extract(epoch from paid_at) * 1000)::float8 as paid, total_cents
        from orders where shop_id = ${shop.id} and customer_id = any(${sql.param(customers)}::text[])
          and ((created_at >= ${start}::timestamptz and created_at < ${bound}::timestamptz)
            or (paid_at >= ${start}::timestamptz and paid_at < ${bound}::timestamptz))
        order by created_at, id`,
  );
  const orders: FiguresOrder[] = orderRows.map((row) => ({ id: row.id, customer: row.customer_id, createdAt: row.created, paidAt: row.paid, totalCents: row.total_cents }));
  return { timezone: shop.timezone, attributionExtraDays: shop.attributionExtraDays, conversations, messages, orders };
}

export interface ReportRequest {
  shop: string;
  from: string;
  to: string;
  agent?: string;
  /** Limits the shop lookup (the API passes the caller's workspace). */
  workspaceId?: string;
}

/** The shop and its period in shop time, or a ReportInputError naming the field. */
export async function reportShopAndPeriod(db: Db, request: ReportRequest): Promise<{ shop: ReportShop; period: Period }> {
  const shop = await findReportShop(db, request.shop, request.workspaceId);
  try {
    const period = reportPeriod(request.from, request.to, shop.timezone);
    checkExtraDays(shop.attributionExtraDays);
    return { shop, period };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ReportInputError(message.startsWith("--to") ? "to" : "from", message);
  }
}

/** The figures of a shop (and agent) over a period, ids in either form. */
export async function shopReport(db: Db, request: ReportRequest): Promise<ShopReport> {
  const { shop, period } = await reportShopAndPeriod(db, request);
  const agent = request.agent === undefined ? null : await findReportAgent(db, shop.workspaceId, request.agent);
  const data = await loadFiguresData(db, shop, period);
  const figures = computeFigures(data, { from: request.from, to: request.to, ...(agent ? { agent: agent.id } : {}) });
  return { shop, agent, from: request.from, to: request.to, figures };
}
