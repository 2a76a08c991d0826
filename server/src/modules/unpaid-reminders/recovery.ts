// Recovery rate (SPEC §3, §9) = reminded orders paid afterwards / reminded orders. An
// order counts in the period (shop days) of its first reminder, and is recovered when it
// was paid after that reminder (at any time, also after the period). The same split by
// hand and automatic, and per agent over the orders they reminded by hand (each from
// their own first reminder on it).
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { parseLocalDate, zonedTime } from "../../platform/time/zone";
import { orders, unpaidReminders } from "../orders";
import { agents } from "../staff";

export interface Recovery {
  reminded: number;
  recovered: number;
  /** null when nothing was reminded. */
  rate: number | null;
  /** Total of the recovered orders, in fen. */
  recoveredCents: number;
}

export interface RecoveryReport {
  from: string;
  to: string;
  all: Recovery;
  byHand: Recovery;
  automatic: Recovery;
  agents: (Recovery & { agentId: string; name: string })[];
}

/** From `from` 00:00 to the end of `to`, shop time. */
export function periodOf(from: string, to: string, timeZone: string): { start: Date; end: Date } | null {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  if (!a || !b || to < from) return null;
  return { start: new Date(zonedTime(a, timeZone)), end: new Date(zonedTime({ ...b, day: b.day + 1 }, timeZone)) };
}

export interface ReminderFact {
  orderId: string;
  automatic: boolean;
  agentId: string | null;
  sentAt: Date;
  paidAt: Date | null;
  totalCents: number;
}

/** The figures from every reminder of the orders concerned (pure: tested on its own). */
export function recoveryOf(facts: ReminderFact[], start: Date, end: Date) {
  const inPeriod = (at: Date) => at >= start && at < end;
  const firsts = new Map<string, ReminderFact>();
  const keep = (key: string, f: ReminderFact) => {
    const seen = firsts.get(key);
    if (!seen || f.sentAt < seen.sentAt) firsts.set(key, f);
  };
  for (const f of facts) {
    keep(`all:${f.orderId}`, f);
    keep(`${f.automatic ? "auto" : "hand"}:${f.orderId}`, f);
    if (!f.automatic && f.agentId) keep(`agent:${f.agentId}:${f.orderId}`, f);
  }
  const tally = () => ({ reminded: 0, recovered: 0, rate: null as number | null, recoveredCents: 0 });
  const all = tally();
  const byHand = tally();
  const automatic = tally();
  const perAgent = new Map<string, Recovery>();
  for (const [key, f] of firsts) {
    if (!inPeriod(f.sentAt)) continue;
    const kind = key.split(":")[0];
    const target = kind === "all" ? all : kind === "hand" ? byHand : kind === "auto" ? automatic : (perAgent.get(f.agentId!) ?? perAgent.set(f.agentId!, tally()).get(f.agentId!)!);
    target.reminded += 1;
    if (f.paidAt && f.paidAt > f.sentAt) {
      target.recovered += 1;
      target.recoveredCents += f.totalCents;
    }
  }
  for (const r of [all, byHand, automatic, ...perAgent.values()]) r.rate = r.reminded ? r.recovered / r.reminded : null;
  return { all, byHand, automatic, perAgent };
}

export async function recoveryReport(db: Db, workspaceId: string, shop: { id: string; timezone: string }, from: string, to: string, onlyAgent: string | null): Promise<RecoveryReport | null> {
  const period = periodOf(from, to, shop.timezone);
  if (!period) return null;
  // Orders with a reminder in the period; all their reminders, to know which came first.
  const touched = db
    .selectDistinct({ id: unpaidReminders.orderId })
    .from(unpaidReminders)
    .where(and(eq(unpaidReminders.workspaceId, workspaceId), eq(unpaidReminders.shopId, shop.id), gte(unpaidReminders.sentAt, period.start), lt(unpaidReminders.sentAt, period.end)));
  const facts = await db
    .select({ orderId: unpaidReminders.orderId, automatic: unpaidReminders.automatic, agentId: unpaidReminders.agentId, sentAt: unpaidReminders.sentAt, paidAt: orders.paidAt, totalCents: orders.totalCents })
    .from(unpaidReminders)
    .innerJoin(orders, eq(orders.id, unpaidReminders.orderId))
    .where(and(eq(unpaidReminders.workspaceId, workspaceId), inArray(unpaidReminders.orderId, touched)));
  const { all, byHand, automatic, perAgent } = recoveryOf(facts, period.start, period.end);
  const ids = [...perAgent.keys()].filter((id) => onlyAgent === null || id === onlyAgent);
  const names = ids.length ? new Map((await db.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids))).map((a) => [a.id, a.name])) : new Map<string, string>();
  return {
    from,
    to,
    all,
    byHand,
    automatic,
    agents: ids
      .map((id) => ({ agentId: id, name: names.get(id) ?? id, ...perAgent.get(id)! }))
      .sort((a, b) => b.reminded - a.reminded || a.name.localeCompare(b.name)),
  };
}
