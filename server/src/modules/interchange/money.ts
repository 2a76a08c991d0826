// Money crosses the file boundary as a JSON decimal number ("12.5", "2879.90")
// and lives inside as integer cents (fen). The conversion goes through the
// number's own decimal text, never through `n * 100`, which drifts
// (1.15 * 100 = 114.99999999999999). A third decimal place is refused rather
// than rounded: silently rounding someone's prices is worse than a clear error.

export type CentsResult = { ok: true; cents: number } | { ok: false; problem: string };

/** Integer cents of a non-negative decimal amount with at most 2 decimal places. */
export function decimalToCents(amount: number): CentsResult {
  if (!Number.isFinite(amount)) return { ok: false, problem: "is not a finite number" };
  if (amount < 0) return { ok: false, problem: "must not be negative" };
  const text = String(amount);
  if (/e/i.test(text)) {
    // String() switches to exponent form below 1e-6 and from 1e21 upwards.
    return { ok: false, problem: amount < 1 ? "has more than 2 decimal places" : "is too large" };
  }
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length > 2) return { ok: false, problem: "has more than 2 decimal places" };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return { ok: false, problem: "is too large" };
  return { ok: true, cents };
}

/**
 * The decimal number for integer cents: 1250 → 12.5, 287990 → 2879.9. Division
 * by 100 is correctly rounded, so it yields exactly the double that the text
 * "12.50" parses to, and JSON prints it with at most 2 decimals.
 */
export function centsToDecimal(cents: number): number {
  return cents / 100;
}
