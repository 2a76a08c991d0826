// The promotions engine: windows at the shop-time edges, scopes, and each overlap rule
// of README.md, on hand-computed baskets.
import { describe, expect, it } from "vitest";
import { evaluatePromotions, shareOut } from "./engine";
import type { ChosenItem, PromotionRule, PromotionScope } from "./types";

const ZONE = "Asia/Shanghai";
// 2026-11-20 12:00 in Shanghai.
const NOON = Date.UTC(2026, 10, 20, 4, 0);
const SHOP: PromotionScope = { type: "shop" };

let seq = 0;
const base = (over: Partial<PromotionRule> = {}) => ({
  id: over.id ?? `p${String(++seq).padStart(3, "0")}`,
  name: over.name ?? "活动",
  enabled: over.enabled ?? true,
  startsAt: over.startsAt ?? "2026-11-01T00:00",
  endsAt: over.endsAt === undefined ? null : over.endsAt,
  scope: over.scope ?? SHOP,
});
const reduction = (tiers: [number, number][], over: Partial<PromotionRule> = {}): PromotionRule => ({
  ...base(over),
  kind: "full_reduction",
  params: { tiers: tiers.map(([t, off]) => ({ thresholdCents: t * 100, amountOffCents: off * 100 })) },
});
const coupon = (threshold: number, off: number, over: Partial<PromotionRule> = {}): PromotionRule => ({
  ...base(over),
  kind: "coupon",
  params: { thresholdCents: threshold * 100, amountOffCents: off * 100 },
});
const gift = (minQuantity: number, what: string, over: Partial<PromotionRule> = {}): PromotionRule => ({
  ...base(over),
  kind: "gift",
  params: { minQuantity, gift: what, giftQuantity: 1 },
});
const freeShipping = (threshold: number, over: Partial<PromotionRule> = {}): PromotionRule => ({
  ...base(over),
  kind: "free_shipping",
  params: { thresholdCents: threshold * 100 },
});
const item = (yuan: number, quantity = 1, category: string | null = "T恤", productId: string | null = "prod_t"): ChosenItem => ({
  productId,
  category,
  unitPriceCents: Math.round(yuan * 100),
  quantity,
});
const run = (rules: PromotionRule[], items: ChosenItem[], at = NOON, shippingFeeCents?: number) => evaluatePromotions(rules, { items, at, timeZone: ZONE, shippingFeeCents });
const appliedIds = (rules: PromotionRule[], items: ChosenItem[], at = NOON) => run(rules, items, at).applies.map((a) => a.promotionId);

describe("windows in the shop's time zone", () => {
  // 双11 in Shanghai: 2026-11-11 00:00 +08:00 = 2026-11-10 16:00Z, to 2026-11-12 00:00 +08:00.
  const double11 = freeShipping(1, { id: "d11", startsAt: "2026-11-11T00:00", endsAt: "2026-11-12T00:00" });
  const start = Date.UTC(2026, 10, 10, 16, 0);
  const end = Date.UTC(2026, 10, 11, 16, 0);

  it("starts at the shop's midnight, inclusive", () => {
    expect(appliedIds([double11], [item(10)], start - 1)).toEqual([]);
    expect(appliedIds([double11], [item(10)], start)).toEqual(["d11"]);
  });

  it("ends at the shop's next midnight, exclusive", () => {
    expect(appliedIds([double11], [item(10)], end - 1)).toEqual(["d11"]);
    expect(appliedIds([double11], [item(10)], end)).toEqual([]);
  });

  it("is judged in the shop's zone, not UTC: 23:30Z on the 11th is already the 12th in Shanghai", () => {
    expect(appliedIds([double11], [item(10)], Date.UTC(2026, 10, 11, 0, 0))).toEqual(["d11"]);
    expect(appliedIds([double11], [item(10)], Date.UTC(2026, 10, 11, 23, 30))).toEqual([]);
  });

  it("follows a daylight-saving zone: New York's 03:00 on the spring-forward day is 07:00Z", () => {
    const rule = freeShipping(1, { id: "ny", startsAt: "2026-03-08T03:00", endsAt: "2026-03-09T00:00" });
    const at = (ms: number) => evaluatePromotions([rule], { items: [item(10)], at: ms, timeZone: "America/New_York" }).applies.length;
    expect(at(Date.UTC(2026, 2, 8, 7, 0) - 1)).toBe(0);
    expect(at(Date.UTC(2026, 2, 8, 7, 0))).toBe(1);
    // Midnight after the change is EDT (−4): 04:00Z.
    expect(at(Date.UTC(2026, 2, 9, 4, 0) - 1)).toBe(1);
    expect(at(Date.UTC(2026, 2, 9, 4, 0))).toBe(0);
  });

  it("never offers a promotion outside its window as close either, nor a switched-off one", () => {
    const later = gift(2, "袜子", { startsAt: "2026-12-01T00:00" });
    const over = reduction([[199, 20]], { endsAt: "2026-11-20T12:00" });
    const off = freeShipping(99, { enabled: false });
    const result = run([later, over, off], [item(150)]);
    expect(result.applies).toEqual([]);
    expect(result.close).toEqual([]);
    expect(result.freeShipping).toBe(false);
  });
});

