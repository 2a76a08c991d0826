// Interchange times are ISO 8601 date-times WITH an offset. A time without an
// offset would be read in whatever zone the importing machine happens to be in,
// so it is refused rather than guessed. Date.parse is not used to validate
// because V8 accepts "2026-02-30" and rolls it over to March.
import { zoneOffsetMs } from "../../platform/time/zone";

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Epoch milliseconds of an interchange time ("2026-09-01T10:00:00+08:00",
 * "2026-09-01T02:00:00.123Z", "2026-09-01T10:00+0800"), or null when the text is
 * not an ISO 8601 date-time with an offset or names an impossible instant.
 * Fractions finer than a millisecond are truncated.
 */
export function interchangeTimeMs(text: string): number | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMins = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const offsetMs = offsetMinutes * 60_000;
  // Date.UTC is quicker (an import reads each time two or three times) but takes years
  // 0–99 for 1900–1999; setUTCFullYear keeps them literal.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offsetMs;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/**
 * An instant as an interchange time in the shop's zone, e.g.
 * "2026-09-01T10:00:00+08:00" (milliseconds only when non-zero). Exports use the
 * shop's wall clock so that a person reading the file sees shop hours.
 */
export function formatInterchangeTime(epochMs: number, timeZone: string): string {
  const offset = zoneOffsetMs(epochMs, timeZone);
  const local = new Date(epochMs + offset);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60_000;
  const ms = local.getUTCMilliseconds();
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    (ms ? `.${pad(ms, 3)}` : "") +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
