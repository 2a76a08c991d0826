// Properties over many generated shops: input order never matters, and the engine
// agrees with a slow, literal reading of CONTRACTS §5 written separately below.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthKey } from "../../platform/time/zone";
import { computeCredit } from "./engine";
import { DAY, ms } from "./test-trades";
import type { BuyerRating, CreditInput, CreditSettings, CreditTrade } from "./types";

const BASE = ms("2026-02-20T00:00:00+08:00"); // trades run across three month boundaries
const AS_OF = ms("2026-05-01T00:00:00+08:00");
const HOUR = 3_600_000;

const tradeSketch = fc.record({
  buyer: fc.constantFrom("b1", "b2", "b3"),
  item: fc.constantFrom("i1", "i2"),
  // whole days and a few hours, so that equal createdAt and exact 14-day gaps happen often
  createdAt: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 0, 0, 16, 23)).map(([d, h]) => BASE + d * DAY + h * HOUR),
  status: fc.constantFrom("success", "success", "success", "closed"),
  escrowOff: fc.integer({ min: 0, max: 9 }), // 0: not paid through escrow (one trade in ten)
  rating: fc.constantFrom<BuyerRating | null>(null, null, "good", "good", "good", "neutral", "bad", "bad"),
  ratedAfter: fc.constantFrom(-1, 0, 1, 10, 345 * DAY, 345 * DAY + 1, 60 * DAY),
  sellerAfter: fc.option(fc.constantFrom(0, 1, 5 * DAY, 20 * DAY, 30 * DAY), { nil: null }),
});

const shop = fc
  .record({
    sketches: fc.array(tradeSketch, { minLength: 5, maxLength: 40, size: "max" }),
    ids: fc.uniqueArray(fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), minLength: 1, maxLength: 4 }), { minLength: 40, maxLength: 40 }),
    settings: fc.record({
      monthlyPairCap: fc.integer({ min: 0, max: 3 }),
      sameItemWindowDays: fc.constantFrom(0, 3, 14),
      defaultGoodAfterDays: fc.constantFrom(0, 45),
      reviewWindowDays: fc.constantFrom(345, 20),
      timezone: fc.constantFrom("Asia/Shanghai", "UTC", "America/New_York"),
    }),
  })
  .map(({ sketches, ids, settings }): CreditInput => ({
    asOf: AS_OF,
    settings,
    trades: sketches.map(
      (s, k): CreditTrade => ({
        id: ids[k]!,
        buyer: s.buyer,
        item: s.item,
        createdAt: s.createdAt,
        status: s.status,
        escrow: s.escrowOff !== 0,
        buyerRating: s.rating,
        buyerRatedAt: s.rating === null ? null : s.createdAt + s.ratedAfter,
        sellerRatedAt: s.sellerAfter === null ? null : s.createdAt + s.sellerAfter,
      }),
    ),
  }));

const withShuffle = shop.chain((input) =>
  fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.trades], { minLength: input.trades.length, maxLength: input.trades.length })),
);

function pointsById(input: CreditInput): Record<string, number> {
  return Object.fromEntries(computeCredit(input).trades.map((t) => [t.id, t.points]));
}

/** CONTRACTS §5 rules 1-6 read literally, in the slowest obvious way. */
function referencePoints(input: CreditInput): Record<string, number> {
  const s = input.settings as CreditSettings;
  const counts = (t: CreditTrade) => t.status === "success" && t.escrow;
  const points = new Map<CreditTrade, number>();
  for (const t of input.trades) {
    let p = 0;
    if (counts(t) && t.buyerRating !== null) {
      const r = t.buyerRatedAt!;
      const valid = t.createdAt <= r && r <= t.createdAt + s.reviewWindowDays * DAY && r <= input.asOf;
      if (valid) p = t.buyerRating === "good" ? 1 : t.buyerRating === "bad" ? -1 : 0;
    } else if (counts(t) && t.sellerRatedAt !== null && t.sellerRatedAt + s.defaultGoodAfterDays * DAY <= input.asOf) {
      p = 1;
    }
    points.set(t, p);
  }
  const ordered = input.trades.filter(counts).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  // Rule 5
  for (const first of ordered) {
    const pair = ordered.filter((t) => t.buyer === first.buyer && t.item === first.item);
    if (pair[0] !== first) continue;
    let windowStart = Number.NaN;
    let window: CreditTrade[] = [];
    const close = () => {
      for (const sign of [1, -1]) window.filter((t) => points.get(t) === sign).slice(1).forEach((t) => points.set(t, 0));
    };
    for (const t of pair) {
      if (!(t.createdAt < windowStart + s.sameItemWindowDays * DAY)) {
        close();
        windowStart = t.createdAt;
        window = [];
      }
      window.push(t);
    }
    close();
  }
  // Rule 6
  const groups = new Map<string, CreditTrade[]>();
  for (const t of ordered) {
    const key = `${t.buyer}|${monthKey(t.createdAt, s.timezone)}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    let positive = 0;
    let negative = 0;
    for (const t of group) {
      const p = points.get(t)!;
      if (p > 0 && positive + p > s.monthlyPairCap) points.set(t, 0);
      else if (p > 0) positive += p;
      if (p < 0 && negative + p < -s.monthlyPairCap) points.set(t, 0);
      else if (p < 0) negative += p;
    }
  }
  return Object.fromEntries(input.trades.map((t) => [t.id, points.get(t)!]));
}

describe("credit properties", () => {
  it("never changes the score or any trade's points when the input is shuffled", () => {
    fc.assert(
      fc.property(withShuffle, ([input, shuffled]) => {
        const before = computeCredit(input);
        const after = computeCredit({ ...input, trades: shuffled });
        expect(after.score).toBe(before.score);
        expect(pointsById({ ...input, trades: shuffled })).toEqual(pointsById(input));
        expect(after.trades.map((t) => t.id)).toEqual(shuffled.map((t) => t.id)); // still in input order
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with a literal reading of the rules", () => {
    fc.assert(
      fc.property(shop, (input) => {
        expect(pointsById(input)).toEqual(referencePoints(input));
      }),
      { numRuns: 500 },
    );
  });
});
