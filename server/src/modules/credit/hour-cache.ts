// Memoizes a calendar key of the shop's zone (monthKey, dayKey from platform/time/zone)
// by UTC hour, for the hours in which the key cannot change: the zone's offset is the
// same at both ends (zone.ts assumes at most one offset change per hour) and so is the
// key, so local time runs straight through the hour without crossing a day. Hours
// where a day starts (zones at :30 or :45 offsets) or the offset changes are computed
// each time. A million trades then cost one Map lookup each instead of a Date and a
// string; the cache holds at most one entry per hour of the data's span.
import { zoneOffsetMs } from "../../platform/time/zone";

const HOUR = 3_600_000;

export function cachedByHour(timeZone: string, key: (epochMs: number, timeZone: string) => string): (epochMs: number) => string {
  const byHour = new Map<number, string | null>();
  return (epochMs) => {
    const hour = Math.floor(epochMs / HOUR);
    let value = byHour.get(hour);
    if (value === undefined) {
      const start = hour * HOUR;
      const end = start + HOUR - 1;
      const first = key(start, timeZone);
      const steady = zoneOffsetMs(start, timeZone) === zoneOffsetMs(end, timeZone) && first === key(end, timeZone);
      value = steady ? first : null;
      byHour.set(hour, value);
    }
    return value ?? key(epochMs, timeZone);
  };
}
