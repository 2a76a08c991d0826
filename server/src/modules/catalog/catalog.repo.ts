// All SQL of the catalog but the import's batches (catalog-import.ts). Every query is
// scoped by workspace; products are found by QinDesk id or the shop's own (external) id.
import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import type { ProductCard } from "../conversations/chat-protocol";
import { products, skus } from "./catalog.schema";
import { productMatch } from "./product-search";

export type ProductRow = typeof products.$inferSelect;
export type SkuRow = typeof skus.$inferSelect;

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

/** The shop's products on sale (the shop page, the widget's product list). */
export function listShopProducts(db: Db, workspaceId: string, shopId: string): Promise<ProductRow[]> {
  return db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), isNull(products.archivedAt)))
    .orderBy(asc(products.createdAt), asc(products.id));
}

/** The card a chat message carries for a product of this shop on sale, or null. */
export async function findProductCard(db: Db, workspaceId: string, shopId: string, productId: string): Promise<ProductCard | null> {
  const [row] = await db
    .select()
    .from(products)
    .where(
      and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), isNull(products.archivedAt), or(eq(products.id, productId), eq(products.externalId, productId))),
    )
    .limit(1);
  if (!row) return null;
  return { productId: row.id, title: row.title, priceCents: row.promoPriceCents ?? row.priceCents, imageUrl: row.imageUrl };
}

/** Every SKU of a product, off-sale ones too, in the shop's order. */
export function listSkus(db: Db, workspaceId: string, productId: string) {
  return db
    .select()
    .from(skus)
    .where(and(eq(skus.workspaceId, workspaceId), eq(skus.productId, productId)))
    .orderBy(asc(skus.position), asc(skus.id));
}

export async function findProduct(db: Db, workspaceId: string, idOrExternalId: string, options: { forUpdate?: boolean } = {}): Promise<ProductRow | null> {
  const query = db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), or(eq(products.id, idOrExternalId), eq(products.externalId, idOrExternalId))))
    .orderBy(sql`${products.id} = ${idOrExternalId} desc`)
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export interface StockSummary {
  real: number;
  displayed: number | null;
  skus: number;
  soldOut: number;
}

export type ProductListRow = ProductRow & { stockSummary: StockSummary };

export interface ListFilter {
  shopId: string;
  q?: string;
  category?: string;
  archived: "exclude" | "only" | "include";
  limit: number;
  offset: number;
}

/** Totals over the SKUs on sale of these products; displayed stock is null when no SKU has one. */
export async function stockSummaries(db: Db, productIds: string[]): Promise<Map<string, StockSummary>> {
  const out = new Map<string, StockSummary>();
  if (productIds.length === 0) return out;
  const rows = await db
    .select({
      productId: skus.productId,
      real: sql<number>`coalesce(sum(${skus.stock}), 0)::int`,
      displayed: sql<number | null>`sum(${skus.displayedStock})::int`,
      count: sql<number>`count(*)::int`,
      soldOut: sql<number>`(count(*) filter (where ${skus.stock} = 0))::int`,
    })
    .from(skus)
    .where(and(inArray(skus.productId, productIds), isNull(skus.archivedAt)))
    .groupBy(skus.productId);
  for (const r of rows) out.set(r.productId, { real: r.real, displayed: r.displayed, skus: r.count, soldOut: r.soldOut });
  return out;
}

const NO_STOCK: StockSummary = { real: 0, displayed: null, skus: 0, soldOut: 0 };

export async function listProducts(db: Db, workspaceId: string, filter: ListFilter): Promise<{ rows: ProductListRow[]; total: number }> {
  const match = filter.q ? productMatch(filter.q) : null;
  const archived = filter.archived === "exclude" ? isNull(products.archivedAt) : filter.archived === "only" ? isNotNull(products.archivedAt) : undefined;
  const where: SQL | undefined = and(
    eq(products.workspaceId, workspaceId),
    eq(products.shopId, filter.shopId),
    filter.category ? eq(products.category, filter.category) : undefined,
    archived,
    match?.where,
  );
  // The total comes with the page (one scan), as the rank needs every match anyway.
  const page = await db
    .select({ product: products, total: sql<number>`(count(*) over ())::int` })
    .from(products)
    .where(where)
    .orderBy(...(match ? [match.rank] : []), asc(products.createdAt), asc(products.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const rows = page.map((r) => r.product);
  const total = page[0]?.total ?? (filter.offset === 0 ? 0 : ((await db.select({ n: sql<number>`count(*)::int` }).from(products).where(where))[0]?.n ?? 0));
  const stock = await stockSummaries(db, rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, stockSummary: stock.get(r.id) ?? NO_STOCK })), total };
}

export async function stockSummaryOf(db: Db, productId: string): Promise<StockSummary> {
  return (await stockSummaries(db, [productId])).get(productId) ?? NO_STOCK;
}

/** The shop's categories (of products on sale) with how many products each has. */
export function listCategories(db: Db, workspaceId: string, shopId: string) {
  return db
    .select({ category: products.category, count: sql<number>`count(*)::int` })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), isNull(products.archivedAt)))
    .groupBy(products.category)
    .orderBy(asc(products.category));
}

/** SKUs of the workspace with these QinDesk or external ids. */
export function findSkusByIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as SkuRow[]);
  return db
    .select()
    .from(skus)
    .where(and(eq(skus.workspaceId, workspaceId), or(inArray(skus.id, ids), inArray(skus.externalId, ids))));
}

/** Is this external id taken by another product (or SKU) of the workspace? */
export async function externalIdTaken(db: Db, workspaceId: string, table: "products" | "skus", externalId: string, exceptId: string | null): Promise<boolean> {
  const t = table === "products" ? products : skus;
  const [row] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.workspaceId, workspaceId), eq(t.externalId, externalId), exceptId ? sql`${t.id} <> ${exceptId}` : undefined))
    .limit(1);
  return row !== undefined;
}
