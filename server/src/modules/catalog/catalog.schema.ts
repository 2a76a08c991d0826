// Products and their colour × size SKUs. Money in integer cents (fen). The floor price
// is the lowest an agent may go when bargaining; only some roles see it.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    externalId: text("external_id"),
    title: text("title").notNull(),
    category: text("category").notNull(),
    priceCents: integer("price_cents").notNull(),
    promoPriceCents: integer("promo_price_cents"),
    floorPriceCents: integer("floor_price_cents"),
    /** Material, size chart, care, selling points, who it suits, known limits… (shape: knowledge.ts). */
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    imageUrl: text("image_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Off sale: kept for orders and history, left out of the chat sidebar and the shop page. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** jieba words of title, category and knowledge, space separated (product-search.ts). */
    searchTokens: text("search_tokens"),
    /** md5 of what the tokens were made from: a row changed by any writer is re-tokenised. */
    searchKey: text("search_key"),
  },
  (t) => [
    index("products_shop_idx").on(t.workspaceId, t.shopId),
    uniqueIndex("products_external_idx").on(t.workspaceId, t.externalId),
    index("products_search_idx").using("gin", sql`to_tsvector('simple', coalesce(${t.searchTokens}, ''))`),
  ],
);

export const skus = pgTable(
  "skus",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    /** Order of the SKU within its product, as listed (the interchange file keeps it). */
    position: integer("position").notNull().default(0),
    color: text("color"),
    size: text("size"),
    /** Real stock: what the warehouse holds. */
    stock: integer("stock").notNull().default(0),
    /** Stock shown on the shop page, which may differ from the real one (seed 000). */
    displayedStock: integer("displayed_stock"),
    /** Off sale (orders still name it, so it is never deleted). */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [index("skus_product_idx").on(t.productId), uniqueIndex("skus_external_idx").on(t.workspaceId, t.externalId)],
);

/**
 * Product pictures uploaded from the workbench, kept in the database so PGlite needs no
 * file store. Only PNG/JPEG/GIF/WebP pass (checked by their bytes), and they are served
 * with the type their bytes proved, never as SVG or HTML.
 */
export const productImages = pgTable(
  "product_images",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    contentType: text("content_type").notNull(),
    /** base64 of the file. */
    data: text("data").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: text("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_images_shop_idx").on(t.workspaceId, t.shopId)],
);
