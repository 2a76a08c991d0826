// The words {promotion} and {promotion_end} put in front of a buyer.
import { describe, expect, it } from "vitest";
import { describePromotion, promotionEndText, promotionTerms, yuanText } from "./describe";
import type { PromotionRule } from "./types";

const rule = (name: string, terms: Pick<PromotionRule, "kind" | "params">): PromotionRule =>
  ({ id: "p", name, enabled: true, startsAt: "2026-11-01T00:00", endsAt: null, scope: { type: "shop" }, ...terms }) as PromotionRule;

describe("promotion wording", () => {
  it("says each kind's terms in yuan", () => {
    expect(yuanText(19900)).toBe("199");
    expect(yuanText(1250)).toBe("12.50");
    expect(promotionTerms(rule("", { kind: "full_reduction", params: { tiers: [{ thresholdCents: 19900, amountOffCents: 2000 }, { thresholdCents: 29900, amountOffCents: 4000 }] } }))).toBe("满¥199减¥20，满¥299减¥40");
    expect(promotionTerms(rule("", { kind: "coupon", params: { thresholdCents: 10000, amountOffCents: 1000 } }))).toBe("满¥100可用¥10优惠券");
    expect(promotionTerms(rule("", { kind: "coupon", params: { thresholdCents: 0, amountOffCents: 500 } }))).toBe("¥5无门槛优惠券");
    expect(promotionTerms(rule("", { kind: "gift", params: { minQuantity: 2, gift: "袜子", giftQuantity: 1 } }))).toBe("买2件送袜子");
    expect(promotionTerms(rule("", { kind: "gift", params: { minQuantity: 1, gift: "发圈", giftQuantity: 2 } }))).toBe("买就送发圈×2");
    expect(promotionTerms(rule("", { kind: "free_shipping", params: { thresholdCents: 9900 } }))).toBe("满¥99包邮");
  });

  it("puts the name first unless it already says the terms", () => {
    expect(describePromotion(rule("双11狂欢", { kind: "free_shipping", params: { thresholdCents: 9900 } }))).toBe("双11狂欢（满¥99包邮）");
    expect(describePromotion(rule("满99包邮", { kind: "free_shipping", params: { thresholdCents: 9900 } }))).toBe("满¥99包邮");
    expect(describePromotion(rule("买两件送袜子", { kind: "gift", params: { minQuantity: 2, gift: "袜子", giftQuantity: 1 } }))).toBe("买2件送袜子");
  });

  it("writes the end as the shop's date and time", () => {
    expect(promotionEndText("2026-11-12T00:00")).toBe("11月12日 00:00");
    expect(promotionEndText("2026-12-01T09:30")).toBe("12月1日 09:30");
  });
});
