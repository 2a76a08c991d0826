// Catalog changes from the workbench: products, their SKUs and stock by hand. Each change
// runs in one transaction and is audited; stock set by hand names who, from and to
// (seed 000: the real stock is what agents promise from). A hand edit of stock carries the
// value the editor saw, so an order that took pieces meanwhile is not silently undone.
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import { findShop } from "../workspace";
import { externalIdTaken, findProduct, listSkus, stockSummaryOf, type ProductRow, type SkuRow, type StockSummary } from "./catalog.repo";
import { productImages, products, skus } from "./catalog.schema";
import { IMAGE_PATH, priceIssue, variantKey, type NewSkuInput, type ProductView, type SkuView } from "./catalog.shapes";
import { compactKnowledge, readKnowledge, withKnowledge, type Knowledge } from "./knowledge";
import { refreshSearchTokens } from "./product-search";

export const canSeeFloor = (auth: AuthContext) => auth.abilities.has("products.view_floor_price");

export function productView(row: ProductRow, stock: StockSummary, auth: AuthContext): ProductView {
  return {
    id: row.id,
    shopId: row.shopId,
    externalId: row.externalId,
    title: row.title,
    category: row.category,
    priceCents: row.priceCents,
    promoPriceCents: row.promoPriceCents,
    floorPriceCents: canSeeFloor(auth) ? row.floorPriceCents : null,
    imageUrl: row.imageUrl,
    attributes: row.attributes,
    knowledge: readKnowledge(row.attributes),
    archived: row.archivedAt !== null,
    updatedAt: row.updatedAt.toISOString(),
    stock,
  };
}

export const skuView = (s: SkuRow): SkuView => ({
  id: s.id,
  externalId: s.externalId,
  color: s.color,
  size: s.size,
  stock: s.stock,
  displayedStock: s.displayedStock,
  archived: s.archivedAt !== null,
});

/** A product with its SKUs as the workbench reads it; `activeOnly` leaves off-sale SKUs out. */
export async function productDetail(db: Db, auth: AuthContext, row: ProductRow, activeOnly: boolean) {
  const skuRows = await listSkus(db, auth.agent.workspaceId, row.id);
  return {
    product: productView(row, await stockSummaryOf(db, row.id), auth),
    skus: skuRows.filter((s) => !activeOnly || s.archivedAt === null).map(skuView),
  };
}

const blank = (s: string | null | undefined) => (s == null || s.trim() === "" ? null : s.trim());

function checkFloorAccess(auth: AuthContext, floor: number | null | undefined): void {
  if (floor !== undefined && !canSeeFloor(auth)) throw new HttpError(403, "forbidden", "Your role may not see or set floor prices", "floorPriceCents");
}

function checkPrices(p: { priceCents: number; promoPriceCents?: number | null; floorPriceCents?: number | null }): void {
  const issue = priceIssue(p);
  if (issue) throw new HttpError(400, issue.code, issue.message, issue.field);
}

async function checkImage(db: Db, workspaceId: string, shopId: string, url: string | null | undefined): Promise<void> {
  if (!url || !IMAGE_PATH.test(url)) return;
  const id = url.slice(url.lastIndexOf("/") + 1);
  const [found] = await db
    .select({ id: productImages.id })
    .from(productImages)
    .where(and(eq(productImages.id, id), eq(productImages.workspaceId, workspaceId), eq(productImages.shopId, shopId)))
    .limit(1);
  if (!found) throw new HttpError(400, "invalid", "No such uploaded picture in this shop", "imageUrl");
}

async function checkExternalId(db: Db, workspaceId: string, table: "products" | "skus", externalId: string | null | undefined, exceptId: string | null, field: string) {
  if (!externalId) return;
  if (await externalIdTaken(db, workspaceId, table, externalId, exceptId)) throw new HttpError(409, "external_id_taken", `Another ${table === "products" ? "product" : "SKU"} has this id`, field);
}

/** Two SKUs of one product may not be the same colour and size. */
function checkVariants(list: { color?: string | null; size?: string | null }[], field: (index: number) => string): void {
  const seen = new Set<string>();
  list.forEach((s, index) => {
    const key = variantKey({ color: blank(s.color), size: blank(s.size) });
    if (seen.has(key)) throw new HttpError(400, "duplicate_variant", "This colour and size is listed twice", field(index));
    seen.add(key);
  });
}

export interface CreateInput {
  shopId: string;
  externalId?: string | null;
  title: string;
  category: string;
  priceCents: number;
  promoPriceCents?: number | null;
  floorPriceCents?: number | null;
  imageUrl?: string | null;
  knowledge?: Knowledge;
  skus: NewSkuInput[];
}

