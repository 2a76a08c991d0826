// The words a quick reply puts in front of the buyer for {promotion} and {promotion_end}.
// Quick replies are written in the shop's language, Chinese (the workbench's own labels
// are translated in the browser from the engine's keys instead).
import type { PromotionRule } from "./types";
import { parseLocalTime } from "./window";

/** 99 fen → "0.99", 19900 → "199". */
export const yuanText = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** What the promotion gives, in a few words: "满¥199减¥20，满¥299减¥40", "买2件送袜子". */
export function promotionTerms(rule: PromotionRule): string {
  switch (rule.kind) {
    case "full_reduction":
      return rule.params.tiers.map((t) => `满¥${yuanText(t.thresholdCents)}减¥${yuanText(t.amountOffCents)}`).join("，");
    case "coupon":
      return rule.params.thresholdCents > 0
        ? `满¥${yuanText(rule.params.thresholdCents)}可用¥${yuanText(rule.params.amountOffCents)}优惠券`
        : `¥${yuanText(rule.params.amountOffCents)}无门槛优惠券`;
    case "gift": {
      const { minQuantity, gift, giftQuantity } = rule.params;
      return `${minQuantity === 1 ? "买就送" : `买${minQuantity}件送`}${gift}${giftQuantity > 1 ? `×${giftQuantity}` : ""}`;
    }
    case "free_shipping":
      return `满¥${yuanText(rule.params.thresholdCents)}包邮`;
  }
}

const DIGITS = "一二三四五六七八九";

/** "{name}（{terms}）", or the terms alone when the name already says them ("满99包邮"). */
export function describePromotion(rule: PromotionRule): string {
  const terms = promotionTerms(rule);
  const name = rule.name.trim();
  const plain = (text: string) => text.replace(/[¥\s]/g, "").replace(/[一二两三四五六七八九]/g, (c) => String(DIGITS.indexOf(c) === -1 ? 2 : DIGITS.indexOf(c) + 1));
  return name === "" || plain(terms).includes(plain(name)) ? terms : `${name}（${terms}）`;
}

/**
 * When a promotion ends, as a buyer reads it: "11月12日 00:00". The window's end is
 * exclusive, so the last minute it runs is the minute before this.
 */
export function promotionEndText(endsAt: string): string {
  const local = parseLocalTime(endsAt);
  if (!local) return endsAt;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.date.month}月${local.date.day}日 ${pad(local.hour)}:${pad(local.minute)}`;
}
