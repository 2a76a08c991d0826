// Order cards over HTTP: agents send an address check or a colour/size change into the
// chat (or take an unanswered one back); the buyer's widget reads its card and answers.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { route } from "../../platform/http/route";
import { buyerFrom, type ChatDeps } from "../conversations";
import { recipientShape } from "../orders";
import { answerCard, buyerCardView, sendAddressCheck, sendSkuChange, withdrawCard } from "./order-cards.service";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });
const conversationId = z.string().min(1).max(100);

export function registerOrderCardRoutes(app: FastifyInstance, deps: ChatDeps): void {
  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/address-check",
    summary: "Send the buyer a card to confirm or correct the order's address (after payment, before shipping)",
    tags: ["orders", "conversations"],
    access: "orders.update",
    params: idParams,
    body: z.strictObject({ conversationId }),
    status: 201,
    handler: async ({ auth, params, body }) => ({ message: await sendAddressCheck(deps, auth, params.id, body.conversationId) }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/sku-change",
    summary: "Propose another colour/size of an item of a paid, unshipped order; the buyer confirms in the chat",
    tags: ["orders", "conversations"],
    access: "orders.update",
    params: idParams,
    body: z.strictObject({ conversationId, position: z.number().int().min(0).max(199), skuId: z.string().min(1).max(100) }),
    status: 201,
    handler: async ({ auth, params, body }) => ({ message: await sendSkuChange(deps, auth, params.id, body) }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/order-actions/:id/withdraw",
    summary: "Take back an order card the buyer has not answered",
    tags: ["orders", "conversations"],
    access: "orders.update",
    params: idParams,
    handler: async ({ auth, params }) => ({ card: await withdrawCard(deps, auth, params.id) }),
  });

  route(app, {
    method: "GET",
    url: "/api/widget/order-actions/:id",
    summary: "The buyer's order card with their own order's recipient",
    tags: ["widget"],
    access: "public",
    params: idParams,
    handler: async ({ request, params }) => {
      const { shop, customerId } = await buyerFrom(deps.db, request);
      return buyerCardView(deps.db, { workspaceId: shop.workspaceId, shopId: shop.id, customerId }, params.id);
    },
  });

  route(app, {
    method: "POST",
    url: "/api/widget/order-actions/:id/answer",
    summary: "The buyer answers an order card: confirm, decline, or correct the address",
    tags: ["widget"],
    access: "public",
    params: idParams,
    body: z.discriminatedUnion("answer", [
      z.strictObject({ answer: z.literal("confirm") }),
      z.strictObject({ answer: z.literal("decline") }),
      z.strictObject({ answer: z.literal("correct"), recipient: recipientShape }),
    ]),
    handler: async ({ request, params, body }) => {
      const { shop, customerId } = await buyerFrom(deps.db, request);
      return answerCard(deps, { workspaceId: shop.workspaceId, shopId: shop.id, customerId }, params.id, body);
    },
  });
}
