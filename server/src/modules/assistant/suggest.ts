// Suggested replies for the buyer's latest message (issue 9): the shop's own phrases
// ranked by what the buyer wants (their intent, matched to the phrase's category or its
// own intent label) and then by the words they share with the message, merged with the
// FAQ's approved answers that the server ranks (suggest-faq.ts, issue 10). Pure, so the
// workbench ranks the library it already holds as the buyer writes.
import type { Intent } from "./intent/labels";

export interface Phrase {
  id: string;
  category: string;
  text: string;
  /** A phrase may carry its own intent label (the seeds' script library does). */
  intent?: string | null;
}

/** Which library categories answer which intents (the default library's, in zh/en/ko). */
const CATEGORY_INTENTS: Record<string, Intent[]> = {
  问候: ["greeting"],
  greeting: ["greeting"],
  인사: ["greeting"],
  议价: ["bargain", "discount_coupon", "gift_or_free_shipping"],
  bargaining: ["bargain", "discount_coupon", "gift_or_free_shipping"],
  흥정: ["bargain", "discount_coupon", "gift_or_free_shipping"],
  商品: ["product_question", "color_difference", "material_quality", "size_fit", "stock", "usage_care", "authenticity"],
  product: ["product_question", "color_difference", "material_quality", "size_fit", "stock", "usage_care", "authenticity"],
  상품: ["product_question", "color_difference", "material_quality", "size_fit", "stock", "usage_care", "authenticity"],
  付款: ["payment_safety"],
  payment: ["payment_safety"],
  결제: ["payment_safety"],
  物流: ["shipping_time", "courier_choice", "order_status", "logistics_stuck", "address_change"],
  shipping: ["shipping_time", "courier_choice", "order_status", "logistics_stuck", "address_change"],
  배송: ["shipping_time", "courier_choice", "order_status", "logistics_stuck", "address_change"],
  售后: ["return_exchange_refund", "damaged_defective", "wrong_item", "complaint"],
  "after-sales": ["return_exchange_refund", "damaged_defective", "wrong_item", "complaint"],
  "A/S": ["return_exchange_refund", "damaged_defective", "wrong_item", "complaint"],
};

/** Character bigrams (Chinese has no spaces; this also works for English and Korean words). */
function bigrams(text: string): Set<string> {
  const clean = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
  const grams = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) grams.add(clean.slice(i, i + 2));
  return grams;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/** Phrases that fit the message, with their scores (fit of category or label, plus shared words), best first. */
export function scoreReplies<P extends Phrase>(buyerText: string, intent: Intent | null, phrases: readonly P[]): { phrase: P; score: number }[] {
  const words = bigrams(buyerText);
  const scored = phrases.map((phrase, index) => {
    // A phrase labelled with exactly this intent beats one from a category that covers it.
    const fit = intent === null ? 0 : phrase.intent === intent ? 1.5 : (CATEGORY_INTENTS[phrase.category] ?? []).includes(intent) ? 1 : 0;
    return { phrase, index, score: fit + overlap(words, bigrams(phrase.text)) };
  });
  return scored
    .filter((s) => s.score >= 0.15)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ phrase, score }) => ({ phrase, score }));
}

export function suggestReplies<P extends Phrase>(buyerText: string, intent: Intent | null, phrases: readonly P[], limit = 3): P[] {
  return scoreReplies(buyerText, intent, phrases)
    .slice(0, limit)
    .map((s) => s.phrase);
}

export type Suggestion<Q, F> = { source: "quick_reply"; item: Q; score: number } | { source: "faq"; item: F; score: number };

const sameText = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, "");

/**
 * The team's phrases and the FAQ's approved answers (ranked on the server by the
 * question's words, the intent and the chat's products) in one list, best first. The
 * script library is loaded as both, so one text offered twice is shown once, as the FAQ
 * answer (its use is counted).
 */
export function mergeSuggestions<Q extends { text: string }, F extends { answer: string }>(
  replies: readonly { phrase: Q; score: number }[],
  faq: readonly { entry: F; score: number }[],
  limit = 3,
): Suggestion<Q, F>[] {
  const all: Suggestion<Q, F>[] = [
    ...faq.map((f) => ({ source: "faq" as const, item: f.entry, score: f.score })),
    ...replies.map((r) => ({ source: "quick_reply" as const, item: r.phrase, score: r.score })),
  ];
  const byText = new Map<string, Suggestion<Q, F>[]>();
  for (const s of [...all].sort((a, b) => b.score - a.score)) {
    const key = sameText(s.source === "faq" ? s.item.answer : s.item.text);
    byText.set(key, [...(byText.get(key) ?? []), s]);
  }
  const best = [...byText.values()].map((same) => ({ ...(same.find((s) => s.source === "faq") ?? same[0]!), score: same[0]!.score }));
  return best.sort((a, b) => b.score - a.score || (a.source === b.source ? 0 : a.source === "faq" ? -1 : 1)).slice(0, limit);
}
