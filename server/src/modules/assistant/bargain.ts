// The bargaining helper's plan (seed 001 §1.2 and "碰到讨价还价"): concede what costs least
// first — a small gift, free shipping (if the shop grants it on request), a coupon — and
// only then the price, in the shop's concession pattern, never below the product's floor
// price. The last price step is the floor itself and needs a reason the agent states.
//
// Seed 001's example: price 300, floor 250, so 50 to give. Its four ways: all 50 at once;
// 5, 10, 15, 20 (growing — the buyer learns to keep pushing); five equal 10s; 20, 15, 10,
// 5 (shrinking — each step says the limit is near). Shrinking is the default.

export const CONCESSION_PATTERNS = ["shrinking", "equal", "growing", "once"] as const;
export type ConcessionPattern = (typeof CONCESSION_PATTERNS)[number];

const SHARES: Record<ConcessionPattern, readonly number[]> = {
  shrinking: [0.4, 0.3, 0.2, 0.1],
  equal: [0.2, 0.2, 0.2, 0.2, 0.2],
  growing: [0.1, 0.2, 0.3, 0.4],
  once: [1],
};

export type ConcessionStep =
  | { kind: "gift" }
  | { kind: "free_shipping" }
  | { kind: "coupon" }
  /** Offer `priceCents`, `concededCents` below the list price; `final` is the floor and needs a reason. */
  | { kind: "price"; priceCents: number; concededCents: number; final: boolean };

export interface BargainInput {
  priceCents: number;
  /** null when the product has none, or the agent may not see it: no price steps then. */
  floorPriceCents: number | null;
  pattern?: ConcessionPattern;
  /** Seed 001 holds firm on free shipping; seed 003 grants it when needed. */
  freeShippingOnRequest?: boolean;
  /** The shop has a coupon a buyer could use. */
  couponAvailable?: boolean;
}

const YUAN = 100;

export function concessionPlan(input: BargainInput): ConcessionStep[] {
  const steps: ConcessionStep[] = [{ kind: "gift" }];
  if (input.freeShippingOnRequest) steps.push({ kind: "free_shipping" });
  if (input.couponAvailable) steps.push({ kind: "coupon" });
  const { priceCents, floorPriceCents } = input;
  if (floorPriceCents === null || !Number.isInteger(priceCents) || !Number.isInteger(floorPriceCents)) return steps;
  const room = priceCents - Math.max(0, floorPriceCents);
  if (room <= 0) return steps;
  const shares = SHARES[input.pattern ?? "shrinking"];
  let cumulative = 0;
  let conceded = 0;
  shares.forEach((share, i) => {
    cumulative += share;
    const last = i === shares.length - 1;
    // Whole yuan, rounded down so no step passes the floor; the last step is the floor exactly.
    const next = last ? room : Math.min(room, Math.floor((room * cumulative) / YUAN) * YUAN);
    if (next <= conceded) return;
    conceded = next;
    steps.push({ kind: "price", priceCents: priceCents - conceded, concededCents: conceded, final: last });
  });
  return steps;
}