describe("scope", () => {
  it("counts only the items in a category or product scope", () => {
    const knit = reduction([[150, 30]], { id: "knit", scope: { type: "category", categories: ["针织衫"] } });
    const blazer = gift(1, "胸针", { id: "blazer", scope: { type: "product", productIds: ["prod_blazer"] } });
    const items = [item(99, 1, "针织衫", "prod_knit"), item(59, 1, "T恤", "prod_t")];
    // 99 of knitwear: under 150 although the basket is 158.
    expect(appliedIds([knit, blazer], items)).toEqual([]);
    expect(appliedIds([knit, blazer], [...items, item(99, 1, "针织衫", "prod_knit2")])).toEqual(["knit"]);
    expect(appliedIds([knit, blazer], [...items, item(238, 1, "西装", "prod_blazer")])).toEqual(["blazer"]);
  });

  it("spreads a scoped discount over the items in scope only", () => {
    const knit = coupon(0, 10, { scope: { type: "category", categories: ["针织衫"] } });
    const ship = freeShipping(100, { scope: { type: "category", categories: ["T恤"] } });
    // The T恤 line keeps its 100: the coupon was the knitwear's.
    const result = run([knit, ship], [item(50, 1, "针织衫", "k"), item(100, 1, "T恤", "t")]);
    expect(result.totalCents).toBe(14000);
    expect(result.freeShipping).toBe(true);
  });
});

describe("overlapping rules", () => {
  it("满减 tiers of one rule do not stack: the best reached tier alone", () => {
    const result = run([reduction([[199, 20], [299, 40]])], [item(150, 2)]);
    expect(result.applies.map((a) => [a.kind, a.savingCents])).toEqual([["full_reduction", 4000]]);
    expect(result.totalCents).toBe(26000);
  });

  it("two 满减 rules do not stack either: the single best tier of all wins", () => {
    const shop = reduction([[199, 20]], { id: "shop" });
    const knit = reduction([[150, 30]], { id: "knit", scope: { type: "category", categories: ["针织衫"] } });
    const result = run([shop, knit], [item(160, 1, "针织衫", "k"), item(59)]);
    expect(result.applies.map((a) => a.promotionId)).toEqual(["knit"]);
    expect(result.discountCents).toBe(3000);
  });

  it("on equal savings the rule ending sooner wins", () => {
    const long = reduction([[100, 10]], { id: "a_long", endsAt: "2026-12-31T00:00" });
    const soon = reduction([[100, 10]], { id: "b_soon", endsAt: "2026-11-25T00:00" });
    expect(appliedIds([long, soon], [item(100)])).toEqual(["b_soon"]);
  });

  it("a coupon is judged on the total after 满减", () => {
    const rules = [reduction([[199, 20]], { id: "mj" }), coupon(180, 10, { id: "cp" })];
    // 199 − 20 = 179: short of the coupon's 180.
    const short = run(rules, [item(199)]);
    expect(short.applies.map((a) => a.promotionId)).toEqual(["mj"]);
    expect(short.close.map((c) => [c.promotionId, c.missingCents])).toEqual([["cp", 100]]);
    const both = run(rules, [item(200)]);
    expect(both.applies.map((a) => [a.promotionId, a.savingCents])).toEqual([
      ["mj", 2000],
      ["cp", 1000],
    ]);
    expect(both.totalCents).toBe(17000);
  });

  it("one coupon per order: the best reachable one", () => {
    const result = run([coupon(100, 10, { id: "c10" }), coupon(150, 25, { id: "c25" }), coupon(300, 50, { id: "c50" })], [item(160)]);
    expect(result.applies.map((a) => a.promotionId)).toEqual(["c25"]);
    expect(result.close.map((c) => [c.promotionId, c.missingCents])).toEqual([["c50", 14000]]);
  });

  it("a coupon never takes more than the items in its scope are worth", () => {
    const result = run([coupon(0, 30)], [item(20)]);
    expect(result.applies[0]!.savingCents).toBe(2000);
    expect(result.totalCents).toBe(0);
  });

  it("gifts stack: every gift rule reached is given", () => {
    const socks = gift(2, "袜子", { id: "socks" });
    const scrunchie = gift(1, "发圈", { id: "scrunchie", scope: { type: "category", categories: ["针织衫"] } });
    const result = run([socks, scrunchie, reduction([[100, 10]], { id: "mj" })], [item(99, 1, "针织衫", "k"), item(59)]);
    expect(result.applies.map((a) => a.promotionId)).toEqual(["mj", "scrunchie", "socks"]);
    expect(result.applies.find((a) => a.promotionId === "socks")).toMatchObject({ savingCents: null, key: "promotions.applies.gift", params: { gift: "袜子", minQuantity: 2, giftQuantity: 1 } });
  });

  it("free shipping is judged on the amount after discounts", () => {
    const rules = [freeShipping(99, { id: "fs" }), coupon(100, 10, { id: "cp" })];
    const result = run(rules, [item(105)]);
    expect(result.freeShipping).toBe(false);
    // 109 − 10 = 99.
    expect(result.close).toMatchObject([{ promotionId: "fs", missingCents: 400, key: "promotions.close.free_shipping", params: { missingCents: 400, thresholdCents: 9900 } }]);
    expect(run(rules, [item(109)]).freeShipping).toBe(true);
  });

  it("counts the 满减 a bigger basket would get when saying how much more buys free shipping", () => {
    const rules = [freeShipping(199, { id: "fs" }), reduction([[199, 20]], { id: "mj" })];
    // Another 9 reaches 199 but 满减 takes it back to 179: 29 more is the least.
    const result = run(rules, [item(190)]);
    expect(result.close.find((c) => c.kind === "free_shipping")!.missingCents).toBe(2900);
    expect(run(rules, [item(218.99)]).freeShipping).toBe(false);
    expect(run(rules, [item(219)]).freeShipping).toBe(true);
  });

  it("one free shipping is enough: the lowest threshold reached is reported", () => {
    const result = run([freeShipping(199, { id: "high" }), freeShipping(99, { id: "low" })], [item(250)], NOON, 1000);
    expect(result.applies.map((a) => [a.promotionId, a.savingCents])).toEqual([["low", 1000]]);
  });
});

