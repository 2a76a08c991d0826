import { and, asc, eq, or } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { newToken } from "../../platform/auth/tokens";
import { shops, workspaces } from "./workspace.schema";

export type ShopRow = typeof shops.$inferSelect;

export async function createWorkspace(db: Db, name: string): Promise<string> {
  const id = newId("ws");
  await db.insert(workspaces).values({ id, name });
  return id;
}

export async function createShop(
  db: Db,
  workspaceId: string,
  shop: { name: string; platform?: string; timezone?: string; currency?: string; externalId?: string; settings?: Record<string, unknown> },
): Promise<ShopRow> {
  const [row] = await db
    .insert(shops)
    .values({ id: newId("shop"), workspaceId, widgetSecret: newToken(32), ...shop })
    .returning();
  return row!;
}

export async function updateShop(db: Db, workspaceId: string, id: string, patch: Partial<typeof shops.$inferInsert>): Promise<ShopRow | null> {
  const [row] = await db
    .update(shops)
    .set(patch)
    .where(and(eq(shops.workspaceId, workspaceId), eq(shops.id, id)))
    .returning();
  return row ?? null;
}

export function listShops(db: Db, workspaceId: string): Promise<ShopRow[]> {
  return db.select().from(shops).where(eq(shops.workspaceId, workspaceId)).orderBy(asc(shops.createdAt), asc(shops.id));
}

/** A shop of the workspace by QinDesk id or by the interchange file's id. */
export async function findShop(db: Db, workspaceId: string, idOrExternalId: string): Promise<ShopRow | null> {
  const [row] = await db
    .select()
    .from(shops)
    .where(and(eq(shops.workspaceId, workspaceId), or(eq(shops.id, idOrExternalId), eq(shops.externalId, idOrExternalId))))
    .limit(1);
  return row ?? null;
}

/** For the public widget, which knows only the shop id. */
export async function findShopById(db: Db, id: string): Promise<ShopRow | null> {
  const [row] = await db.select().from(shops).where(eq(shops.id, id)).limit(1);
  return row ?? null;
}

export async function firstWorkspaceId(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
  return row?.id ?? null;
}

export function publicShop(shop: ShopRow) {
  return { id: shop.id, name: shop.name, platform: shop.platform, timezone: shop.timezone, currency: shop.currency };
}
