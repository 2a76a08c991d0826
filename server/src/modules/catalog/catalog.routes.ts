// Products over HTTP. Every agent reads them (products.view): the list with Chinese-aware
// search and a category filter, and one product with its SKUs and real stock (seed 000:
// answer with the real stock, not the displayed one). Owners and supervisors change them
// (products.manage). The floor price — how low an agent may go when bargaining — is sent
// only to roles allowed to see it (products.view_floor_price); everyone else gets null,
// and may not set it either.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { findShop } from "../workspace";
import { findProduct, listCategories, listProducts } from "./catalog.repo";
import { createProductBody, newSkuShape, patchProductBody, patchSkuBody, productShape, skuShape, stockBody } from "./catalog.shapes";
import { addCatalogSku, createCatalogProduct, productDetail, productView, setCatalogStock, updateCatalogProduct, updateCatalogSku } from "./catalog.service";
import { registerCatalogIoRoutes } from "./catalog-io.routes";
import { registerProductImageRoutes } from "./product-images";
import { refreshSearchTokens } from "./product-search";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });
const detail = z.object({ product: productShape, skus: z.array(skuShape) });

export function registerCatalogRoutes(app: FastifyInstance, db: Db): void {
  registerCatalogIoRoutes(app, db);
  registerProductImageRoutes(app, db);

  route(app, {
    method: "GET",
    url: "/api/v1/products",
    summary: "A shop's products: search (Chinese words, synonyms, literal parts of the title or category), category, on sale or archived",
    tags: ["catalog"],
    access: "products.view",
    query: z.strictObject({
      shopId: z.string().min(1).max(100),
      q: z.string().trim().max(100).optional(),
      category: z.string().trim().max(50).optional(),
      archived: z.enum(["exclude", "only", "include"]).default("exclude"),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
    response: z.object({ items: z.array(productShape), total: z.number().int() }),
    handler: async ({ auth, query }) => {
      const ws = auth.agent.workspaceId;
      if (query.q) await refreshSearchTokens(db, ws, query.shopId);
      const { rows, total } = await listProducts(db, ws, { ...query, q: query.q || undefined, category: query.category || undefined });
      return { items: rows.map((row) => productView(row, row.stockSummary, auth)), total };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/products/categories",
    summary: "The shop's categories of products on sale, with counts",
    tags: ["catalog"],
    access: "products.view",
    query: z.strictObject({ shopId: z.string().min(1).max(100) }),
    response: z.object({ items: z.array(z.object({ category: z.string(), count: z.number().int() })) }),
    handler: async ({ auth, query }) => {
      const shop = await findShop(db, auth.agent.workspaceId, query.shopId);
      return { items: shop ? await listCategories(db, auth.agent.workspaceId, shop.id) : [] };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/products/:id",
    summary: "One product with its SKUs and real stock (skus=all adds the archived SKUs)",
    tags: ["catalog"],
    access: "products.view",
    params: idParams,
    query: z.strictObject({ skus: z.enum(["active", "all"]).default("active") }),
    response: detail,
    handler: async ({ auth, params, query }) => {
      const row = await findProduct(db, auth.agent.workspaceId, params.id);
      if (!row) throw notFound("product");
      return productDetail(db, auth, row, query.skus === "active");
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/products",
    summary: "Add a product with its colour × size SKUs, prices in fen and its knowledge",
    tags: ["catalog"],
    access: "products.manage",
    status: 201,
    body: createProductBody,
    response: detail,
    handler: ({ auth, body }) => createCatalogProduct(db, auth, body),
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/products/:id",
    summary: "Change a product; archived: true takes it off sale (orders keep it), false puts it back",
    tags: ["catalog"],
    access: "products.manage",
    params: idParams,
    body: patchProductBody,
    response: detail,
    handler: ({ auth, params, body }) => updateCatalogProduct(db, auth, params.id, body),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/products/:id/skus",
    summary: "Add a colour × size to a product",
    tags: ["catalog"],
    access: "products.manage",
    status: 201,
    params: idParams,
    body: newSkuShape,
    response: detail,
    handler: ({ auth, params, body }) => addCatalogSku(db, auth, params.id, body),
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/products/:id/skus/:skuId",
    summary: "Rename a SKU's colour or size, set its id, or take it off sale (archived)",
    tags: ["catalog"],
    access: "products.manage",
    params: z.strictObject({ id: z.string().min(1).max(100), skuId: z.string().min(1).max(100) }),
    body: patchSkuBody,
    response: detail,
    handler: ({ auth, params, body }) => updateCatalogSku(db, auth, params.id, params.skuId, body),
  });

  route(app, {
    method: "PUT",
    url: "/api/v1/products/:id/stock",
    summary: "Set real and displayed stock by hand, all cells or none; expectedStock guards against orders placed meanwhile (409 stock_changed)",
    tags: ["catalog"],
    access: "products.manage",
    params: idParams,
    body: stockBody,
    response: detail,
    handler: async ({ auth, params, body }) => {
      if (body.items.some((i) => i.stock === undefined && i.displayedStock === undefined)) {
        throw new HttpError(400, "invalid", "Give stock or displayedStock", `items.${body.items.findIndex((i) => i.stock === undefined && i.displayedStock === undefined)}.stock`);
      }
      return setCatalogStock(db, auth, params.id, body.items);
    },
  });
}
