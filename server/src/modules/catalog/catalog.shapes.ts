// The catalog's request and answer shapes (validation, 400 naming the field, OpenAPI).
// Money is integer fen; stock a whole number of pieces, never below zero.
import { z } from "zod";
import { knowledgeShape } from "./knowledge";

/** ¥1,000,000 in fen: above any garment, below integer overflow in sums. */
export const MAX_MONEY = 100_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_SKUS = 300;

export const money = z.number().int().min(0).max(MAX_MONEY);
export const count = z.number().int().min(0).max(MAX_STOCK);
const id = z.string().trim().min(1).max(100);
const label = (max: number) => z.string().trim().max(max);

/** An https/http picture link, or one uploaded here (POST /api/v1/products/images). */
export const IMAGE_PATH = /^\/api\/product-images\/[a-z]+_[0-9a-z]{20,40}$/;
export const imageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((url) => IMAGE_PATH.test(url) || /^https?:\/\/[^\s"'<>]+$/i.test(url), "an http(s) link or an uploaded picture");

export const productShape = z.object({
  id: z.string(),
  shopId: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  priceCents: z.number().int(),
  promoPriceCents: z.number().int().nullable(),
  /** null unless the caller may see floor prices (or the product has none). */
  floorPriceCents: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  /** As stored, for older readers; `knowledge` is the checked shape. */
  attributes: z.record(z.string(), z.unknown()),
  knowledge: knowledgeShape,
  archived: z.boolean(),
  updatedAt: z.string(),
  /** Over the SKUs on sale: real stock (the warehouse) and what the shop page shows. */
  stock: z.object({ real: z.number().int(), displayed: z.number().int().nullable(), skus: z.number().int(), soldOut: z.number().int() }),
});

export const skuShape = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  color: z.string().nullable(),
  size: z.string().nullable(),
  /** Real stock. */
  stock: z.number().int(),
  displayedStock: z.number().int().nullable(),
  archived: z.boolean(),
});

export const newSkuShape = z.strictObject({
  externalId: id.nullable().optional(),
  color: label(30).nullable().optional(),
  size: label(20).nullable().optional(),
  stock: count,
  displayedStock: count.nullable().optional(),
});

const productFields = {
  externalId: id.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(50),
  priceCents: money.min(1),
  promoPriceCents: money.min(1).nullable().optional(),
  floorPriceCents: money.nullable().optional(),
  imageUrl: imageUrl.nullable().optional(),
  knowledge: knowledgeShape.optional(),
};

export const createProductBody = z.strictObject({
  shopId: id,
  ...productFields,
  skus: z.array(newSkuShape).min(1).max(MAX_SKUS),
});

export const patchProductBody = z.strictObject({
  externalId: productFields.externalId,
  title: productFields.title.optional(),
  category: productFields.category.optional(),
  priceCents: productFields.priceCents.optional(),
  promoPriceCents: productFields.promoPriceCents,
  floorPriceCents: productFields.floorPriceCents,
  imageUrl: productFields.imageUrl,
  knowledge: productFields.knowledge,
  /** true takes it off sale (kept for orders); false puts it back. */
  archived: z.boolean().optional(),
});

export const patchSkuBody = z.strictObject({
  externalId: id.nullable().optional(),
  color: label(30).nullable().optional(),
  size: label(20).nullable().optional(),
  archived: z.boolean().optional(),
});

export const stockBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        skuId: id,
        stock: count.optional(),
        /** The real stock the editor saw: if an order took some since, 409 stock_changed. */
        expectedStock: count.optional(),
        displayedStock: count.nullable().optional(),
      }),
    )
    .min(1)
    .max(MAX_SKUS),
});

export type ProductView = z.output<typeof productShape>;
export type SkuView = z.output<typeof skuShape>;
export type NewSkuInput = z.output<typeof newSkuShape>;

export interface PriceIssue {
  field: "promoPriceCents" | "floorPriceCents";
  code: "promo_above_price" | "floor_above_price";
  message: string;
}

/** A promotional price above the price, or a floor above what the buyer pays, is a typo. */
export function priceIssue(p: { priceCents: number; promoPriceCents?: number | null; floorPriceCents?: number | null }): PriceIssue | null {
  const selling = p.promoPriceCents ?? p.priceCents;
  if (p.promoPriceCents != null && p.promoPriceCents > p.priceCents) {
    return { field: "promoPriceCents", code: "promo_above_price", message: "the promotional price is above the price" };
  }
  if (p.floorPriceCents != null && p.floorPriceCents > selling) {
    return { field: "floorPriceCents", code: "floor_above_price", message: "the floor price is above the selling price" };
  }
  return null;
}

/** The key that makes two SKUs of a product the same variant. */
export const variantKey = (s: { color?: string | null; size?: string | null }) => `${s.color ?? ""}\n${s.size ?? ""}`;
