// Products and their colour × size SKUs. Money in integer cents (fen). The floor price
// is the lowest an agent may go when bargaining; only some roles see it.
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
    /** Material, size chart, care, selling points, who it suits, known limits… */
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
    imageUrl: text("image_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("products_shop_idx").on(t.workspaceId, t.shopId), uniqueIndex("products_external_idx").on(t.workspaceId, t.externalId)],
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
  },
  (t) => [index("skus_product_idx").on(t.productId), uniqueIndex("skus_external_idx").on(t.workspaceId, t.externalId)],
);
