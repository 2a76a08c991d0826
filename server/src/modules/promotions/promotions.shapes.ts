// The one zod source for a promotion as the API takes it: amounts are positive whole fen,
// a window ends after it starts, each kind's params are its own strict shape.
import { z } from "zod";
import { parseLocalTime } from "./window";

/** ¥1,000,000 at most: bigger is surely a typo in yuan-vs-fen. */
const MAX_FEN = 100_000_000;
const fen = z.number().int().positive().max(MAX_FEN);

export const shopTime = z.string().refine((s) => parseLocalTime(s) !== null, "a shop time as YYYY-MM-DDTHH:mm");

export const scopeShape = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("shop") }),
  z.strictObject({ type: z.literal("category"), categories: z.array(z.string().trim().min(1).max(50)).min(1).max(50) }),
  z.strictObject({ type: z.literal("product"), productIds: z.array(z.string().min(1).max(100)).min(1).max(200) }),
]);

const tiers = z
  .array(z.strictObject({ thresholdCents: fen, amountOffCents: fen }))
  .min(1)
  .max(10)
  .superRefine((list, ctx) => {
    list.forEach((tier, i) => {
      if (tier.amountOffCents >= tier.thresholdCents) ctx.addIssue({ code: "custom", path: [i, "amountOffCents"], message: "must be less than the tier's threshold" });
      const before = list[i - 1];
      if (before && tier.thresholdCents <= before.thresholdCents) ctx.addIssue({ code: "custom", path: [i, "thresholdCents"], message: "tiers go up: each threshold above the one before" });
      else if (before && tier.amountOffCents <= before.amountOffCents) ctx.addIssue({ code: "custom", path: [i, "amountOffCents"], message: "a higher tier takes more off" });
    });
  });

export const paramsShapes = {
  full_reduction: z.strictObject({ tiers }),
  coupon: z
    .strictObject({ thresholdCents: z.number().int().min(0).max(MAX_FEN), amountOffCents: fen })
    .refine((p) => p.thresholdCents === 0 || p.amountOffCents <= p.thresholdCents, { path: ["amountOffCents"], message: "no more than the threshold" }),
  gift: z.strictObject({ minQuantity: z.number().int().min(1).max(99), gift: z.string().trim().min(1).max(50), giftQuantity: z.number().int().min(1).max(99).default(1) }),
  free_shipping: z.strictObject({ thresholdCents: fen }),
};

const common = {
  name: z.string().trim().min(1).max(50),
  startsAt: shopTime,
  endsAt: shopTime.nullable().default(null),
  scope: scopeShape.default({ type: "shop" }),
  enabled: z.boolean().default(true),
};

const terms = <K extends keyof typeof paramsShapes>(kind: K) => z.strictObject({ ...common, kind: z.literal(kind), params: paramsShapes[kind] });

/** End after start, both in shop time: the same strings order as the times they name. */
const windowInOrder = (p: { startsAt: string; endsAt: string | null }) => p.endsAt === null || p.endsAt > p.startsAt;
const WINDOW_ORDER = { path: ["endsAt"], message: "the end must come after the start" };

export const promotionShape = z
  .discriminatedUnion("kind", [terms("full_reduction"), terms("coupon"), terms("gift"), terms("free_shipping")])
  .refine(windowInOrder, WINDOW_ORDER);
export type PromotionInput = z.output<typeof promotionShape>;

export const createPromotionBody = z
  .discriminatedUnion("kind", [
    terms("full_reduction").extend({ shopId: z.string().min(1).max(100) }),
    terms("coupon").extend({ shopId: z.string().min(1).max(100) }),
    terms("gift").extend({ shopId: z.string().min(1).max(100) }),
    terms("free_shipping").extend({ shopId: z.string().min(1).max(100) }),
  ])
  .refine(windowInOrder, WINDOW_ORDER);

/** A change: any fields; the result is checked whole against promotionShape. */
export const patchPromotionBody = z.strictObject({
  name: z.string().optional(),
  kind: z.enum(["full_reduction", "coupon", "gift", "free_shipping"]).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().nullable().optional(),
  scope: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});

export const chosenItemShape = z
  .strictObject({
    productId: z.string().min(1).max(100).optional(),
    category: z.string().trim().min(1).max(50).optional(),
    unitPriceCents: z.number().int().min(0).max(MAX_FEN).optional(),
    quantity: z.number().int().min(1).max(999).default(1),
  })
  .refine((i) => i.productId !== undefined || i.unitPriceCents !== undefined, { path: ["unitPriceCents"], message: "give a productId or a unit price" });

export const evaluateBody = z
  .strictObject({
    shopId: z.string().min(1).max(100),
    items: z.array(chosenItemShape).max(100),
    /** An instant, or… */
    at: z.iso.datetime({ offset: true }).optional(),
    /** …the shop's wall-clock time ("what if it were 双11 00:00"); now when neither. */
    atShopTime: shopTime.optional(),
    shippingFeeCents: z.number().int().min(0).max(MAX_FEN).optional(),
  })
  .refine((b) => b.at === undefined || b.atShopTime === undefined, { path: ["atShopTime"], message: "give at or atShopTime, not both" });
