// The demo storefront (/demo/shop) and the standalone buyer chat page (/chat/{shopId}).
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "../../platform/db/database";
import { listShopProducts } from "../catalog";
import { findShopById, firstWorkspaceId, listShops, type ShopRow } from "../workspace";
import { renderChatPage, renderDemoShopPage } from "./pages";
import { storefrontProduct } from "./checkout.routes";
import { renderProductPage } from "./product-page";

async function demoShop(db: Db): Promise<ShopRow | null> {
  const workspaceId = await firstWorkspaceId(db);
  if (!workspaceId) return null;
  const shops = await listShops(db, workspaceId);
  return shops.find((s) => s.settings.demo === true) ?? shops[0] ?? null;
}

function html(reply: FastifyReply, body: string) {
  return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(body);
}

function langOf(query: unknown): string | undefined {
  const lang = (query as { lang?: unknown }).lang;
  return typeof lang === "string" ? lang : undefined;
}

export function registerStorefrontRoutes(app: FastifyInstance, db: Db): void {
  app.get("/demo/shop", async (request, reply) => {
    const shop = await demoShop(db);
    if (!shop) return reply.code(404).type("text/plain").send("No shop yet");
    const products = await listShopProducts(db, shop.workspaceId, shop.id);
    return html(
      reply,
      renderDemoShopPage({
        shop: { id: shop.id, name: shop.name },
        products: products.map((p) => ({ id: p.id, title: p.title, category: p.category, priceCents: p.promoPriceCents ?? p.priceCents, imageUrl: p.imageUrl })),
        lang: langOf(request.query),
      }),
    );
  });

  app.get<{ Params: { productId: string } }>("/demo/shop/p/:productId", async (request, reply) => {
    const shop = await demoShop(db);
    const product = shop ? await storefrontProduct(db, shop, request.params.productId) : null;
    if (!shop || !product) return reply.code(404).type("text/plain").send("No such product");
    return html(reply, renderProductPage({ shop: { id: shop.id, name: shop.name }, product, lang: langOf(request.query) }));
  });

  app.get<{ Params: { shopId: string } }>("/chat/:shopId", async (request, reply) => {
    const shop = await findShopById(db, request.params.shopId);
    if (!shop) return reply.code(404).type("text/plain").send("No such shop");
    return html(reply, renderChatPage({ shop: { id: shop.id, name: shop.name }, lang: langOf(request.query) }));
  });
}
