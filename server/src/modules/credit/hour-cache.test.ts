import { describe, expect, it } from "vitest";
import { dayKey, monthKey } from "../../platform/time/zone";
import { cachedByHour } from "./hour-cache";

const MINUTE = 60_000;

describe("cachedByHour", () => {
  // Zones whose days start off the UTC hour (+05:45, −03:30) or change offset (New York, Lord Howe's 30-minute DST).
  it.each(["Asia/Shanghai", "Asia/Kathmandu", "America/St_Johns", "America/New_York", "Australia/Lord_Howe", "UTC"])(
    "gives the same day and month as zone.ts in %s, minute by minute around boundaries",
    (zone) => {
      const day = cachedByHour(zone, dayKey);
      const month = cachedByHour(zone, monthKey);
      const starts = ["2026-02-28T00:00:00Z", "2026-03-07T12:00:00Z", "2026-03-31T00:00:00Z", "2026-04-04T12:00:00Z", "2026-10-31T12:00:00Z", "2026-11-01T00:00:00Z"];
      for (const start of starts) {
        // Twice over the same 36 hours: the second pass is served from the cache.
        for (let pass = 0; pass < 2; pass++) {
          for (let t = Date.parse(start); t < Date.parse(start) + 36 * 60 * MINUTE; t += 7 * MINUTE) {
            expect(day(t)).toBe(dayKey(t, zone));
            expect(month(t)).toBe(monthKey(t, zone));
          }
        }
      }
    },
  );
});
