// Promotions for the API and the quick-reply variables: stored rows as the workbench
// reads them, chosen items priced from the catalogue, and the engine's answer.
import type { Db } from "../../platform/db/database";
import { HttpError } from "../../platform/http/errors";
import { describePromotion, promotionEndText } from "./describe";
import { activePromotions, evaluatePromotions } from "./engine";
import { listPromotions, productsOf, ruleOf, type PromotionRow } from "./promotions.repo";
import type { ChosenItem, Evaluation, PromotionRule } from "./types";
import { isActiveAt, shopInstant } from "./window";

export type PromotionState = "disabled" | "scheduled" | "running" | "ended";

function stateOf(rule: PromotionRule, at: number, timeZone: string): PromotionState {
  if (!rule.enabled) return "disabled";
  if (isActiveAt(rule, at, timeZone)) return "running";
  return at < shopInstant(rule.startsAt, timeZone) ? "scheduled" : "ended";
}

/** A stored promotion as the API answers it: the window in shop time and as instants, and its state now. */
export function promotionView(row: PromotionRow, timeZone: string, at = Date.now()) {
  const rule = ruleOf(row);
  return {
    id: row.id,
    shopId: row.shopId,
    kind: row.kind,
    name: row.name,
    params: row.params,
    scope: row.scope,
    enabled: row.enabled,
    startsAt: row.startsLocal,
    endsAt: row.endsLocal,
    timeZone,
    startsAtInstant: new Date(shopInstant(row.startsLocal, timeZone)).toISOString(),
    endsAtInstant: row.endsLocal === null ? null : new Date(shopInstant(row.endsLocal, timeZone)).toISOString(),
    state: stateOf(rule, at, timeZone),
    description: describePromotion(rule),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface ItemRequest {
  productId?: string | undefined;
  category?: string | undefined;
  unitPriceCents?: number | undefined;
  quantity: number;
}

/**
 * Chosen items with their category and price: a product's come from the catalogue (its
 * promotional price when it has one) unless the caller names a price; an item without a
 * product is taken as given. An unknown product is a 400 naming the item.
 */
export async function pricedItems(db: Db, workspaceId: string, shopId: string, items: ItemRequest[], options: { skipUnknown?: boolean } = {}): Promise<ChosenItem[]> {
  const ids = [...new Set(items.flatMap((i) => (i.productId ? [i.productId] : [])))];
  const found = new Map((await productsOf(db, workspaceId, shopId, ids)).map((p) => [p.id, p]));
  return items.flatMap((item, i): ChosenItem[] => {
    if (!item.productId) return [{ productId: null, category: item.category ?? null, unitPriceCents: item.unitPriceCents!, quantity: item.quantity }];
    const product = found.get(item.productId);
    if (!product && options.skipUnknown) return [];
    if (!product) throw new HttpError(400, "invalid", "No such product in this shop", `items.${i}.productId`);
    return [{ productId: product.id, category: product.category, unitPriceCents: item.unitPriceCents ?? product.promoPriceCents ?? product.priceCents, quantity: item.quantity }];
  });
}

export async function shopRules(db: Db, workspaceId: string, shopId: string): Promise<PromotionRule[]> {
  return (await listPromotions(db, workspaceId, shopId)).map(ruleOf);
}

export async function evaluateForShop(
  db: Db,
  workspaceId: string,
  shop: { id: string; timezone: string },
  items: ItemRequest[],
  at: number,
  shippingFeeCents?: number,
): Promise<Evaluation> {
  const [rules, chosen] = await Promise.all([shopRules(db, workspaceId, shop.id), pricedItems(db, workspaceId, shop.id, items)]);
  return evaluatePromotions(rules, { items: chosen, at, timeZone: shop.timezone, shippingFeeCents: shippingFeeCents ?? null });
}

/**
 * {promotion} and {promotion_end} for a conversation about `productIds` (its product
 * cards, one of each): the applying promotion that saves most, else the nearest close
 * one; with no product, the running shop-wide promotion that ends first. null when there
 * is none (or it has no end): the reply then shows the variable for the agent to fill.
 */
export async function promotionVariables(
  db: Db,
  workspaceId: string,
  shop: { id: string; timezone: string },
  productIds: string[],
  at: number,
): Promise<{ promotion: string | null; promotionEnd: string | null }> {
  const rules = await shopRules(db, workspaceId, shop.id);
  // A card of a product since deleted says nothing about prices now.
  const cards = [...new Set(productIds)].map((productId) => ({ productId, quantity: 1 }));
  const chosen = await pricedItems(db, workspaceId, shop.id, cards, { skipUnknown: true });
  const result = evaluatePromotions(rules, { items: chosen, at, timeZone: shop.timezone });
  const best = [...result.applies].sort((a, b) => (b.savingCents ?? 0) - (a.savingCents ?? 0))[0] ?? result.close[0];
  let rule = best ? rules.find((r) => r.id === best.promotionId) : undefined;
  if (!rule && chosen.length === 0) {
    const endMs = (r: PromotionRule) => (r.endsAt === null ? Infinity : shopInstant(r.endsAt, shop.timezone));
    rule = activePromotions(rules, at, shop.timezone)
      .filter((r) => r.scope.type === "shop")
      .sort((a, b) => endMs(a) - endMs(b))[0];
  }
  if (!rule) return { promotion: null, promotionEnd: null };
  return { promotion: describePromotion(rule), promotionEnd: rule.endsAt === null ? null : promotionEndText(rule.endsAt) };
}
