// The buyer's side of after-sales (issue 6: "申请售后" from the widget): their orders with
// this shop, and a request about one of them. The buyer is identified by the widget's
// signed token; an order of someone else is "not found". The request becomes a case the
// after-sales team sees, attached to the buyer's current conversation; the widget then
// says what was asked (and sends any photos) in the chat.
import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { route } from "../../platform/http/route";
import { latestConversationOf } from "../conversations/conversations.repo";
import { buyerFrom } from "../conversations/widget.routes";
import { listCustomerOrders, orders } from "../orders";
import { openCase } from "./aftersales.service";
import { REASON_CODES } from "./policy";

/** What a buyer may ask for; the other kinds are the team's own classification. */
export const BUYER_CASE_KINDS = ["return", "exchange", "refund_only", "resend_missing", "quality_complaint"] as const;

export function registerAftersalesWidgetRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/widget/orders",
    summary: "The buyer's orders with this shop, newest first",
    tags: ["widget"],
    access: "public",
    handler: async ({ request }) => {
      const { shop, customerId } = await buyerFrom(db, request);
      const mine = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.workspaceId, shop.workspaceId), eq(orders.shopId, shop.id), eq(orders.customerId, customerId)))
        .orderBy(desc(orders.createdAt))
        .limit(20);
      const ids = new Set(mine.map((o) => o.id));
      const items = (await listCustomerOrders(db, shop.workspaceId, customerId, 50)).filter((o) => ids.has(o.id));
      return { items: items.map((o) => ({ id: o.id, externalId: o.externalId, status: o.status, totalCents: o.totalCents, createdAt: o.createdAt, items: o.items })) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/widget/aftersales",
    summary: "The buyer asks for after-sales on one of their orders",
    tags: ["widget"],
    access: "public",
    status: 201,
    body: z.strictObject({ orderId: z.string().min(1).max(100), kind: z.enum(BUYER_CASE_KINDS), reason: z.enum(REASON_CODES), note: z.string().max(500).optional() }),
    handler: async ({ request, body }) => {
      const { shop, customerId } = await buyerFrom(db, request);
      const conversation = await latestConversationOf(db, shop.workspaceId, shop.id, customerId);
      const row = await openCase(
        db,
        { workspaceId: shop.workspaceId, agentId: null, customerId },
        { ...body, ...(conversation && conversation.status !== "closed" ? { conversationId: conversation.id } : {}) },
      );
      return { id: row.id, status: row.status, eligible: row.eligibility?.eligible ?? null };
    },
  });
}
