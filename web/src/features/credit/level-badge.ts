// How a credit level looks (seed 001 §5: hearts, then diamonds, then crowns, one to five
// of each): the glyph and colour per tier, repeated by rank. Crowns are drawn as an icon
// since many desktops lack a crown in their fonts.
import type { CreditTier } from "../../../../server/src/modules/credit/types";

export interface BadgeLook {
  tier: CreditTier;
  count: number;
  glyph: "heart" | "diamond" | "crown" | null;
  color: string;
}

const LOOKS: Record<CreditTier, Omit<BadgeLook, "tier" | "count">> = {
  none: { glyph: null, color: "#8c8c8c" },
  heart: { glyph: "heart", color: "#f5222d" },
  diamond: { glyph: "diamond", color: "#1677ff" },
  crown: { glyph: "crown", color: "#d4a106" },
};

export function badgeLook(level: { tier: CreditTier; rank: number }): BadgeLook {
  return { tier: level.tier, count: level.tier === "none" ? 0 : Math.max(1, Math.min(5, level.rank)), ...LOOKS[level.tier] };
}

/** "♥♥♥", "◆", "♛♛" — the level as text, for labels and screen readers. */
export function badgeText(level: { tier: CreditTier; rank: number }): string {
  const look = badgeLook(level);
  const symbol = look.glyph === "heart" ? "♥" : look.glyph === "diamond" ? "◆" : look.glyph === "crown" ? "♛" : "";
  return symbol.repeat(look.count);
}
