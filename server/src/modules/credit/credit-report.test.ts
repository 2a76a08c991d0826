// What the credit page shows from one engine run: months in the shop's zone, what the
// caps took, outcomes and the next level.
import { describe, expect, it } from "vitest";
import { computeCredit } from "./engine";
import { creditReport, pointsBeforeCut } from "./credit-report";
import { AS_OF, bad, good, ms, plusDays, trade } from "./test-trades";
import { DEFAULT_CREDIT_SETTINGS, type CreditTrade } from "./types";

function report(trades: CreditTrade[], settings = DEFAULT_CREDIT_SETTINGS) {
  const result = computeCredit({ asOf: ms(AS_OF), settings, trades });
  return { result, report: creditReport(trades, result, settings) };
}

describe("credit report", () => {
  it("sums final points by the month of creation in the shop's zone, with the score at each month's end", () => {
    const trades = [good("m1", "2026-03-31T23:30:00+08:00"), good("a1", "2026-04-01T00:30:00+08:00", { item: "i2" }), bad("a2", "2026-04-02T10:00:00+08:00", { buyer: "b2" })];
    const { report: r, result } = report(trades);
    expect(r.byMonth.map((m) => [m.month, m.points, m.good, m.bad, m.score])).toEqual([
      ["2026-03", 1, 1, 0, 1],
      ["2026-04", 0, 1, 1, 1],
    ]);
    expect(r.byMonth.at(-1)!.score).toBe(result.score);
    // In UTC the 00:30 trade is still March.
    const utc = report(trades, { ...DEFAULT_CREDIT_SETTINGS, timezone: "UTC" }).report;
    expect(utc.byMonth.map((m) => [m.month, m.points])).toEqual([
      ["2026-03", 2],
      ["2026-04", -1],
    ]);
  });

  it("counts the goods the monthly cap took and the bads it spared, per month", () => {
    const goods = Array.from({ length: 8 }, (_, i) => good(`g${i}`, plusDays("2026-03-02T10:00:00+08:00", i), { item: `i${i}` }));
    const bads = Array.from({ length: 7 }, (_, i) => bad(`b${i}`, plusDays("2026-03-02T10:00:00+08:00", i), { item: `j${i}` }));
    const { report: r } = report([...goods, ...bads]);
    expect(r.caps.monthlyCap).toEqual({ goodLost: 2, badSpared: 1, trades: 3 });
    expect(r.byMonth[0]).toMatchObject({ month: "2026-03", cappedGood: 2, cappedBad: 1, points: 0 });
    expect(r.outcomes.capped).toBe(3);
  });

  it("counts what the same-item window folded into an earlier trade, default goods included", () => {
    const trades = [good("t1", "2026-03-02T10:00:00+08:00"), good("t2", "2026-03-05T10:00:00+08:00"), trade("t3", "2026-03-06T10:00:00+08:00", { sellerRated: "2026-03-07T10:00:00+08:00" })];
    const { report: r } = report(trades);
    expect(r.caps.sameItem).toEqual({ goodLost: 2, badSpared: 0, trades: 2 });
    expect(r.byMonth[0]).toMatchObject({ sameItemGood: 2, points: 1 });
    expect(pointsBeforeCut(trades[2]!)).toBe(1);
  });

  it("leaves trades that do not count out of the months and counts every outcome", () => {
    const { report: r } = report([trade("x", "2026-03-02T10:00:00+08:00", { status: "closed" }), trade("n", "2026-03-02T10:00:00+08:00")]);
    expect(r.byMonth.map((m) => [m.month, m.points])).toEqual([["2026-03", 0]]);
    expect(r.outcomes).toMatchObject({ "not-counted": 1, "no-rating": 1, rated: 0 });
  });

  it("says how many points the next level needs, and nothing past crown 5", () => {
    const four = Array.from({ length: 4 }, (_, i) => good(`t${i}`, "2026-03-02T10:00:00+08:00", { buyer: `b${i}` }));
    expect(report(four).report.next).toEqual({ level: { index: 2, tier: "heart", rank: 2 }, minScore: 11, pointsToGo: 7 });
    expect(report([]).report.next).toEqual({ level: { index: 1, tier: "heart", rank: 1 }, minScore: 4, pointsToGo: 4 });
  });
});
