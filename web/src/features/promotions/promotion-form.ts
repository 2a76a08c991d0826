// The promotion form in the shop's words (yuan, a window in shop time) and the API's
// (fen, "YYYY-MM-DDTHH:mm"), both ways; pure, so it is tested without a browser.
import type { Promotion, PromotionDraft, PromotionKind, PromotionScope } from "./promotions-api";

export interface TierValues {
  threshold?: number | null;
  amountOff?: number | null;
}

export interface PromotionFormValues {
  kind: PromotionKind;
  name?: string;
  /** Yuan: 满减 tiers. */
  tiers?: TierValues[];
  /** Yuan: a coupon's or free shipping's threshold (0 = a coupon without one). */
  threshold?: number | null;
  /** Yuan off with a coupon. */
  amountOff?: number | null;
  minQuantity?: number | null;
  gift?: string;
  giftQuantity?: number | null;
  /** Shop wall-clock "YYYY-MM-DDTHH:mm"; no end runs until switched off. */
  startsAt?: string | null;
  endsAt?: string | null;
  scopeType: PromotionScope["type"];
  categories?: string[];
  productIds?: string[];
  enabled: boolean;
}

/** Yuan as typed (up to 2 decimals) to whole fen. */
export const toFen = (yuan: number | null | undefined): number => Math.round((yuan ?? 0) * 100);
const toYuan = (fen: unknown): number | null => (typeof fen === "number" ? fen / 100 : null);

export const EMPTY_FORM: PromotionFormValues = { kind: "full_reduction", tiers: [{}], scopeType: "shop", enabled: true, giftQuantity: 1, minQuantity: 2 };

export function formValuesOf(promotion: Promotion | null): PromotionFormValues {
  if (!promotion) return EMPTY_FORM;
  const p = promotion.params;
  const scope = promotion.scope;
  return {
    kind: promotion.kind,
    name: promotion.name,
    tiers: Array.isArray(p.tiers) ? (p.tiers as { thresholdCents: number; amountOffCents: number }[]).map((t) => ({ threshold: toYuan(t.thresholdCents), amountOff: toYuan(t.amountOffCents) })) : [{}],
    threshold: toYuan(p.thresholdCents),
    amountOff: toYuan(p.amountOffCents),
    minQuantity: typeof p.minQuantity === "number" ? p.minQuantity : 2,
    gift: typeof p.gift === "string" ? p.gift : undefined,
    giftQuantity: typeof p.giftQuantity === "number" ? p.giftQuantity : 1,
    startsAt: promotion.startsAt,
    endsAt: promotion.endsAt,
    scopeType: scope.type,
    categories: scope.type === "category" ? scope.categories : [],
    productIds: scope.type === "product" ? scope.productIds : [],
    enabled: promotion.enabled,
  };
}

function paramsOf(v: PromotionFormValues): Record<string, unknown> {
  switch (v.kind) {
    case "full_reduction":
      return { tiers: (v.tiers ?? []).map((t) => ({ thresholdCents: toFen(t.threshold), amountOffCents: toFen(t.amountOff) })) };
    case "coupon":
      return { thresholdCents: toFen(v.threshold), amountOffCents: toFen(v.amountOff) };
    case "gift":
      return { minQuantity: v.minQuantity ?? 0, gift: (v.gift ?? "").trim(), giftQuantity: v.giftQuantity ?? 1 };
    case "free_shipping":
      return { thresholdCents: toFen(v.threshold) };
  }
}

function scopeOf(v: PromotionFormValues): PromotionScope {
  switch (v.scopeType) {
    case "shop":
      return { type: "shop" };
    case "category":
      return { type: "category", categories: v.categories ?? [] };
    case "product":
      return { type: "product", productIds: v.productIds ?? [] };
  }
}

/** The body the API takes; the server checks it (and names the field it refuses). */
export function draftOf(v: PromotionFormValues): PromotionDraft {
  return {
    kind: v.kind,
    name: (v.name ?? "").trim(),
    params: paramsOf(v),
    scope: scopeOf(v),
    startsAt: v.startsAt ?? "",
    endsAt: v.endsAt ?? null,
    enabled: v.enabled,
  };
}

/** The form item a refused API field belongs to ("params.tiers.1.amountOffCents" → ["tiers", 1, "amountOff"]). */
export function formFieldOf(field: string): (string | number)[] | null {
  const tier = /^params\.tiers\.(\d+)\.(thresholdCents|amountOffCents)$/.exec(field);
  if (tier) return ["tiers", Number(tier[1]), tier[2] === "thresholdCents" ? "threshold" : "amountOff"];
  const param = /^params\.(\w+)/.exec(field);
  if (param) return [param[1]!.replace(/Cents$/, "")];
  if (field === "startsAt" || field === "endsAt") return ["window"];
  if (field.startsWith("scope.categories")) return ["categories"];
  if (field.startsWith("scope.productIds")) return ["productIds"];
  return field === "name" ? ["name"] : null;
}
