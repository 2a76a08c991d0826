import { and, asc, eq, or } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import type { ProductCard } from "../conversations/chat-protocol";
import { products, skus } from "./catalog.schema";

export type ProductRow = typeof products.$inferSelect;

export interface NewProduct {
  title: string;
  category: string;
  priceCents: number;
  promoPriceCents?: number | null;
  floorPriceCents?: number | null;
  attributes?: Record<string, unknown>;
  imageUrl?: string | null;
  externalId?: string | null;
  skus: { color?: string | null; size?: string | null; stock: number; displayedStock?: number | null; externalId?: string | null }[];
}

export async function createProduct(db: Db, workspaceId: string, shopId: string, product: NewProduct): Promise<ProductRow> {
  const { skus: skuList, ...fields } = product;
  const [row] = await db
    .insert(products)
    .values({ id: newId("prod"), workspaceId, shopId, ...fields })
    .returning();
  if (skuList.length > 0) {
    await db.insert(skus).values(skuList.map((s, position) => ({ id: newId("sku"), workspaceId, productId: row!.id, position, ...s })));
  }
  return row!;
}

export function listShopProducts(db: Db, workspaceId: string, shopId: string): Promise<ProductRow[]> {
  return db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId)))
    .orderBy(asc(products.createdAt), asc(products.id));
}

/** The card a chat message carries for a product of this shop, or null. */
export async function findProductCard(db: Db, workspaceId: string, shopId: string, productId: string): Promise<ProductCard | null> {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), or(eq(products.id, productId), eq(products.externalId, productId))))
    .limit(1);
  if (!row) return null;
  return { productId: row.id, title: row.title, priceCents: row.promoPriceCents ?? row.priceCents, imageUrl: row.imageUrl };
}

export function listSkus(db: Db, workspaceId: string, productId: string) {
  return db
    .select()
    .from(skus)
    .where(and(eq(skus.workspaceId, workspaceId), eq(skus.productId, productId)))
    .orderBy(asc(skus.position), asc(skus.id));
}
