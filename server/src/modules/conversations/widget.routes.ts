// The buyer widget's HTTP side: a session (anonymous visitor or signed buyer), the
// current conversation's history, and the shop's products for the demo storefront.
// These answer any origin (the widget runs on shops' own sites) and use a bearer token,
// never cookies.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { newToken } from "../../platform/auth/tokens";
import { listShopProducts } from "../catalog";
import { findOrCreateKnownBuyer, findOrCreateVisitor } from "../customers";
import { findShopById, type ShopRow } from "../workspace";
import { latestConversationOf, messagesAfter } from "./conversations.repo";
import { issueBuyerToken, readBuyerToken, tokenShopId, verifyIdentity } from "./widget-identity";

const visitorIdShape = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "16–64 letters, digits, - or _");

export async function buyerFrom(db: Db, request: FastifyRequest): Promise<{ shop: ShopRow; customerId: string }> {
  const header = request.headers.authorization ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7) : "";
  const shopId = tokenShopId(token);
  const shop = shopId ? await findShopById(db, shopId) : null;
  const claims = shop ? readBuyerToken(shop.widgetSecret, token) : null;
  if (!shop || !claims) throw new HttpError(401, "unauthenticated", "Bad or expired widget token");
  return { shop, customerId: claims.customerId };
}

export function registerWidgetRoutes(app: FastifyInstance, db: Db): void {
  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/widget/")) {
      reply.header("access-control-allow-origin", "*");
      reply.header("access-control-allow-headers", "authorization, content-type");
    }
  });
  app.options("/api/widget/*", { config: { access: "public" } }, async (_request, reply) => reply.code(204).send());

  route(app, {
    method: "POST",
    url: "/api/widget/session",
    summary: "Start or resume a buyer's widget session",
    tags: ["widget"],
    access: "public",
    body: z.strictObject({
      shopId: z.string().max(100),
      visitorId: visitorIdShape.optional(),
      identity: z
        .strictObject({ buyerId: z.string().min(1).max(100), nick: z.string().min(1).max(100), expires: z.number().int(), signature: z.string().max(128) })
        .optional(),
    }),
    handler: async ({ body }) => {
      const shop = await findShopById(db, body.shopId);
      if (!shop) throw notFound("shop");
      const visitorId = body.visitorId ?? newToken(18);
      let customer;
      if (body.identity) {
        const check = verifyIdentity(shop.widgetSecret, body.identity);
        if (!check.ok) throw new HttpError(401, check.reason, check.reason === "expired" ? "The buyer identity has expired" : "The buyer identity signature is wrong");
        customer = await findOrCreateKnownBuyer(db, shop.workspaceId, body.identity.buyerId, body.identity.nick);
      } else {
        customer = await findOrCreateVisitor(db, shop.workspaceId, visitorId, `访客${visitorId.slice(0, 4)}`);
      }
      const conversation = await latestConversationOf(db, shop.workspaceId, shop.id, customer.id);
      return {
        token: issueBuyerToken(shop.widgetSecret, shop.id, customer.id),
        visitorId,
        customer: { id: customer.id, nick: customer.nick },
        conversationId: conversation?.id ?? null,
        shop: { id: shop.id, name: shop.name },
      };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/widget/messages",
    summary: "The buyer's current conversation, after a sequence number",
    tags: ["widget"],
    access: "public",
    query: z.strictObject({ afterSeq: z.coerce.number().int().min(0).default(0) }),
    handler: async ({ request, query }) => {
      const { shop, customerId } = await buyerFrom(db, request);
      const conversation = await latestConversationOf(db, shop.workspaceId, shop.id, customerId);
      if (!conversation) return { conversationId: null, items: [] };
      return { conversationId: conversation.id, items: await messagesAfter(db, shop.workspaceId, conversation.id, query.afterSeq, 1000, true) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/widget/shops/:shopId/products",
    summary: "The shop's products as buyers see them (no floor prices, no real stock)",
    tags: ["widget"],
    access: "public",
    params: z.strictObject({ shopId: z.string().max(100) }),
    handler: async ({ params }) => {
      const shop = await findShopById(db, params.shopId);
      if (!shop) throw notFound("shop");
      const items = await listShopProducts(db, shop.workspaceId, shop.id);
      return { items: items.map((p) => ({ id: p.id, title: p.title, category: p.category, priceCents: p.promoPriceCents ?? p.priceCents, imageUrl: p.imageUrl })) };
    },
  });
}
