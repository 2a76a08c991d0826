// Shop-time calendar arithmetic. A shop's "day", "month" and "cut-off" are
// computed in its IANA time zone, never in the server's.
//
// Offsets are looked up through Intl once per UTC hour and cached: a zone can
// change offset at most once inside an hour, and checking both ends of the hour
// tells us when it did. This keeps 1M lookups well under a second.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const HOUR = 3_600_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is a zone name this runtime knows (e.g. "Asia/Shanghai"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function exactOffsetMs(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The zone's UTC offset (local − UTC) in milliseconds at the instant `epochMs`. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const bucket = Math.floor(epochMs / HOUR);
  const cached = cache.get(bucket);
  if (cached !== undefined) return cached;
  const atStart = exactOffsetMs(bucket * HOUR, timeZone);
  const atEnd = exactOffsetMs(bucket * HOUR + HOUR - 1000, timeZone);
  if (atStart === atEnd) {
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, atStart);
    return atStart;
  }
  return exactOffsetMs(epochMs, timeZone); // a transition inside this hour: no caching
}

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** The calendar date in the zone at `epochMs`. */
export function localDate(epochMs: number, timeZone: string): LocalDate {
  const d = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "YYYY-MM" of the instant in the zone: the natural month key. */
export function monthKey(epochMs: number, timeZone: string): string {
  const { year, month } = localDate(epochMs, timeZone);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" of the instant in the zone. */
export function dayKey(epochMs: number, timeZone: string): string {
  const { year, month, day } = localDate(epochMs, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The instant of local wall-clock time `hour:minute` on the given date in the zone.
 * Day overflow is allowed (day 32 → next month), which makes "two days later" easy.
 * In a DST gap the earlier offset is used, so the result is never skipped.
 */
export function zonedTime(date: LocalDate, timeZone: string, hour = 0, minute = 0): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(guess, timeZone);
  if (second !== guess) guess = Math.min(guess, second);
  return guess;
}

/** 00:00 local time of the date `days` days after the local date of `epochMs`. */
export function startOfLocalDay(epochMs: number, timeZone: string, days = 0): number {
  const d = localDate(epochMs, timeZone);
  return zonedTime({ ...d, day: d.day + days }, timeZone);
}

/** Parse "YYYY-MM-DD" strictly; returns null when it is not a real date. */
export function parseLocalDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
