// Products for the workbench: the list of a shop's products and one product with its
// SKUs and real stock (seed 000: answer with the real stock, not the displayed one). The
// floor price — how low an agent may go when bargaining — is sent only to roles allowed
// to see it (products.view_floor_price); everyone else gets null.
import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { listSkus, type ProductRow } from "./catalog.repo";
import { products } from "./catalog.schema";

const productShape = z.object({
  id: z.string(),
  shopId: z.string(),
  title: z.string(),
  category: z.string(),
  priceCents: z.number().int(),
  promoPriceCents: z.number().int().nullable(),
  /** null unless the caller may see floor prices (or the product has none). */
  floorPriceCents: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
});

const skuShape = z.object({
  id: z.string(),
  color: z.string().nullable(),
  size: z.string().nullable(),
  stock: z.number().int(),
  displayedStock: z.number().int().nullable(),
});

function publicProduct(row: ProductRow, auth: AuthContext) {
  return {
    id: row.id,
    shopId: row.shopId,
    title: row.title,
    category: row.category,
    priceCents: row.priceCents,
    promoPriceCents: row.promoPriceCents,
    floorPriceCents: auth.abilities.has("products.view_floor_price") ? row.floorPriceCents : null,
    imageUrl: row.imageUrl,
    attributes: row.attributes,
  };
}

/** LIKE wildcards in what the agent typed are meant literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function registerCatalogRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/products",
    summary: "A shop's products, optionally matching a title or category",
    tags: ["catalog"],
    access: "products.view",
    query: z.strictObject({ shopId: z.string().min(1).max(100), q: z.string().trim().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    response: z.object({ items: z.array(productShape) }),
    handler: async ({ auth, query }) => {
      const match = query.q ? or(ilike(products.title, `%${literal(query.q)}%`), ilike(products.category, `%${literal(query.q)}%`)) : undefined;
      const rows = await db
        .select()
        .from(products)
        .where(and(eq(products.workspaceId, auth.agent.workspaceId), eq(products.shopId, query.shopId), match))
        .orderBy(asc(products.createdAt), asc(products.id))
        .limit(query.limit);
      return { items: rows.map((row) => publicProduct(row, auth)) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/products/:id",
    summary: "One product with its SKUs and real stock",
    tags: ["catalog"],
    access: "products.view",
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    response: z.object({ product: productShape, skus: z.array(skuShape) }),
    handler: async ({ auth, params }) => {
      const [row] = await db
        .select()
        .from(products)
        .where(and(eq(products.workspaceId, auth.agent.workspaceId), eq(products.id, params.id)))
        .limit(1);
      if (!row) throw notFound("product");
      const skuRows = await listSkus(db, auth.agent.workspaceId, row.id);
      return {
        product: publicProduct(row, auth),
        skus: skuRows.map((s) => ({ id: s.id, color: s.color, size: s.size, stock: s.stock, displayedStock: s.displayedStock })),
      };
    },
  });
}
