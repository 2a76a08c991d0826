import { describe, expect, it } from "vitest";
import { centsToDecimal, decimalToCents } from "./money";
import { formatInterchangeTime, interchangeTimeMs } from "./times";

describe("money", () => {
  it("converts decimal amounts to cents from their decimal text", () => {
    expect(decimalToCents(2879.9)).toEqual({ ok: true, cents: 287990 });
    expect(decimalToCents(1.15)).toEqual({ ok: true, cents: 115 });
    expect(decimalToCents(0.07)).toEqual({ ok: true, cents: 7 });
    expect(decimalToCents(19.99)).toEqual({ ok: true, cents: 1999 });
    expect(decimalToCents(100)).toEqual({ ok: true, cents: 10000 });
    expect(decimalToCents(0)).toEqual({ ok: true, cents: 0 });
  });

  it("refuses a third decimal place instead of rounding it", () => {
    expect(decimalToCents(12.345)).toEqual({ ok: false, problem: "has more than 2 decimal places" });
    expect(decimalToCents(0.1 + 0.2)).toEqual({ ok: false, problem: "has more than 2 decimal places" });
    expect(decimalToCents(-0.5)).toEqual({ ok: false, problem: "must not be negative" });
    expect(decimalToCents(1e21)).toEqual({ ok: false, problem: "is too large" });
  });

  it("writes cents back as the shortest decimal", () => {
    expect(String(centsToDecimal(287990))).toBe("2879.9");
    expect(String(centsToDecimal(5236))).toBe("52.36");
    expect(String(centsToDecimal(115))).toBe("1.15");
    expect(String(centsToDecimal(100))).toBe("1");
  });
});

describe("interchange times", () => {
  it("reads offsets, Z and fractions", () => {
    expect(interchangeTimeMs("2026-09-01T10:00:00+08:00")).toBe(Date.UTC(2026, 8, 1, 2));
    expect(interchangeTimeMs("2026-09-01T02:00:00Z")).toBe(Date.UTC(2026, 8, 1, 2));
    expect(interchangeTimeMs("2026-09-01T10:00+0800")).toBe(Date.UTC(2026, 8, 1, 2));
    expect(interchangeTimeMs("2026-08-31T21:00:00-05")).toBe(Date.UTC(2026, 8, 1, 2));
    expect(interchangeTimeMs("2026-09-01T02:00:00.123456Z")).toBe(Date.UTC(2026, 8, 1, 2, 0, 0, 123));
    expect(interchangeTimeMs("2028-02-29T00:00:00+09:00")).toBe(Date.UTC(2028, 1, 28, 15));
  });

  it("keeps years before 100 literal (Date.UTC alone would read 0099 as 1999)", () => {
    const year99 = new Date(0);
    year99.setUTCFullYear(99, 0, 1);
    expect(interchangeTimeMs("0099-01-01T00:00:00Z")).toBe(year99.getTime());
    expect(interchangeTimeMs("0100-01-01T08:00:00+08:00")).toBe(Date.UTC(100, 0, 1));
  });

  it("refuses times without an offset and impossible dates", () => {
    for (const bad of ["2026-09-01T10:00:00", "2026-09-01", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-09-01T10:60:00Z", "2026-09-01T10:00:00+25:00", "next tuesday"]) {
      expect(interchangeTimeMs(bad), bad).toBeNull();
    }
  });

  it("formats an instant on the shop's wall clock and reads back the same instant", () => {
    const t = Date.UTC(2026, 8, 1, 2, 0, 0, 250);
    expect(formatInterchangeTime(t, "Asia/Shanghai")).toBe("2026-09-01T10:00:00.250+08:00");
    expect(formatInterchangeTime(Date.UTC(2026, 2, 8, 7), "America/New_York")).toBe("2026-03-08T03:00:00-04:00");
    expect(formatInterchangeTime(Date.UTC(2026, 0, 1), "Asia/Kolkata")).toBe("2026-01-01T05:30:00+05:30");
    expect(interchangeTimeMs(formatInterchangeTime(t, "America/New_York"))).toBe(t);
  });
});
