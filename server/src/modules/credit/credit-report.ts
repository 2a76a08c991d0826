// What the credit page shows besides the score, from one engine run, pure: points by
// month, what the caps took, counts per outcome and the next level.
//
// Months are those of the trades' creation in the shop's zone: the natural month of
// rule 6, so a month's "lost to the cap" and its points sit side by side. Each month's
// total is of final points as of asOf; `score` is the running total to the month's end.
import { monthKey } from "../../platform/time/zone";
import { CREDIT_LEVELS, creditLevel } from "./levels";
import type { CreditLevel, CreditOutcome, CreditResult, CreditSettings, CreditTrade } from "./types";

export interface MonthCredit {
  month: string;
  /** final points of trades created this month */
  points: number;
  good: number;
  bad: number;
  /** positive points the monthly cap took (and negative ones it spared) */
  cappedGood: number;
  cappedBad: number;
  /** points the same-item window folded into an earlier trade */
  sameItemGood: number;
  sameItemBad: number;
  /** score at the end of the month */
  score: number;
}

export interface CapEffect {
  /** +1s that did not count */
  goodLost: number;
  /** −1s that did not count */
  badSpared: number;
  trades: number;
}

export interface CreditReport {
  byMonth: MonthCredit[];
  caps: { monthlyCap: CapEffect; sameItem: CapEffect };
  outcomes: Record<CreditOutcome, number>;
  next: { level: CreditLevel; minScore: number; pointsToGo: number } | null;
}

/** The points a cut trade would have had: its rating, or +1 for a default good. */
export function pointsBeforeCut(trade: CreditTrade): number {
  return trade.buyerRating === "bad" ? -1 : 1;
}

const OUTCOMES: CreditOutcome[] = ["rated", "default-good", "same-item", "capped", "rating-refused", "no-rating", "not-counted"];

export function creditReport(trades: readonly CreditTrade[], result: CreditResult, settings: CreditSettings): CreditReport {
  const months = new Map<string, MonthCredit>();
  const caps = { monthlyCap: { goodLost: 0, badSpared: 0, trades: 0 }, sameItem: { goodLost: 0, badSpared: 0, trades: 0 } };
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<CreditOutcome, number>;
  for (let i = 0; i < trades.length; i++) {
    const trade = trades[i]!;
    const { points, outcome } = result.trades[i]!;
    outcomes[outcome]++;
    if (outcome === "not-counted") continue;
    const key = monthKey(trade.createdAt, settings.timezone);
    let month = months.get(key);
    if (!month) {
      month = { month: key, points: 0, good: 0, bad: 0, cappedGood: 0, cappedBad: 0, sameItemGood: 0, sameItemBad: 0, score: 0 };
      months.set(key, month);
    }
    month.points += points;
    if (points > 0) month.good += points;
    if (points < 0) month.bad -= points;
    if (outcome === "capped" || outcome === "same-item") {
      const before = pointsBeforeCut(trade);
      const effect = outcome === "capped" ? caps.monthlyCap : caps.sameItem;
      effect.trades++;
      if (before > 0) effect.goodLost++;
      else effect.badSpared++;
      if (outcome === "capped") {
        if (before > 0) month.cappedGood++;
        else month.cappedBad++;
      } else if (before > 0) month.sameItemGood++;
      else month.sameItemBad++;
    }
  }
  const byMonth = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  let running = 0;
  for (const month of byMonth) {
    running += month.points;
    month.score = running;
  }
  const level = creditLevel(result.score);
  const nextRow = CREDIT_LEVELS[level.index + 1];
  const next = nextRow ? { level: { index: nextRow.index, tier: nextRow.tier, rank: nextRow.rank }, minScore: nextRow.minScore, pointsToGo: nextRow.minScore - result.score } : null;
  return { byMonth, caps, outcomes, next };
}
