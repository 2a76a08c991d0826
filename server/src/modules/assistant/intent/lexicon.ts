// Cue words per intent, wider than the labelled lines: a buyer who writes 褪色
// instead of 掉色, or "counterfeit" instead of "fake", still lights the same cue.
// The classifier sees each matched cue as one feature ("cue:material_quality")
// and learns from the data how far to trust it, so a cue is a hint, not a rule.
// Patterns run on normalizeText() output: lower-case, half-width, 木有→没有,
// sizes folded to §.
import { ORDER_AND_AFTER_SALE_CUES } from "./cues-after-sale";
import { PRE_SALE_CUES } from "./cues-pre-sale";
import type { Intent } from "./labels";

/** Regular-expression fragments per language; any match is the cue. */
export interface Cues {
  zh: string[];
  en: string[];
  ko: string[];
}

const CUES: Record<Intent, Cues> = { ...PRE_SALE_CUES, ...ORDER_AND_AFTER_SALE_CUES };

// English cues must start a word ("pic" is not in "typical"); endings stay open (photo/photos).
const COMPILED: ReadonlyArray<readonly [Intent, RegExp]> = (Object.keys(CUES) as Intent[]).map((intent) => {
  const { zh, en, ko } = CUES[intent];
  const parts = [...zh, ...ko];
  if (en.length > 0) parts.push(`(?<![a-z])(?:${en.join("|")})`);
  return [intent, new RegExp(parts.join("|"), "u")] as const;
});

/** Intents whose cue words occur in the (normalised) message. */
export function matchedCues(normalized: string): Intent[] {
  const out: Intent[] = [];
  for (const [intent, pattern] of COMPILED) if (pattern.test(normalized)) out.push(intent);
  return out;
}
