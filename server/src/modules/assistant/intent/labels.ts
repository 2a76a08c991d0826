// The label sets of CONTRACTS.md §6, in the contract's order. Outside checks compare
// these strings exactly, so they are spelled here once and imported everywhere else.

export const INTENTS = [
  "greeting",
  "product_question",
  "size_fit",
  "color_difference",
  "material_quality",
  "stock",
  "bargain",
  "gift_or_free_shipping",
  "discount_coupon",
  "payment_safety",
  "shipping_time",
  "courier_choice",
  "order_status",
  "logistics_stuck",
  "address_change",
  "wrong_item",
  "damaged_defective",
  "return_exchange_refund",
  "complaint",
  "usage_care",
  "authenticity",
  "other",
] as const;

export type Intent = (typeof INTENTS)[number];

export const SENTIMENTS = ["negative", "neutral", "positive"] as const;

export type Sentiment = (typeof SENTIMENTS)[number];

export const LANGUAGES = ["zh", "en", "ko"] as const;

export type Language = (typeof LANGUAGES)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

export function isSentiment(value: unknown): value is Sentiment {
  return typeof value === "string" && (SENTIMENTS as readonly string[]).includes(value);
}
