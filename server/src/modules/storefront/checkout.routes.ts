// The demo storefront's real checkout (choose colour/size, address, pay), so the embedded
// default works end to end without an outside shop system. The buyer is the widget's
// buyer (same token), so the order shows in the agent's sidebar beside the chat. Only a
// demo shop sells here: a real shop's orders come from its own system.
import { randomInt } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { products, readKnowledge, skus } from "../catalog";
import { buyerFrom, type ChatDeps } from "../conversations";
import { findOrder, moveStatus, orderDetail, placeOrder, recipientShape } from "../orders";
import { evaluateForShop } from "../promotions";
import type { ShopRow } from "../workspace";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

/** An order number as a shop's buyers see one: the shop's date and eight random digits (20261202 4831 0957). */
export function demoOrderNumber(now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replaceAll("-", "");
  return `${day}${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

function demoOnly(shop: ShopRow): void {
  if (shop.settings.demo !== true) throw new HttpError(403, "forbidden", "Only the demo shop sells through QinDesk's storefront");
}

async function liveProduct(db: Db, shop: ShopRow, productId: string) {
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, shop.workspaceId), eq(products.shopId, shop.id), eq(products.id, productId), isNull(products.archivedAt)))
    .limit(1);
  return product ?? null;
}

/** What a buyer may see of a product: no floor price, no real stock number (only whether it can be bought). */
export async function storefrontProduct(db: Db, shop: ShopRow, productId: string) {
  const product = await liveProduct(db, shop, productId);
  if (!product) return null;
  const rows = await db
    .select()
    .from(skus)
    .where(and(eq(skus.workspaceId, shop.workspaceId), eq(skus.productId, product.id), isNull(skus.archivedAt)))
    .orderBy(asc(skus.position), asc(skus.id));
  return {
    id: product.id,
    title: product.title,
    category: product.category,
    priceCents: product.promoPriceCents ?? product.priceCents,
    listPriceCents: product.priceCents,
    imageUrl: product.imageUrl,
    knowledge: readKnowledge(product.attributes),
    skus: rows.map((s) => ({ id: s.id, color: s.color, size: s.size, available: s.stock > 0 })),
  };
}

export function registerCheckoutRoutes(app: FastifyInstance, deps: ChatDeps): void {
  const { db } = deps;

  route(app, {
    method: "POST",
    url: "/api/widget/checkout",
    summary: "Demo storefront: place an order (stock taken at once) priced with the shop's promotions; it waits for payment",
    tags: ["widget", "storefront"],
    access: "public",
    status: 201,
    body: z.strictObject({
      items: z.array(z.strictObject({ skuId: z.string().min(1).max(100), qty: z.number().int().min(1).max(99) })).min(1).max(20),
      recipient: recipientShape,
    }),
    handler: async ({ request, body }) => {
      const { shop, customerId } = await buyerFrom(db, request);
      demoOnly(shop);
      const rows = await db
        .select({ sku: skus, product: products })
        .from(skus)
        .innerJoin(products, eq(products.id, skus.productId))
        .where(and(eq(skus.workspaceId, shop.workspaceId), eq(products.shopId, shop.id), inArray(skus.id, body.items.map((i) => i.skuId)), isNull(skus.archivedAt), isNull(products.archivedAt)));
      const bySku = new Map(rows.map((r) => [r.sku.id, r]));
      const items = body.items.map((item, i) => {
        const row = bySku.get(item.skuId);
        if (!row) throw new HttpError(400, "invalid", "No such colour and size in this shop", `items.${i}.skuId`);
        return { productId: row.product.id, skuId: row.sku.id, qty: item.qty, priceCents: row.product.promoPriceCents ?? row.product.priceCents };
      });
      const fee = typeof shop.settings.shippingFeeCents === "number" ? shop.settings.shippingFeeCents : 1000;
      const priced = await evaluateForShop(db, shop.workspaceId, shop, items.map((i) => ({ productId: i.productId, quantity: i.qty, unitPriceCents: i.priceCents })), Date.now(), fee);
      // Gifts the promotions give go to the warehouse with the order, or they would not ship.
      const gifts = priced.applies.filter((p) => p.kind === "gift").map((p) => `${String(p.params.gift)} ×${String(p.params.giftQuantity)}`);
      const order = await placeOrder(deps, shop.workspaceId, {
        shopId: shop.id,
        customerId,
        externalId: demoOrderNumber(new Date(), shop.timezone),
        status: "awaiting_payment",
        createdAt: new Date(),
        paidAt: null,
        items,
        shippingFeeCents: priced.freeShipping ? 0 : fee,
        discountCents: priced.discountCents || 0,
        recipient: body.recipient,
        courier: typeof shop.settings.defaultCourier === "string" ? shop.settings.defaultCourier : null,
        remark: gifts.length > 0 ? `赠品：${gifts.join("，")}` : null,
        source: "storefront",
      });
      return { order: (await orderDetail(db, order, true)).order, promotions: priced.applies.map((p) => ({ name: p.name, kind: p.kind, savingCents: p.savingCents })) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/widget/orders/:id/pay",
    summary: "Demo storefront: pay for the buyer's own order (the demo has no payment provider)",
    tags: ["widget", "storefront"],
    access: "public",
    params: idParams,
    handler: async ({ request, params }) => {
      const { shop, customerId } = await buyerFrom(db, request);
      demoOnly(shop);
      const order = await findOrder(db, shop.workspaceId, params.id);
      if (!order || order.customerId !== customerId || order.shopId !== shop.id) throw notFound("order");
      const paid = await moveStatus(deps, shop.workspaceId, order.id, { to: "paid" });
      return { order: (await orderDetail(db, paid, true)).order };
    },
  });
}
