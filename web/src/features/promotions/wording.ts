// The engine says what applies as an i18n key and parameters with money in fen; these
// turn the parameters into what the texts show ("missingCents": 1200 → "missing": "¥12").
import type { Wording } from "../../../../server/src/modules/promotions/types";

/** ¥12, ¥12.50: whole yuan without decimals, as shops write thresholds. */
export function shortYuan(cents: number): string {
  return `¥${cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)}`;
}

/** Parameters for t(): every "…Cents" amount also as "…" in short yuan. */
export function textParams(params: Wording["params"]): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith("Cents") && typeof value === "number") out[name.slice(0, -"Cents".length)] = shortYuan(value);
  }
  return out;
}

/** The key of the sentence an agent can send about it: "promotions.close.gift" → "promotions.draft.close.gift". */
export function draftKey(key: string): string {
  return key.replace(/^promotions\./, "promotions.draft.");
}
