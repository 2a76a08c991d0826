// The report period and the attribution window, both counted in the shop's
// calendar days (a Shanghai shop's 9 September starts at 16:00 UTC on the 8th).
import { isValidTimeZone, parseLocalDate, startOfLocalDay, zonedTime } from "../../platform/time/zone";

export interface Period {
  start: number; // inclusive, epoch ms
  end: number; // exclusive, epoch ms
}

/** From `from` 00:00 up to, not including, 00:00 after `to`, in the shop's zone. */
export function reportPeriod(from: string, to: string, timezone: string): Period {
  if (!isValidTimeZone(timezone)) throw new RangeError(`unknown time zone "${timezone}"`);
  const first = parseLocalDate(from);
  if (!first) throw new RangeError(`--from "${from}" is not a date (YYYY-MM-DD)`);
  const last = parseLocalDate(to);
  if (!last) throw new RangeError(`--to "${to}" is not a date (YYYY-MM-DD)`);
  if (to < from) throw new RangeError(`--from ${from} is after --to ${to}`);
  return { start: zonedTime(first, timezone), end: zonedTime({ ...last, day: last.day + 1 }, timezone) };
}

export function checkExtraDays(extraDays: number): number {
  if (!Number.isInteger(extraDays) || extraDays < 0) {
    throw new RangeError(`attribution window extra days must be a whole number ≥ 0, not ${extraDays}`);
  }
  return extraDays;
}

/**
 * End (exclusive) of the attribution window of an inquiry at `inquiryAt`: 00:00
 * shop time two calendar days after the inquiry's date (询单→次日付款: the rest
 * of that day and all of the next), widened by the shop's extra whole days.
 */
export function attributionWindowEnd(inquiryAt: number, timezone: string, extraDays = 0): number {
  return startOfLocalDay(inquiryAt, timezone, 2 + extraDays);
}
