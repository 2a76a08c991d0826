import { describe, expect, it } from "vitest";
import { windowDays } from "./aftersales.service";
import { checkEligibility, type EligibilityInput } from "./policy";

const SH = "Asia/Shanghai";
const at = (local: string) => Date.parse(`${local}+08:00`);
const base: EligibilityInput = {
  kind: "return",
  reason: "no_reason",
  order: { paidAt: at("2026-09-01T10:00:00"), shippedAt: at("2026-09-01T18:00:00"), deliveredAt: at("2026-09-03T23:30:00") },
  now: at("2026-09-05T12:00:00"),
  timezone: SH,
  windowDays: 7,
  condition: "unused",
};

describe("7-day no-reason return", () => {
  it("runs from the day after delivery for seven shop days, whatever the hour of signing", () => {
    // Signed 3 Sept 23:30: the window is 4–10 Sept, ending at 00:00 on the 11th, Shanghai time.
    const ok = checkEligibility(base);
    expect(ok).toMatchObject({ eligible: true, returnShippingPaidBy: "buyer", deadline: "2026-09-10T16:00:00.000Z" });
    expect(ok.notes).toEqual([{ code: "within_window", deadline: "2026-09-10T16:00:00.000Z", days: 7 }]);
    expect(checkEligibility({ ...base, now: at("2026-09-10T23:59:59") }).eligible).toBe(true);
    const late = checkEligibility({ ...base, now: at("2026-09-11T00:00:00") });
    expect(late.eligible).toBe(false);
    expect(late.notes[0]).toMatchObject({ code: "window_passed" });
  });

  it("counts in the shop's zone, not the server's", () => {
    // Delivered 3 Sept 23:30 in Shanghai is 3 Sept 15:30 UTC; a UTC shop's window would end on the 11th UTC.
    const utc = checkEligibility({ ...base, timezone: "UTC", order: { ...base.order, deliveredAt: Date.parse("2026-09-03T23:30:00Z") } });
    expect(utc.deadline).toBe("2026-09-11T00:00:00.000Z");
  });

  it("follows the shop's window setting", () => {
    expect(checkEligibility({ ...base, windowDays: 15, now: at("2026-09-15T12:00:00") }).eligible).toBe(true);
  });

  it("needs the item resaleable when it comes back", () => {
    const used = checkEligibility({ ...base, condition: "used" });
    expect(used.eligible).toBe(false);
    expect(used.notes.map((n) => n.code)).toEqual(["within_window", "not_resaleable"]);
    expect(checkEligibility({ ...base, condition: null }).notes.map((n) => n.code)).toContain("condition_unknown");
  });

  it("the shop's fault: eligible any time after the window, shop pays the return", () => {
    const r = checkEligibility({ ...base, reason: "quality", now: at("2026-10-20T12:00:00") });
    expect(r).toEqual({ eligible: true, notes: [{ code: "shop_fault" }], returnShippingPaidBy: "shop", deadline: null });
  });

  it("unpaid, unshipped and undelivered orders", () => {
    expect(checkEligibility({ ...base, order: { paidAt: null, shippedAt: null, deliveredAt: null } })).toMatchObject({ eligible: false, notes: [{ code: "unpaid" }] });
    expect(checkEligibility({ ...base, kind: "refund_only", order: { ...base.order, shippedAt: null, deliveredAt: null } })).toMatchObject({
      eligible: true,
      notes: [{ code: "not_shipped_refund" }],
      returnShippingPaidBy: null,
    });
    expect(checkEligibility({ ...base, order: { ...base.order, deliveredAt: null } })).toMatchObject({ eligible: false, notes: [{ code: "not_delivered" }] });
  });
});

describe("the shop's return window", () => {
  it("is per category when the shop says so, else the shop's, else 7 days", () => {
    const settings = { returnWindowDays: 10, returnWindowDaysByCategory: { 针织衫: 15, 内衣: 0 } };
    expect(windowDays(settings, "针织衫")).toBe(15);
    expect(windowDays(settings, "内衣")).toBe(10); // 0 days is not a window: the shop's own applies
    expect(windowDays(settings, "T恤")).toBe(10);
    expect(windowDays({ policies: { returnWindowDays: 14 } }, null)).toBe(14);
    expect(windowDays({}, "针织衫")).toBe(7);
  });
});
