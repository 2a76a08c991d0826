// Strict ISO 8601 instants with an explicit offset. Date.parse is not used: it
// accepts times without an offset (read in the server's zone), rolls 02-30 over into
// March on some inputs, and is slow on a million trades. Reading the characters by
// hand is ~10× faster than a regular expression here, which a 1M-trade file feels.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ZERO = 48;
const COLON = 58;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

/** The number written by `count` digits at `start`, or -1 if any of them is not a digit (or missing). */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) {
    const d = text.charCodeAt(k) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Epoch milliseconds of "2026-03-02T10:00:00+08:00", "…Z", "…+0800", "…+08" (seconds
 * and fraction optional); null when the text is not such a time or names a date
 * that does not exist. Fractions beyond milliseconds are truncated.
 */
export function parseOffsetInstant(text: string): number | null {
  const n = text.length;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return null;
  const t = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 116) || text.charCodeAt(13) !== COLON) return null;

  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === COLON) {
    second = digits(text, i + 1, 2);
    if (second < 0) return null;
    i += 3;
    const mark = text.charCodeAt(i);
    if (mark === 46 || mark === 44) {
      const start = ++i;
      while (i < n && text.charCodeAt(i) >= ZERO && text.charCodeAt(i) <= ZERO + 9) i++;
      if (i === start) return null;
      millis = digits(text.slice(start, Math.min(i, start + 3)).padEnd(3, "0"), 0, 3);
    }
  }

  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    if (i + 1 !== n) return null;
  } else if (zone === 43 || zone === 45) {
    const offsetHours = digits(text, i + 1, 2);
    if (offsetHours < 0) return null;
    i += 3;
    let offsetMins = 0;
    if (i < n) {
      if (text.charCodeAt(i) === COLON) i++;
      offsetMins = digits(text, i, 2);
      if (offsetMins < 0 || i + 2 !== n) return null;
    }
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return null;
  }

  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (year < 100) utc = new Date(utc).setUTCFullYear(year); // Date.UTC maps 0-99 to 1900-1999
  return utc - offsetMinutes * 60_000;
}
