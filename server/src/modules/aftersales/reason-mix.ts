// The after-sales reason mix (SPEC §4, seed 002: the reasons are recorded honestly and
// their mix reported) over the cases opened in a period, in the shop's calendar days:
// by reason, by kind, by product and SKU of the order, by the agent who opened the case;
// and the return rate: cases that take money back / paid orders of the period.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";

export interface ReasonMix {
  cases: number;
  byReason: { reason: string; cases: number }[];
  byKind: { kind: string; cases: number }[];
  byProduct: { productId: string | null; title: string | null; color: string | null; size: string | null; cases: number }[];
  byAgent: { agentId: string | null; name: string | null; cases: number }[];
  paidOrders: number;
  /** Return and refund cases per paid order of the period (null without paid orders). */
  returnRate: number | null;
}

export async function reasonMix(db: Db, workspaceId: string, shopId: string, period: { start: number; end: number }): Promise<ReasonMix> {
  const start = new Date(period.start).toISOString();
  const end = new Date(period.end).toISOString();
  const inPeriod = sql`c.workspace_id = ${workspaceId} and c.shop_id = ${shopId} and c.opened_at >= ${start}::timestamptz and c.opened_at < ${end}::timestamptz`;
  const [byReason, byKind, byProduct, byAgent, [paid]] = await Promise.all([
    queryRows<{ reason: string; cases: number }>(db, sql`select c.reason, count(*)::int as cases from aftersales_cases c where ${inPeriod} group by c.reason order by count(*) desc, c.reason`),
    queryRows<{ kind: string; cases: number }>(db, sql`select c.kind, count(*)::int as cases from aftersales_cases c where ${inPeriod} group by c.kind order by count(*) desc, c.kind`),
    // A case about an order counts once for each different item of that order.
    queryRows<{ product_id: string | null; title: string | null; color: string | null; size: string | null; cases: number }>(
      db,
      sql`select oi.product_id, p.title, s.color, s.size, count(distinct c.id)::int as cases
          from aftersales_cases c join order_items oi on oi.order_id = c.order_id
          left join products p on p.id = oi.product_id left join skus s on s.id = oi.sku_id
          where ${inPeriod} group by oi.product_id, p.title, s.color, s.size order by count(distinct c.id) desc, p.title nulls last limit 50`,
    ),
    queryRows<{ agent_id: string | null; name: string | null; cases: number }>(
      db,
      sql`select c.opened_by as agent_id, a.name, count(*)::int as cases from aftersales_cases c left join agents a on a.id = c.opened_by
          where ${inPeriod} group by c.opened_by, a.name order by count(*) desc, a.name nulls last`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from orders where workspace_id = ${workspaceId} and shop_id = ${shopId} and paid_at >= ${start}::timestamptz and paid_at < ${end}::timestamptz`,
    ),
  ]);
  const cases = byReason.reduce((sum, row) => sum + row.cases, 0);
  const moneyBack = byKind.filter((row) => ["return", "refund_only", "quality_complaint"].includes(row.kind)).reduce((sum, row) => sum + row.cases, 0);
  const paidOrders = paid?.n ?? 0;
  return {
    cases,
    byReason,
    byKind,
    byProduct: byProduct.map((r) => ({ productId: r.product_id, title: r.title, color: r.color, size: r.size, cases: r.cases })),
    byAgent: byAgent.map((r) => ({ agentId: r.agent_id, name: r.name, cases: r.cases })),
    paidOrders,
    returnRate: paidOrders === 0 ? null : Math.round((moneyBack / paidOrders) * 10_000) / 10_000,
  };
}
