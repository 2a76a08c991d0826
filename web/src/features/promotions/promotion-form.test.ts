import { describe, expect, it } from "vitest";
import { draftOf, formFieldOf, formValuesOf, toFen } from "./promotion-form";
import type { Promotion } from "./promotions-api";

const promotion = (over: Partial<Promotion>): Promotion => ({
  id: "promo_1",
  shopId: "shop_1",
  kind: "full_reduction",
  name: "满199减20",
  params: { tiers: [{ thresholdCents: 19900, amountOffCents: 2000 }] },
  scope: { type: "shop" },
  enabled: true,
  startsAt: "2026-11-11T00:00",
  endsAt: "2026-11-12T00:00",
  timeZone: "Asia/Shanghai",
  state: "running",
  description: "满¥199减¥20",
  ...over,
});

describe("promotion form", () => {
  it("turns yuan into whole fen, without float dust", () => {
    expect(toFen(19.9)).toBe(1990);
    expect(toFen(0.07)).toBe(7);
    expect(toFen(null)).toBe(0);
  });

  it("round-trips each kind through the form", () => {
    const cases: Promotion[] = [
      promotion({}),
      promotion({ kind: "coupon", params: { thresholdCents: 0, amountOffCents: 500 }, endsAt: null }),
      promotion({ kind: "gift", params: { minQuantity: 2, gift: "袜子", giftQuantity: 1 }, scope: { type: "category", categories: ["针织衫"] } }),
      promotion({ kind: "free_shipping", params: { thresholdCents: 9900 }, scope: { type: "product", productIds: ["p1", "p2"] }, enabled: false }),
    ];
    for (const p of cases) {
      expect(draftOf(formValuesOf(p))).toEqual({ kind: p.kind, name: p.name, params: p.params, scope: p.scope, startsAt: p.startsAt, endsAt: p.endsAt, enabled: p.enabled });
    }
  });

  it("sends only the chosen kind's params and scope", () => {
    const draft = draftOf({ kind: "free_shipping", name: " 满99包邮 ", threshold: 99, amountOff: 5, tiers: [{ threshold: 1, amountOff: 1 }], startsAt: "2026-11-01T00:00", endsAt: null, scopeType: "shop", categories: ["x"], enabled: true });
    expect(draft).toEqual({ kind: "free_shipping", name: "满99包邮", params: { thresholdCents: 9900 }, scope: { type: "shop" }, startsAt: "2026-11-01T00:00", endsAt: null, enabled: true });
  });

  it("points a refused field at its form item", () => {
    expect(formFieldOf("params.tiers.1.amountOffCents")).toEqual(["tiers", 1, "amountOff"]);
    expect(formFieldOf("params.thresholdCents")).toEqual(["threshold"]);
    expect(formFieldOf("params.gift")).toEqual(["gift"]);
    expect(formFieldOf("endsAt")).toEqual(["window"]);
    expect(formFieldOf("scope.productIds.0")).toEqual(["productIds"]);
    expect(formFieldOf("name")).toEqual(["name"]);
    expect(formFieldOf("shopId")).toBeNull();
  });
});
