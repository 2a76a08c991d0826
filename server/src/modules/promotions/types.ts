// Shapes of the promotions engine. Pure types: the workbench imports them too.
// Money is integer fen; windows are the shop's wall-clock time ("YYYY-MM-DDTHH:mm"),
// turned into instants with the shop's IANA zone when evaluated.

/** In the order the engine applies them (README.md). */
export const PROMOTION_KINDS = ["full_reduction", "coupon", "gift", "free_shipping"] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export type PromotionScope =
  | { type: "shop" }
  | { type: "category"; categories: string[] }
  | { type: "product"; productIds: string[] };

export interface ReductionTier {
  thresholdCents: number;
  amountOffCents: number;
}

/** 满减: spend a tier's threshold on the items in scope, that much off. Tiers ascend. */
export interface FullReductionParams {
  tiers: ReductionTier[];
}

/** A shop coupon (店铺优惠券): amount off once the items in scope reach the threshold (0 = no threshold). */
export interface CouponParams {
  thresholdCents: number;
  amountOffCents: number;
}

/** 买两件送袜子: buy `minQuantity` items in scope, get `giftQuantity` × `gift`. */
export interface GiftParams {
  minQuantity: number;
  gift: string;
  giftQuantity: number;
}

/** 满99包邮: postage waived once the items in scope, after discounts, reach the threshold. */
export interface FreeShippingParams {
  thresholdCents: number;
}

export type PromotionTerms =
  | { kind: "full_reduction"; params: FullReductionParams }
  | { kind: "coupon"; params: CouponParams }
  | { kind: "gift"; params: GiftParams }
  | { kind: "free_shipping"; params: FreeShippingParams };

export type PromotionRule = PromotionTerms & {
  id: string;
  name: string;
  enabled: boolean;
  /** Shop wall-clock time, inclusive. */
  startsAt: string;
  /** Shop wall-clock time, exclusive; null runs until switched off. */
  endsAt: string | null;
  scope: PromotionScope;
};

/** One line of what the buyer is choosing. */
export interface ChosenItem {
  productId: string | null;
  category: string | null;
  unitPriceCents: number;
  quantity: number;
}

export interface EvaluationInput {
  items: ChosenItem[];
  /** The instant to judge windows at (epoch ms). */
  at: number;
  /** The shop's IANA zone: windows are its wall-clock times. */
  timeZone: string;
  /** The postage a buyer would pay, when known: the saving of free shipping. */
  shippingFeeCents?: number | null;
}

/** What a piece of workbench text says: an i18n key and its parameters (money in fen). */
export interface Wording {
  key: string;
  params: Record<string, string | number>;
}

export interface AppliedPromotion extends Wording {
  promotionId: string;
  name: string;
  kind: PromotionKind;
  /** Money off; null for a gift, and for free shipping when the postage is not known. */
  savingCents: number | null;
  /** The window's end in shop wall-clock time (exclusive), or null. */
  endsAt: string | null;
}

export interface ClosePromotion extends Wording {
  promotionId: string;
  name: string;
  kind: PromotionKind;
  /** Spend this much more on items in scope and it applies (amount kinds). */
  missingCents: number | null;
  /** Buy this many more items in scope and it applies (gifts). */
  missingQuantity: number | null;
  /** What it would then give, as for AppliedPromotion. */
  savingCents: number | null;
  endsAt: string | null;
}

export interface Evaluation {
  subtotalCents: number;
  /** 满减 and coupon together. */
  discountCents: number;
  totalCents: number;
  freeShipping: boolean;
  applies: AppliedPromotion[];
  /** Nearest first. */
  close: ClosePromotion[];
}