export async function createCatalogProduct(db: Db, auth: AuthContext, input: CreateInput) {
  const ws = auth.agent.workspaceId;
  const shop = await findShop(db, ws, input.shopId);
  if (!shop) throw new HttpError(400, "invalid", "No such shop", "shopId");
  checkFloorAccess(auth, input.floorPriceCents);
  checkPrices(input);
  checkVariants(input.skus, (i) => `skus.${i}.size`);
  await checkImage(db, ws, shop.id, input.imageUrl);
  await checkExternalId(db, ws, "products", input.externalId, null, "externalId");
  for (const [i, s] of input.skus.entries()) await checkExternalId(db, ws, "skus", s.externalId, null, `skus.${i}.externalId`);
  const productId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(products)
      .values({
        id: newId("prod"),
        workspaceId: ws,
        shopId: shop.id,
        externalId: blank(input.externalId),
        title: input.title,
        category: input.category,
        priceCents: input.priceCents,
        promoPriceCents: input.promoPriceCents ?? null,
        floorPriceCents: input.floorPriceCents ?? null,
        imageUrl: blank(input.imageUrl),
        attributes: compactKnowledge(input.knowledge ?? {}),
      })
      .returning();
    await tx.insert(skus).values(
      input.skus.map((s, position) => ({
        id: newId("sku"),
        workspaceId: ws,
        productId: row!.id,
        externalId: blank(s.externalId),
        position,
        color: blank(s.color),
        size: blank(s.size),
        stock: s.stock,
        displayedStock: s.displayedStock ?? null,
      })),
    );
    await recordAudit(tx, auth, "catalog.product_create", "product", row!.id, { title: row!.title, skus: input.skus.length });
    return row!.id;
  });
  await refreshSearchTokens(db, ws, shop.id);
  return productDetail(db, auth, (await findProduct(db, ws, productId))!, false);
}

export interface PatchInput {
  externalId?: string | null;
  title?: string;
  category?: string;
  priceCents?: number;
  promoPriceCents?: number | null;
  floorPriceCents?: number | null;
  imageUrl?: string | null;
  knowledge?: Knowledge;
  archived?: boolean;
}

export async function updateCatalogProduct(db: Db, auth: AuthContext, productId: string, patch: PatchInput) {
  const ws = auth.agent.workspaceId;
  checkFloorAccess(auth, patch.floorPriceCents);
  const current = await findProduct(db, ws, productId);
  if (!current) throw notFound("product");
  const merged = {
    priceCents: patch.priceCents ?? current.priceCents,
    promoPriceCents: patch.promoPriceCents !== undefined ? patch.promoPriceCents : current.promoPriceCents,
    floorPriceCents: patch.floorPriceCents !== undefined ? patch.floorPriceCents : current.floorPriceCents,
  };
  // A price change that puts the floor above the new selling price names the floor
  // for those who see it, and the price itself for those who do not.
  const issue = priceIssue(merged);
  if (issue) throw new HttpError(400, issue.code, issue.message, issue.field === "floorPriceCents" && !canSeeFloor(auth) ? "priceCents" : issue.field);
  await checkImage(db, ws, current.shopId, patch.imageUrl);
  await checkExternalId(db, ws, "products", patch.externalId, current.id, "externalId");
  const set: Partial<typeof products.$inferInsert> = { updatedAt: new Date() };
  if (patch.externalId !== undefined) set.externalId = blank(patch.externalId);
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.category !== undefined) set.category = patch.category;
  if (patch.priceCents !== undefined) set.priceCents = patch.priceCents;
  if (patch.promoPriceCents !== undefined) set.promoPriceCents = patch.promoPriceCents;
  if (patch.floorPriceCents !== undefined) set.floorPriceCents = patch.floorPriceCents;
  if (patch.imageUrl !== undefined) set.imageUrl = blank(patch.imageUrl);
  if (patch.knowledge !== undefined) set.attributes = withKnowledge(current.attributes, patch.knowledge);
  if (patch.archived !== undefined) set.archivedAt = patch.archived ? (current.archivedAt ?? new Date()) : null;
  await db.transaction(async (tx) => {
    await tx.update(products).set(set).where(and(eq(products.id, current.id), eq(products.workspaceId, ws)));
    const fields = Object.keys(patch).filter((k) => k !== "archived");
    if (fields.length > 0) await recordAudit(tx, auth, "catalog.product_update", "product", current.id, { fields });
    if (patch.archived !== undefined && patch.archived !== (current.archivedAt !== null)) {
      await recordAudit(tx, auth, patch.archived ? "catalog.product_archive" : "catalog.product_unarchive", "product", current.id, { title: current.title });
    }
  });
  await refreshSearchTokens(db, ws, current.shopId);
  return productDetail(db, auth, (await findProduct(db, ws, current.id))!, false);
}

async function productOr404(db: Db, auth: AuthContext, productId: string): Promise<ProductRow> {
  const row = await findProduct(db, auth.agent.workspaceId, productId);
  if (!row) throw notFound("product");
  return row;
}

