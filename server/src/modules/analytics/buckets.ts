// A report period cut into days, weeks (Monday to Sunday, as Chinese calendars and
// Qianniu count them) or calendar months, each clipped to the period. Dates are the
// shop's calendar dates, so this is pure date arithmetic: no time zone needed here.
import { parseLocalDate } from "../../platform/time/zone";

export const BUCKETS = ["day", "week", "month"] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface DateRange {
  from: string; // YYYY-MM-DD, inclusive
  to: string; // YYYY-MM-DD, inclusive
}

/** More buckets than this is a chart nobody can read, and a slow answer. */
export const MAX_BUCKETS = 400;

const DAY_MS = 86_400_000;

function toUtcDay(text: string): number {
  const date = parseLocalDate(text);
  if (!date) throw new RangeError(`"${text}" is not a date (YYYY-MM-DD)`);
  return Date.UTC(date.year, date.month - 1, date.day);
}

const format = (utcDay: number): string => new Date(utcDay).toISOString().slice(0, 10);

/** The first day of the bucket after the one holding `day`. */
function nextBucketStart(day: number, bucket: Bucket): number {
  const date = new Date(day);
  if (bucket === "day") return day + DAY_MS;
  if (bucket === "week") {
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    return day + (7 - sinceMonday) * DAY_MS;
  }
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

export function splitPeriod(period: DateRange, bucket: Bucket): DateRange[] {
  const first = toUtcDay(period.from);
  const last = toUtcDay(period.to);
  if (last < first) throw new RangeError(`from ${period.from} is after to ${period.to}`);
  const ranges: DateRange[] = [];
  for (let start = first; start <= last; ) {
    const next = nextBucketStart(start, bucket);
    ranges.push({ from: format(start), to: format(Math.min(next - DAY_MS, last)) });
    if (ranges.length > MAX_BUCKETS) throw new RangeError(`more than ${MAX_BUCKETS} ${bucket}s: choose a shorter period or a longer bucket`);
    start = next;
  }
  return ranges;
}