describe("what is close", () => {
  it("says how many more items bring the gift (再买 1 件送袜子)", () => {
    const result = run([gift(2, "袜子", { id: "socks" })], [item(99)]);
    expect(result.close).toEqual([
      {
        promotionId: "socks",
        name: "活动",
        kind: "gift",
        missingCents: null,
        missingQuantity: 1,
        savingCents: null,
        endsAt: null,
        key: "promotions.close.gift",
        params: { minQuantity: 2, gift: "袜子", giftQuantity: 1, missingQuantity: 1 },
      },
    ]);
  });

  it("offers the next 满减 tier only when it beats what applies now", () => {
    const result = run([reduction([[199, 20], [299, 40]], { id: "mj" })], [item(250)]);
    expect(result.applies.map((a) => a.savingCents)).toEqual([2000]);
    expect(result.close).toMatchObject([{ promotionId: "mj", missingCents: 4900, savingCents: 4000, params: { thresholdCents: 29900, amountOffCents: 4000, missingCents: 4900 } }]);
    expect(run([reduction([[199, 20], [299, 40]])], [item(300)]).close).toEqual([]);
  });

  it("lists nearest first and leaves out promotions none of the chosen items are in", () => {
    const rules = [
      freeShipping(99, { id: "fs" }),
      reduction([[199, 20]], { id: "mj" }),
      gift(2, "袜子", { id: "socks" }),
      gift(2, "手套", { id: "gloves", scope: { type: "category", categories: ["卫衣"] } }),
    ];
    const result = run(rules, [item(87)]);
    // 12 more for free shipping, one more item (~87) for the socks, 112 more for 满减.
    expect(result.close.map((c) => c.promotionId)).toEqual(["fs", "socks", "mj"]);
    expect(result.close[0]!.missingCents).toBe(1200);
  });

  it("has nothing to say about an empty basket", () => {
    expect(run([freeShipping(99), gift(2, "袜子")], [])).toEqual({ subtotalCents: 0, discountCents: 0, totalCents: 0, freeShipping: false, applies: [], close: [] });
  });
});

describe("sharing a discount over lines", () => {
  it("adds up to the discount exactly, in proportion, only over the lines in scope", () => {
    expect(shareOut(1000, [3000, 3000, 3000], [true, true, true])).toEqual([334, 333, 333]);
    expect(shareOut(1000, [3000, 5000, 2000], [true, false, true])).toEqual([600, 0, 400]);
    expect(shareOut(0, [100], [true])).toEqual([0]);
    let rnd = 7;
    const next = (n: number) => (rnd = (rnd * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 500; round++) {
      const weights = Array.from({ length: 1 + next(6) }, () => next(10_000_000));
      const inside = weights.map(() => next(3) > 0);
      const room = weights.reduce((s, w, i) => (inside[i] ? s + w : s), 0);
      const total = room === 0 ? 0 : next(room + 1);
      const shares = shareOut(total, weights, inside);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(room === 0 ? 0 : total);
      shares.forEach((s, i) => {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(inside[i] ? weights[i]! : 0);
      });
    }
  });
});
