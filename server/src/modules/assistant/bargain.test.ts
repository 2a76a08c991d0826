import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONCESSION_PATTERNS, concessionPlan, type ConcessionStep } from "./bargain";

const prices = (steps: ConcessionStep[]) => steps.flatMap((s) => (s.kind === "price" ? [s.priceCents / 100] : []));

describe("concession plan (seed 001)", () => {
  it("gives the seed's example: 300 with a floor of 250, in each of the four ways", () => {
    const plan = (pattern: (typeof CONCESSION_PATTERNS)[number]) => prices(concessionPlan({ priceCents: 30000, floorPriceCents: 25000, pattern }));
    expect(plan("shrinking")).toEqual([280, 265, 255, 250]); // gives 20, 15, 10, 5
    expect(plan("growing")).toEqual([295, 285, 270, 250]); // gives 5, 10, 15, 20
    expect(plan("equal")).toEqual([290, 280, 270, 260, 250]);
    expect(plan("once")).toEqual([250]);
  });

  it("concedes a gift, free shipping and a coupon before any price", () => {
    const steps = concessionPlan({ priceCents: 30000, floorPriceCents: 25000, freeShippingOnRequest: true, couponAvailable: true });
    expect(steps.slice(0, 3).map((s) => s.kind)).toEqual(["gift", "free_shipping", "coupon"]);
    expect(steps.filter((s) => s.kind === "price").at(-1)).toMatchObject({ final: true, priceCents: 25000 });
    // Seed 001 holds firm on free shipping by default.
    expect(concessionPlan({ priceCents: 30000, floorPriceCents: 25000 }).map((s) => s.kind)).not.toContain("free_shipping");
  });

  it("offers no price step without a floor price, or when the price is already at it", () => {
    expect(concessionPlan({ priceCents: 30000, floorPriceCents: null })).toEqual([{ kind: "gift" }]);
    expect(prices(concessionPlan({ priceCents: 25000, floorPriceCents: 25000 }))).toEqual([]);
    expect(prices(concessionPlan({ priceCents: 25000, floorPriceCents: 26000 }))).toEqual([]);
  });

  it("never goes below the floor, only ever comes down, and ends on the floor", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(...CONCESSION_PATTERNS), (price, floor, pattern) => {
        const steps = concessionPlan({ priceCents: price, floorPriceCents: floor, pattern }).filter((s) => s.kind === "price");
        if (floor >= price) return steps.length === 0;
        const offered = steps.map((s) => s.priceCents);
        return (
          offered.every((p) => p >= floor && p < price) &&
          offered.every((p, i) => i === 0 || p < offered[i - 1]!) &&
          offered.at(-1) === floor &&
          steps.filter((s) => s.final).length === 1
        );
      }),
    );
  });
});
