import { describe, expect, it } from "vitest";
import { dayKey, isValidTimeZone, localDate, monthKey, parseLocalDate, startOfLocalDay, zonedTime, zoneOffsetMs } from "./zone";

describe("shop time zone arithmetic", () => {
  it("knows Shanghai is UTC+8 all year", () => {
    expect(zoneOffsetMs(Date.parse("2026-01-15T00:00:00Z"), "Asia/Shanghai")).toBe(8 * 3600_000);
    expect(zoneOffsetMs(Date.parse("2026-07-15T00:00:00Z"), "Asia/Shanghai")).toBe(8 * 3600_000);
  });

  it("puts an instant in the shop's month, not UTC's", () => {
    const t = Date.parse("2026-03-31T17:00:00Z"); // 2026-04-01 01:00 in Shanghai
    expect(monthKey(t, "Asia/Shanghai")).toBe("2026-04");
    expect(monthKey(t, "UTC")).toBe("2026-03");
    expect(dayKey(t, "Asia/Shanghai")).toBe("2026-04-01");
  });

  it("follows daylight-saving changes (New York, March 2026)", () => {
    expect(zoneOffsetMs(Date.parse("2026-03-08T06:59:00Z"), "America/New_York")).toBe(-5 * 3600_000);
    expect(zoneOffsetMs(Date.parse("2026-03-08T07:00:00Z"), "America/New_York")).toBe(-4 * 3600_000);
    expect(zonedTime({ year: 2026, month: 3, day: 9 }, "America/New_York")).toBe(Date.parse("2026-03-09T04:00:00Z"));
  });

  it("computes local midnights with day overflow", () => {
    const t = Date.parse("2026-01-31T23:30:00+08:00");
    expect(startOfLocalDay(t, "Asia/Shanghai")).toBe(Date.parse("2026-01-31T00:00:00+08:00"));
    expect(startOfLocalDay(t, "Asia/Shanghai", 2)).toBe(Date.parse("2026-02-02T00:00:00+08:00"));
    expect(localDate(t, "Asia/Shanghai")).toEqual({ year: 2026, month: 1, day: 31 });
  });

  it("parses dates strictly and validates zones", () => {
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("2026-2-1")).toBeNull();
    expect(parseLocalDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
