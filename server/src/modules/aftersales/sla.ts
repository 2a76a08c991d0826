// When the buyer must hear back on a case (SPEC §4 SLA). The rule of seed 003: an
// after-sales request gets its answer the same day — by the end of the shop's day it was
// opened on. An agent's own promise (seed 004: "我 15:00 前回复您") replaces the rule's due
// time. A case is "due soon" in the last hour before it; closed cases have no due time.
import { startOfLocalDay } from "../../platform/time/zone";

export const DUE_SOON_MS = 60 * 60 * 1000;

export function sameDayDue(openedAt: number, timezone: string): number {
  return startOfLocalDay(openedAt, timezone, 1);
}

export type SlaState = "none" | "ok" | "due_soon" | "overdue";

export function slaState(dueAt: number | null, now: number, closed: boolean): SlaState {
  if (dueAt === null || closed) return "none";
  if (now >= dueAt) return "overdue";
  return dueAt - now <= DUE_SOON_MS ? "due_soon" : "ok";
}
