// The figures dashboard: the CONTRACTS §4 figures of a shop (or of one agent) over a
// period, the 3-minute response rate, each agent's row for the ranking, a trend by
// day, week or month, and why buyers did not buy. Loaded once for the whole period
// and computed by the same code as `qindesk report`, so every bucket's numbers are
// exactly what the CLI prints for that bucket's dates.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { splitPeriod, type Bucket } from "./buckets";
import { computeAgentFigures, computeBreakdown, type FiguresBreakdown, type ServiceFigures } from "./figures";
import { findReportAgent, loadFiguresData, ReportInputError, reportShopAndPeriod, type ReportRequest } from "./report.service";
import type { Figures } from "./types";
import { reasonMix, type ReasonMix } from "../aftersales/reason-mix";
import { recoveryReport, type Recovery } from "../unpaid-reminders";

export interface DashboardRequest extends ReportRequest {
  bucket: Bucket;
  workspaceId: string;
}

export type DashboardFigures = Figures & ServiceFigures;

export interface Dashboard {
  shop: { id: string; name: string; timezone: string };
  from: string;
  to: string;
  bucket: Bucket;
  /** The shop's figures, or the agent's when the request names one. */
  figures: DashboardFigures;
  /** One row per agent who answered an inquiring buyer (only the named agent when one is named). */
  agents: Array<{ agentId: string; name: string; figures: DashboardFigures }>;
  trend: Array<{ from: string; to: string; figures: DashboardFigures }>;
  /** Closed pre-sales conversations that did not convert, by the reason recorded on closing. */
  lostReasons: Array<{ reason: string | null; conversations: number }>;
  /** After-sales cases opened in the period: reason mix and return rate (shop view only). */
  aftersales: ReasonMix | null;
  /** 催付 recovery over the period (unpaid-reminders/recovery.ts); for one agent, over the orders they reminded by hand. */
  unpaidReminderRecovery?: Recovery;
}

function pick(breakdown: FiguresBreakdown, agentId: string | null, zero: DashboardFigures): DashboardFigures {
  if (agentId === null) return { ...breakdown.shop, ...breakdown.shopService };
  const row = breakdown.agents.get(agentId);
  return row ? { ...row.figures, ...row.service } : zero;
}

export async function shopDashboard(db: Db, request: DashboardRequest): Promise<Dashboard> {
  const { shop, period } = await reportShopAndPeriod(db, request);
  let ranges;
  try {
    ranges = splitPeriod(request, request.bucket);
  } catch (err) {
    throw new ReportInputError("to", err instanceof Error ? err.message : String(err));
  }
  const agent = request.agent === undefined ? null : await findReportAgent(db, shop.workspaceId, request.agent);
  const data = await loadFiguresData(db, shop, period);
  const whole = computeBreakdown(data, request, true);
  // An agent with no activity: the figures computeAgentFigures gives, all zeros and nulls.
  const zero: DashboardFigures = {
    ...computeAgentFigures({ ...data, conversations: [], messages: [], orders: [] }, { from: request.from, to: request.to, agent: "" }),
    responseWithin3MinRate: null,
  };
  const agentId = agent?.id ?? null;

  const names = new Map(
    (await queryRows<{ id: string; name: string }>(db, sql`select id, name from agents where workspace_id = ${shop.workspaceId}`)).map((row) => [row.id, row.name]),
  );
  const agentRows = [...whole.agents]
    .filter(([id]) => agentId === null || id === agentId)
    .map(([id, row]) => ({ agentId: id, name: names.get(id) ?? id, figures: { ...row.figures, ...row.service } }));

  const trend = ranges.map((range) => ({ ...range, figures: pick(computeBreakdown(data, range, agentId !== null), agentId, zero) }));

  const assignee = agentId === null ? sql`` : sql` and assignee_id = ${agentId}`;
  const lostReasons = await queryRows<{ reason: string | null; conversations: number }>(
    db,
    sql`select lost_reason as reason, count(*)::int as conversations from conversations
        where shop_id = ${shop.id} and team = 'presales' and outcome = 'not_converted'
          and closed_at >= ${new Date(period.start).toISOString()}::timestamptz and closed_at < ${new Date(period.end).toISOString()}::timestamptz${assignee}
        group by lost_reason order by count(*) desc, lost_reason nulls last`,
  );

  return {
    shop: { id: shop.id, name: shop.name, timezone: shop.timezone },
    from: request.from,
    to: request.to,
    bucket: request.bucket,
    figures: pick(whole, agentId, zero),
    agents: agentRows,
    trend,
    lostReasons,
    aftersales: agentId === null ? await reasonMix(db, shop.workspaceId, shop.id, period) : null,
    unpaidReminderRecovery: await reminderRecovery(db, shop, request.from, request.to, agentId),
  };
}

async function reminderRecovery(db: Db, shop: { id: string; workspaceId: string; timezone: string }, from: string, to: string, agentId: string | null): Promise<Recovery> {
  const report = await recoveryReport(db, shop.workspaceId, shop, from, to, agentId);
  const none = { reminded: 0, recovered: 0, rate: null, recoveredCents: 0 };
  if (!report) return none;
  if (agentId === null) return report.all;
  const row = report.agents.find((a) => a.agentId === agentId);
  return row ? { reminded: row.reminded, recovered: row.recovered, rate: row.rate, recoveredCents: row.recoveredCents } : none;
}