export async function addCatalogSku(db: Db, auth: AuthContext, productId: string, input: NewSkuInput) {
  const ws = auth.agent.workspaceId;
  const product = await productOr404(db, auth, productId);
  await checkExternalId(db, ws, "skus", input.externalId, null, "externalId");
  await db.transaction(async (tx) => {
    const existing = await listSkus(tx, ws, product.id);
    checkVariants([...existing, input], () => "size");
    const position = existing.reduce((max, s) => Math.max(max, s.position + 1), 0);
    const [row] = await tx
      .insert(skus)
      .values({ id: newId("sku"), workspaceId: ws, productId: product.id, externalId: blank(input.externalId), position, color: blank(input.color), size: blank(input.size), stock: input.stock, displayedStock: input.displayedStock ?? null })
      .returning();
    await tx.update(products).set({ updatedAt: new Date() }).where(eq(products.id, product.id));
    await recordAudit(tx, auth, "catalog.sku_create", "sku", row!.id, { productId: product.id, color: row!.color, size: row!.size, stock: row!.stock });
  });
  return productDetail(db, auth, product, false);
}

export async function updateCatalogSku(db: Db, auth: AuthContext, productId: string, skuId: string, patch: { externalId?: string | null; color?: string | null; size?: string | null; archived?: boolean }) {
  const ws = auth.agent.workspaceId;
  const product = await productOr404(db, auth, productId);
  await db.transaction(async (tx) => {
    const list = await listSkus(tx, ws, product.id);
    const sku = list.find((s) => s.id === skuId || (s.externalId !== null && s.externalId === skuId));
    if (!sku) throw notFound("SKU");
    await checkExternalId(tx, ws, "skus", patch.externalId, sku.id, "externalId");
    const next = { color: patch.color !== undefined ? blank(patch.color) : sku.color, size: patch.size !== undefined ? blank(patch.size) : sku.size };
    checkVariants([...list.filter((s) => s.id !== sku.id), next], () => "size");
    const set: Partial<typeof skus.$inferInsert> = { ...next };
    if (patch.externalId !== undefined) set.externalId = blank(patch.externalId);
    if (patch.archived !== undefined) set.archivedAt = patch.archived ? (sku.archivedAt ?? new Date()) : null;
    await tx.update(skus).set(set).where(eq(skus.id, sku.id));
    await tx.update(products).set({ updatedAt: new Date() }).where(eq(products.id, product.id));
    await recordAudit(tx, auth, "catalog.sku_update", "sku", sku.id, { productId: product.id, fields: Object.keys(patch) });
  });
  return productDetail(db, auth, product, false);
}

export interface StockChange {
  skuId: string;
  stock?: number;
  expectedStock?: number;
  displayedStock?: number | null;
}

/** Stock set by hand (the grid editor): all cells or none, each change audited. */
export async function setCatalogStock(db: Db, auth: AuthContext, productId: string, items: StockChange[]) {
  const ws = auth.agent.workspaceId;
  const product = await productOr404(db, auth, productId);
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.skuId)) throw new HttpError(400, "invalid", "This SKU is listed twice", `items.${i}.skuId`);
    seen.add(item.skuId);
  });
  await db.transaction(async (tx) => {
    // Locked in id order, as the order service's stock moves wait on the same rows.
    const rows = await tx
      .select()
      .from(skus)
      .where(and(eq(skus.workspaceId, ws), eq(skus.productId, product.id), inArray(skus.id, items.map((i) => i.skuId))))
      .orderBy(skus.id)
      .for("update");
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, item] of items.entries()) {
      const sku = byId.get(item.skuId);
      if (!sku) throw new HttpError(404, "not_found", "No such SKU of this product", `items.${i}.skuId`);
      if (item.expectedStock !== undefined && item.expectedStock !== sku.stock) {
        throw new HttpError(409, "stock_changed", `The stock of this SKU changed since you loaded it (now ${sku.stock})`, `items.${i}.stock`);
      }
      const stock = item.stock ?? sku.stock;
      const displayedStock = item.displayedStock !== undefined ? item.displayedStock : sku.displayedStock;
      if (stock === sku.stock && displayedStock === sku.displayedStock) continue;
      await tx.update(skus).set({ stock, displayedStock }).where(eq(skus.id, sku.id));
      await recordAudit(tx, auth, "catalog.stock_set", "sku", sku.id, {
        productId: product.id,
        source: "hand",
        from: sku.stock,
        to: stock,
        displayedFrom: sku.displayedStock,
        displayedTo: displayedStock,
      });
    }
    await tx.update(products).set({ updatedAt: new Date() }).where(eq(products.id, product.id));
  });
  return productDetail(db, auth, product, false);
}
