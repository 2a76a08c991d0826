// The 16 seller credit levels (CONTRACTS §5 rule 7; seed 001 §5 shows them as a figure).
// Kept as data so that the table can be shown, tested and changed in one place.
import type { CreditLevel, CreditTier } from "./types";

export interface CreditLevelRow extends CreditLevel {
  /** lowest score of the level (inclusive); the next row's minScore − 1 is its highest */
  minScore: number;
}

export const CREDIT_LEVELS: readonly CreditLevelRow[] = Object.freeze([
  { index: 0, tier: "none", rank: 0, minScore: Number.NEGATIVE_INFINITY },
  { index: 1, tier: "heart", rank: 1, minScore: 4 },
  { index: 2, tier: "heart", rank: 2, minScore: 11 },
  { index: 3, tier: "heart", rank: 3, minScore: 41 },
  { index: 4, tier: "heart", rank: 4, minScore: 91 },
  { index: 5, tier: "heart", rank: 5, minScore: 151 },
  { index: 6, tier: "diamond", rank: 1, minScore: 251 },
  { index: 7, tier: "diamond", rank: 2, minScore: 501 },
  { index: 8, tier: "diamond", rank: 3, minScore: 1001 },
  { index: 9, tier: "diamond", rank: 4, minScore: 2001 },
  { index: 10, tier: "diamond", rank: 5, minScore: 5001 },
  { index: 11, tier: "crown", rank: 1, minScore: 10001 },
  { index: 12, tier: "crown", rank: 2, minScore: 20001 },
  { index: 13, tier: "crown", rank: 3, minScore: 50001 },
  { index: 14, tier: "crown", rank: 4, minScore: 100001 },
  { index: 15, tier: "crown", rank: 5, minScore: 200001 },
] satisfies CreditLevelRow[]);

/** The level a score earns: the highest row whose minScore the score reaches. */
export function creditLevel(score: number): CreditLevel {
  for (let i = CREDIT_LEVELS.length - 1; i > 0; i--) {
    const row = CREDIT_LEVELS[i]!;
    if (score >= row.minScore) return { index: row.index, tier: row.tier, rank: row.rank };
  }
  return { index: 0, tier: "none", rank: 0 };
}

const TIER_SYMBOLS: Record<CreditTier, string> = { none: "", heart: "♥", diamond: "◆", crown: "👑" };

/** "♥♥", "◆◆◆", "👑"… as shops see it; "" for no level. */
export function creditLevelSymbol(level: CreditLevel): string {
  return TIER_SYMBOLS[level.tier].repeat(level.rank);
}

/** The score range of a level, for display: [min, max] with max null for the top level. */
export function creditLevelRange(index: number): { min: number | null; max: number | null } {
  const row = CREDIT_LEVELS[index];
  if (!row) throw new RangeError(`no credit level ${index}`);
  const next = CREDIT_LEVELS[index + 1];
  return { min: Number.isFinite(row.minScore) ? row.minScore : null, max: next ? next.minScore - 1 : null };
}
