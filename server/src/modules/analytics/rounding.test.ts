import { describe, expect, it } from "vitest";
import { amountPer, meanSeconds, rate, roundedQuotient } from "./rounding";
import { attributionWindowEnd, reportPeriod } from "./period";

describe("rounding half away from zero, exactly", () => {
  it("integer quotients", () => {
    expect(roundedQuotient(5n, 2n)).toBe(3n);
    expect(roundedQuotient(-5n, 2n)).toBe(-3n);
    expect(roundedQuotient(7n, 3n)).toBe(2n);
    expect(roundedQuotient(8n, 3n)).toBe(3n);
    expect(roundedQuotient(0n, 3n)).toBe(0n);
  });

  it("rates, seconds and money per unit", () => {
    expect(rate(1, 32)).toBe(0.0313); // 0.03125
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 0)).toBeNull();
    expect(meanSeconds({ sumMs: 250, count: 1 })).toBe(0.3); // 0.25
    expect(meanSeconds({ sumMs: 1049, count: 1 })).toBe(1);
    expect(meanSeconds({ sumMs: 0, count: 0 })).toBeNull();
    expect(amountPer(287990, 50)).toBe(57.6);
    expect(amountPer(287990, 55)).toBe(52.36); // 5236.18… cents
    expect(amountPer(5, 2)).toBe(0.03); // 2.5 cents
    expect(amountPer(100, 0)).toBeNull();
  });
});

describe("period and window", () => {
  it("are counted in shop days", () => {
    expect(reportPeriod("2026-09-01", "2026-09-30", "Asia/Shanghai")).toEqual({
      start: Date.parse("2026-08-31T16:00:00Z"),
      end: Date.parse("2026-09-30T16:00:00Z"),
    });
    expect(attributionWindowEnd(Date.parse("2026-09-10T23:59:00+08:00"), "Asia/Shanghai")).toBe(Date.parse("2026-09-12T00:00:00+08:00"));
    expect(attributionWindowEnd(Date.parse("2026-09-10T00:00:00+08:00"), "Asia/Shanghai", 3)).toBe(Date.parse("2026-09-15T00:00:00+08:00"));
  });
});
