// What the shop's promotions give a buyer's chosen items at an instant, and what they
// would give with a little more (seed 000, 003: mention the gift before the buyer
// asks). Pure: no I/O; the order of application is in README.md and docs/decisions.md:
//   1. 满减: the best single tier of all full-reduction rules (tiers never stack);
//   2. coupon: the best single coupon, judged on the total after 满减;
//   3. gifts: every gift rule reached (gifts stack);
//   4. free shipping: on the amount after 满减 and coupon.
import type {
  AppliedPromotion,
  ChosenItem,
  ClosePromotion,
  CouponParams,
  Evaluation,
  EvaluationInput,
  FreeShippingParams,
  FullReductionParams,
  GiftParams,
  PromotionRule,
  PromotionScope,
  ReductionTier,
} from "./types";
import { isActiveAt, shopInstant } from "./window";

type RuleOf<K extends PromotionRule["kind"]> = Extract<PromotionRule, { kind: K }>;

interface Active<R extends PromotionRule = PromotionRule> {
  rule: R;
  /** The window's end as an instant; Infinity when open-ended. */
  endMs: number;
}

interface Line extends ChosenItem {
  amount: number;
}

interface Chosen<R extends PromotionRule> {
  active: Active<R>;
  savingCents: number;
}

interface Settlement {
  reduction: (Chosen<RuleOf<"full_reduction">> & { tier: ReductionTier }) | null;
  coupon: Chosen<RuleOf<"coupon">> | null;
  /** Per line: its amount after 满减, and after 满减 and coupon. */
  afterReduction: number[];
  net: number[];
  gifts: Active<RuleOf<"gift">>[];
  freeShipping: Active<RuleOf<"free_shipping">> | null;
}

export function inScope(scope: PromotionScope, item: Pick<ChosenItem, "productId" | "category">): boolean {
  switch (scope.type) {
    case "shop":
      return true;
    case "category":
      return item.category !== null && scope.categories.includes(item.category);
    case "product":
      return item.productId !== null && scope.productIds.includes(item.productId);
  }
}

const sumIn = (scope: PromotionScope, lines: Line[], values: number[]) => lines.reduce((sum, line, i) => (inScope(scope, line) ? sum + values[i]! : sum), 0);
const quantityIn = (scope: PromotionScope, lines: Line[]) => lines.reduce((sum, line) => (inScope(scope, line) ? sum + line.quantity : sum), 0);

/**
 * Splits `total` fen over the lines in scope in proportion to `weights` (分摊), in whole
 * fen: floors first, then the leftover fen to the largest remainders (earlier line on a
 * tie). BigInt, since amount × total can pass 2^53.
 */
export function shareOut(total: number, weights: number[], inside: boolean[]): number[] {
  const w = weights.map((x, i) => (inside[i] ? BigInt(x) : 0n));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n || total === 0) return weights.map(() => 0);
  const t = BigInt(total);
  const shares = w.map((x) => (t * x) / sum);
  let left = Number(t - shares.reduce((a, b) => a + b, 0n));
  const order = w.map((x, i) => ({ i, rem: (t * x) % sum })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]! += 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/** Larger saving first; on a tie the rule ending sooner (use it before it goes), then by id. */
function better<R extends PromotionRule>(a: Chosen<R>, b: Chosen<R> | null): boolean {
  if (!b) return true;
  if (a.savingCents !== b.savingCents) return a.savingCents > b.savingCents;
  if (a.active.endMs !== b.active.endMs) return a.active.endMs < b.active.endMs;
  return a.active.rule.id < b.active.rule.id;
}

function ofKind<K extends PromotionRule["kind"]>(active: Active[], kind: K): Active<RuleOf<K>>[] {
  return active.filter((a): a is Active<RuleOf<K>> => a.rule.kind === kind);
}

/** The best reachable tier of one 满减 rule on `base` fen (the largest amount off). */
function reachedTier(params: FullReductionParams, base: number): ReductionTier | null {
  let best: ReductionTier | null = null;
  for (const tier of params.tiers) if (tier.thresholdCents <= base && (!best || tier.amountOffCents > best.amountOffCents)) best = tier;
  return best;
}

