import { describe, expect, it } from "vitest";
import { splitPeriod } from "./buckets";

describe("splitting a period into buckets", () => {
  it("days, one per date, across a month and a leap day", () => {
    expect(splitPeriod({ from: "2028-02-28", to: "2028-03-01" }, "day")).toEqual([
      { from: "2028-02-28", to: "2028-02-28" },
      { from: "2028-02-29", to: "2028-02-29" },
      { from: "2028-03-01", to: "2028-03-01" },
    ]);
  });
  it("weeks run Monday to Sunday, clipped to the period", () => {
    // 2026-11-18 is a Wednesday.
    expect(splitPeriod({ from: "2026-11-18", to: "2026-12-01" }, "week")).toEqual([
      { from: "2026-11-18", to: "2026-11-22" },
      { from: "2026-11-23", to: "2026-11-29" },
      { from: "2026-11-30", to: "2026-12-01" },
    ]);
  });
  it("months are calendar months, across a year end", () => {
    expect(splitPeriod({ from: "2026-11-15", to: "2027-02-03" }, "month")).toEqual([
      { from: "2026-11-15", to: "2026-11-30" },
      { from: "2026-12-01", to: "2026-12-31" },
      { from: "2027-01-01", to: "2027-01-31" },
      { from: "2027-02-01", to: "2027-02-03" },
    ]);
  });
  it("a one-day period is one bucket of every kind", () => {
    for (const bucket of ["day", "week", "month"] as const) {
      expect(splitPeriod({ from: "2026-11-24", to: "2026-11-24" }, bucket)).toEqual([{ from: "2026-11-24", to: "2026-11-24" }]);
    }
  });
  it("refuses reversed periods, bad dates and unreadable charts", () => {
    expect(() => splitPeriod({ from: "2026-11-24", to: "2026-11-23" }, "day")).toThrow(/after/);
    expect(() => splitPeriod({ from: "2026-13-01", to: "2026-11-23" }, "day")).toThrow(/not a date/);
    expect(() => splitPeriod({ from: "2020-01-01", to: "2026-01-01" }, "day")).toThrow(/more than 400 days/);
    expect(splitPeriod({ from: "2020-01-01", to: "2026-01-01" }, "month")).toHaveLength(73);
  });
});
