// "再买 ¥X" must be true: on random shops and baskets, buying the missing amount (more
// of an item already chosen in the promotion's scope) gets the promotion; and where the
// discounts only grow with the basket (one scope, no 满减 next to a coupon), no smaller
// amount does.
import { describe, expect, it } from "vitest";
import { evaluatePromotions, inScope } from "./engine";
import type { ChosenItem, ClosePromotion, Evaluation, PromotionRule, PromotionScope } from "./types";

const ZONE = "Asia/Shanghai";
const AT = Date.UTC(2026, 10, 20, 4, 0);
const PRODUCTS = [
  { productId: "p1", category: "A" },
  { productId: "p2", category: "A" },
  { productId: "p3", category: "B" },
];

function generator(seed: number) {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
  const yuan = (min: number, max: number) => (min + next(max - min + 1)) * 100;
  const scope = (shopOnly: boolean): PromotionScope => {
    if (shopOnly) return { type: "shop" };
    const r = next(3);
    return r === 0 ? { type: "shop" } : r === 1 ? { type: "category", categories: [next(2) ? "A" : "B"] } : { type: "product", productIds: [PRODUCTS[next(3)]!.productId] };
  };
  return { next, yuan, scope };
}

function shop(seed: number) {
  const g = generator(seed);
  const shopOnly = g.next(2) === 0;
  const rules: PromotionRule[] = [];
  let id = 0;
  const common = () => ({ id: `r${id++}`, name: "x", enabled: true, startsAt: "2026-01-01T00:00", endsAt: null, scope: g.scope(shopOnly) });
  for (let i = g.next(3); i > 0; i--) {
    const first = g.yuan(50, 200);
    const tiers = [{ thresholdCents: first, amountOffCents: g.yuan(1, first / 200) }];
    if (g.next(2)) tiers.push({ thresholdCents: first + g.yuan(50, 150), amountOffCents: tiers[0]!.amountOffCents + g.yuan(5, 20) });
    rules.push({ ...common(), kind: "full_reduction", params: { tiers } });
  }
  for (let i = g.next(3); i > 0; i--) {
    const threshold = g.yuan(0, 250);
    rules.push({ ...common(), kind: "coupon", params: { thresholdCents: threshold, amountOffCents: g.yuan(1, 30) } });
  }
  for (let i = g.next(3); i > 0; i--) rules.push({ ...common(), kind: "free_shipping", params: { thresholdCents: g.yuan(30, 300) } });
  if (g.next(2)) rules.push({ ...common(), kind: "gift", params: { minQuantity: 2 + g.next(3), gift: "袜子", giftQuantity: 1 } });
  const items: ChosenItem[] = Array.from({ length: 1 + g.next(3) }, () => ({ ...PRODUCTS[g.next(3)]!, unitPriceCents: g.yuan(10, 150), quantity: 1 + g.next(2) }));
  const monotone = shopOnly && !(rules.some((r) => r.kind === "full_reduction") && rules.some((r) => r.kind === "coupon"));
  return { rules, items, monotone };
}

const evaluate = (rules: PromotionRule[], items: ChosenItem[]) => evaluatePromotions(rules, { items, at: AT, timeZone: ZONE });

/** Whether the basket now gets what the close entry promised. */
function reached(close: ClosePromotion, after: Evaluation): boolean {
  switch (close.kind) {
    case "free_shipping":
      return after.freeShipping;
    case "gift":
      return after.applies.some((a) => a.promotionId === close.promotionId);
    default:
      return after.applies.some((a) => a.kind === close.kind && a.savingCents! >= close.savingCents!);
  }
}

function withMore(rules: PromotionRule[], items: ChosenItem[], close: ClosePromotion, extra: number): Evaluation {
  const rule = rules.find((r) => r.id === close.promotionId)!;
  const probe = items.find((i) => inScope(rule.scope, i))!;
  const more = close.kind === "gift" ? { ...probe, quantity: extra } : { ...probe, quantity: 1, unitPriceCents: extra };
  return evaluate(rules, [...items, more]);
}

describe("what is close, on random shops", () => {
  it("is always enough, and the least where discounts only grow", () => {
    let checked = 0;
    let minimalChecked = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { rules, items, monotone } = shop(seed);
      const now = evaluate(rules, items);
      for (const close of now.close) {
        const missing = close.kind === "gift" ? close.missingQuantity! : close.missingCents!;
        expect(missing, `seed ${seed} ${close.promotionId}`).toBeGreaterThan(0);
        expect(reached(close, withMore(rules, items, close, missing)), `seed ${seed} ${close.promotionId} with ${missing}`).toBe(true);
        checked++;
        if (!monotone) continue;
        // Amounts are whole yuan, so the totals only change their discounts at whole yuan.
        const smaller = close.kind === "gift" ? [missing - 1] : [missing - 1, ...Array.from({ length: Math.floor((missing - 1) / 100) }, (_, k) => (k + 1) * 100)];
        for (const less of smaller.filter((x) => x > 0)) expect(reached(close, withMore(rules, items, close, less)), `seed ${seed} ${close.promotionId} with only ${less}`).toBe(false);
        minimalChecked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(minimalChecked).toBeGreaterThan(30);
  });
});