function settle(lines: Line[], active: Active[]): Settlement {
  const amounts = lines.map((l) => l.amount);

  let reduction: Settlement["reduction"] = null;
  for (const a of ofKind(active, "full_reduction")) {
    const tier = reachedTier(a.rule.params, sumIn(a.rule.scope, lines, amounts));
    const candidate = tier && { active: a, savingCents: tier.amountOffCents, tier };
    if (candidate && better(candidate, reduction)) reduction = candidate;
  }
  const reductionShares = reduction ? shareOut(reduction.savingCents, amounts, lines.map((l) => inScope(reduction.active.rule.scope, l))) : amounts.map(() => 0);
  const afterReduction = amounts.map((x, i) => x - reductionShares[i]!);

  let coupon: Settlement["coupon"] = null;
  for (const a of ofKind(active, "coupon")) {
    const base = sumIn(a.rule.scope, lines, afterReduction);
    if (base <= 0 || base < a.rule.params.thresholdCents) continue;
    const candidate = { active: a, savingCents: Math.min(a.rule.params.amountOffCents, base) };
    if (better(candidate, coupon)) coupon = candidate;
  }
  const couponShares = coupon ? shareOut(coupon.savingCents, afterReduction, lines.map((l) => inScope(coupon.active.rule.scope, l))) : amounts.map(() => 0);
  const net = afterReduction.map((x, i) => x - couponShares[i]!);

  const gifts = ofKind(active, "gift").filter((a) => quantityIn(a.rule.scope, lines) >= a.rule.params.minQuantity);

  let freeShipping: Chosen<RuleOf<"free_shipping">> | null = null;
  for (const a of ofKind(active, "free_shipping")) {
    if (quantityIn(a.rule.scope, lines) === 0 || sumIn(a.rule.scope, lines, net) < a.rule.params.thresholdCents) continue;
    const candidate = { active: a, savingCents: -a.rule.params.thresholdCents };
    if (better(candidate, freeShipping)) freeShipping = candidate;
  }
  return { reduction, coupon, afterReduction, net, gifts, freeShipping: freeShipping?.active ?? null };
}

const MAX_STEPS = 64;

/**
 * The least extra spend, on more of an item already chosen in `scope`, after which
 * `measure` reaches `target`. Adding goods can cross a 满减 tier and lower the amount
 * after discounts, so this steps up by the shortfall until it is met: each step is a
 * lower bound while the discounts only grow, and the last one is checked by settling.
 */
function missingAmount(lines: Line[], active: Active[], scope: PromotionScope, measure: (s: Settlement, lines: Line[]) => number, target: number): number | null {
  const probe = lines.find((l) => inScope(scope, l));
  if (!probe) return null;
  let extra = target - measure(settle(lines, active), lines);
  for (let step = 0; step < MAX_STEPS && extra > 0; step++) {
    const more = [...lines, { ...probe, quantity: 1, unitPriceCents: extra, amount: extra }];
    const got = measure(settle(more, active), more);
    if (got >= target) return extra;
    extra += target - got;
  }
  return null;
}

const endOf = (rule: PromotionRule) => rule.endsAt;

function applied(active: Active, savingCents: number | null, key: string, params: AppliedPromotion["params"]): AppliedPromotion {
  const { rule } = active;
  return { promotionId: rule.id, name: rule.name, kind: rule.kind, savingCents, endsAt: endOf(rule), key: `promotions.applies.${key}`, params };
}

function close(active: Active, missing: { cents: number } | { quantity: number }, savingCents: number | null, params: ClosePromotion["params"]): ClosePromotion {
  const { rule } = active;
  const missingCents = "cents" in missing ? missing.cents : null;
  const missingQuantity = "quantity" in missing ? missing.quantity : null;
  return {
    promotionId: rule.id,
    name: rule.name,
    kind: rule.kind,
    missingCents,
    missingQuantity,
    savingCents,
    endsAt: endOf(rule),
    key: `promotions.close.${rule.kind}`,
    params: { ...params, ...(missingCents !== null ? { missingCents } : { missingQuantity: missingQuantity! }) },
  };
}

function appliedList(s: Settlement, shippingFeeCents: number | null): AppliedPromotion[] {
  const out: AppliedPromotion[] = [];
  if (s.reduction) out.push(applied(s.reduction.active, s.reduction.savingCents, "full_reduction", { ...s.reduction.tier }));
  if (s.coupon) {
    const p: CouponParams = s.coupon.active.rule.params;
    out.push(applied(s.coupon.active, s.coupon.savingCents, "coupon", { ...p, savingCents: s.coupon.savingCents }));
  }
  for (const g of s.gifts) out.push(applied(g, null, "gift", { ...(g.rule.params satisfies GiftParams) }));
  if (s.freeShipping) out.push(applied(s.freeShipping, shippingFeeCents, "free_shipping", { ...(s.freeShipping.rule.params satisfies FreeShippingParams) }));
  return out;
}

