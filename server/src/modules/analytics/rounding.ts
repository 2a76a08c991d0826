// Every rounded figure is computed from integers (counts, cents, milliseconds)
// with exact integer division, so a quotient sitting exactly on a half rounds
// away from zero as the contract says instead of wherever float error drops it.

/** num / den rounded half away from zero to an integer, exactly. */
export function roundedQuotient(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = n / d;
  const rounded = 2n * (n % d) >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

function exact(value: number): bigint {
  // Epoch milliseconds and cents are integers; anything finer is noise below the rounding.
  return BigInt(Math.round(value));
}

/** A fraction rounded to `places` decimals, null when the denominator is 0. */
export function rate(num: number, den: number, places = 4): number | null {
  if (den === 0) return null;
  const scale = 10n ** BigInt(places);
  return Number(roundedQuotient(exact(num) * scale, exact(den))) / Number(scale);
}

/** A running mean of durations in milliseconds. */
export interface Tally {
  sumMs: number;
  count: number;
}

export const emptyTally = (): Tally => ({ sumMs: 0, count: 0 });

export function addToTally(tally: Tally, ms: number): void {
  tally.sumMs += ms;
  tally.count += 1;
}

/** Mean seconds rounded to 1 decimal, null when nothing was measured. */
export function meanSeconds(tally: Tally | undefined): number | null {
  if (!tally || tally.count === 0) return null;
  return Number(roundedQuotient(exact(tally.sumMs), BigInt(tally.count) * 100n)) / 10;
}

/** Cents per unit rounded to whole cents, as a decimal amount (287990 / 50 → 57.6). */
export function amountPer(cents: number, units: number): number | null {
  if (units === 0) return null;
  return Number(roundedQuotient(exact(cents), BigInt(units))) / 100;
}

export function centsToAmount(cents: number): number {
  return cents / 100;
}
