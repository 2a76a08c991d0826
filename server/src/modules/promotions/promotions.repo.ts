// All SQL of promotions, every query scoped by workspace.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { products } from "../catalog";
import { promotions } from "./promotions.schema";
import type { PromotionInput } from "./promotions.shapes";
import type { PromotionRule } from "./types";

export type PromotionRow = typeof promotions.$inferSelect;

/** The engine's view of a stored row (params were validated on the way in). */
export function ruleOf(row: PromotionRow): PromotionRule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    startsAt: row.startsLocal,
    endsAt: row.endsLocal,
    scope: row.scope,
    kind: row.kind,
    params: row.params,
  } as unknown as PromotionRule;
}

export function listPromotions(db: Db, workspaceId: string, shopId?: string): Promise<PromotionRow[]> {
  return db
    .select()
    .from(promotions)
    .where(and(eq(promotions.workspaceId, workspaceId), shopId ? eq(promotions.shopId, shopId) : undefined))
    .orderBy(asc(promotions.startsLocal), asc(promotions.id));
}

export async function findPromotion(db: Db, workspaceId: string, id: string): Promise<PromotionRow | null> {
  const [row] = await db
    .select()
    .from(promotions)
    .where(and(eq(promotions.workspaceId, workspaceId), eq(promotions.id, id)))
    .limit(1);
  return row ?? null;
}

const columnsOf = (p: PromotionInput) => ({
  kind: p.kind,
  name: p.name,
  params: p.params as Record<string, unknown>,
  startsLocal: p.startsAt,
  endsLocal: p.endsAt,
  scope: p.scope,
  enabled: p.enabled,
});

export async function insertPromotion(db: Db, workspaceId: string, shopId: string, p: PromotionInput): Promise<PromotionRow> {
  const [row] = await db
    .insert(promotions)
    .values({ id: newId("promo"), workspaceId, shopId, ...columnsOf(p) })
    .returning();
  return row!;
}

export async function updatePromotion(db: Db, workspaceId: string, id: string, p: PromotionInput): Promise<PromotionRow | null> {
  const [row] = await db
    .update(promotions)
    .set({ ...columnsOf(p), updatedAt: new Date() })
    .where(and(eq(promotions.workspaceId, workspaceId), eq(promotions.id, id)))
    .returning();
  return row ?? null;
}

export async function deletePromotion(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(promotions).where(and(eq(promotions.workspaceId, workspaceId), eq(promotions.id, id)));
}

/** The shop's products among `ids` (id, category and prices), for pricing chosen items and checking scopes. */
export function productsOf(db: Db, workspaceId: string, shopId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: products.id, title: products.title, category: products.category, priceCents: products.priceCents, promoPriceCents: products.promoPriceCents })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), inArray(products.id, ids)));
}