function closeList(lines: Line[], active: Active[], s: Settlement, shippingFeeCents: number | null): { entry: ClosePromotion; rank: number }[] {
  const out: { entry: ClosePromotion; rank: number }[] = [];
  const amounts = lines.map((l) => l.amount);
  const reductionNow = s.reduction?.savingCents ?? 0;
  for (const a of ofKind(active, "full_reduction")) {
    const base = sumIn(a.rule.scope, lines, amounts);
    if (quantityIn(a.rule.scope, lines) === 0) continue;
    for (const tier of a.rule.params.tiers.filter((t) => t.thresholdCents > base && t.amountOffCents > reductionNow)) {
      const missing = missingAmount(lines, active, a.rule.scope, (_s, ls) => sumIn(a.rule.scope, ls, ls.map((l) => l.amount)), tier.thresholdCents);
      if (missing !== null) out.push({ entry: close(a, { cents: missing }, tier.amountOffCents, { ...tier }), rank: missing });
    }
  }
  // A coupon already reachable gives its full amount once the basket grows past it, so a
  // farther one is worth saying only when it gives more than that.
  const coupons = ofKind(active, "coupon");
  const reachable = coupons.filter((a) => quantityIn(a.rule.scope, lines) > 0 && sumIn(a.rule.scope, lines, s.afterReduction) >= a.rule.params.thresholdCents);
  const couponNow = Math.max(0, ...reachable.map((a) => a.rule.params.amountOffCents));
  for (const a of coupons) {
    const p = a.rule.params;
    if (reachable.includes(a) || p.amountOffCents <= couponNow || quantityIn(a.rule.scope, lines) === 0) continue;
    const missing = missingAmount(lines, active, a.rule.scope, (st, ls) => sumIn(a.rule.scope, ls, st.afterReduction), p.thresholdCents);
    // At least this much: the items in scope are then worth the threshold or more.
    const saving = p.thresholdCents > 0 ? Math.min(p.amountOffCents, p.thresholdCents) : p.amountOffCents;
    if (missing !== null) out.push({ entry: close(a, { cents: missing }, saving, { ...p }), rank: missing });
  }
  const reached = new Set(s.gifts);
  for (const a of ofKind(active, "gift")) {
    const have = quantityIn(a.rule.scope, lines);
    if (reached.has(a) || have === 0) continue;
    const quantity = a.rule.params.minQuantity - have;
    // Ranked against amounts by what the cheapest such item would cost.
    const cheapest = Math.min(...lines.filter((l) => inScope(a.rule.scope, l)).map((l) => l.unitPriceCents));
    out.push({ entry: close(a, { quantity }, null, { ...a.rule.params }), rank: quantity * cheapest });
  }
  if (!s.freeShipping) {
    let nearest: { entry: ClosePromotion; rank: number } | null = null;
    for (const a of ofKind(active, "free_shipping")) {
      if (quantityIn(a.rule.scope, lines) === 0) continue;
      const missing = missingAmount(lines, active, a.rule.scope, (st, ls) => sumIn(a.rule.scope, ls, st.net), a.rule.params.thresholdCents);
      if (missing !== null && (!nearest || missing < nearest.rank)) nearest = { entry: close(a, { cents: missing }, shippingFeeCents, { ...a.rule.params }), rank: missing };
    }
    if (nearest) out.push(nearest);
  }
  // Of a 满减 rule's higher tiers, the nearest one still worth saying.
  const kept = out.filter((c) => !out.some((other) => dominates(other.entry, c.entry)));
  return kept.filter((c) => !kept.some((other) => other.entry.promotionId === c.entry.promotionId && other.rank < c.rank));
}

/** Another 满减 or coupon that gives as much for no more spend makes this one not worth saying. */
function dominates(a: ClosePromotion, b: ClosePromotion): boolean {
  if (a === b || a.kind !== b.kind || (a.kind !== "full_reduction" && a.kind !== "coupon")) return false;
  const [saveA, saveB, missA, missB] = [a.savingCents!, b.savingCents!, a.missingCents!, b.missingCents!];
  if (saveA < saveB || missA > missB) return false;
  return saveA > saveB || missA < missB || a.promotionId < b.promotionId;
}

/** The promotions switched on and inside their window at `at`, in the shop's zone. */
export function activePromotions<R extends PromotionRule>(rules: R[], at: number, timeZone: string): R[] {
  return rules.filter((r) => isActiveAt(r, at, timeZone));
}

export function evaluatePromotions(rules: PromotionRule[], input: EvaluationInput): Evaluation {
  const active: Active[] = activePromotions(rules, input.at, input.timeZone)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule) => ({ rule, endMs: rule.endsAt === null ? Infinity : shopInstant(rule.endsAt, input.timeZone) }));
  const lines: Line[] = input.items.filter((i) => i.quantity > 0).map((i) => ({ ...i, amount: i.unitPriceCents * i.quantity }));
  const s = settle(lines, active);
  const subtotalCents = lines.reduce((sum, l) => sum + l.amount, 0);
  const totalCents = s.net.reduce((sum, x) => sum + x, 0);
  const shippingFee = input.shippingFeeCents ?? null;
  const closeOnes = closeList(lines, active, s, shippingFee).sort((a, b) => a.rank - b.rank || (a.entry.promotionId < b.entry.promotionId ? -1 : 1));
  return {
    subtotalCents,
    discountCents: subtotalCents - totalCents,
    totalCents,
    freeShipping: s.freeShipping !== null,
    applies: appliedList(s, shippingFee),
    close: closeOnes.map((c) => c.entry),
  };
}
