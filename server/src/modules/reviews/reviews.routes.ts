// Reviews per order (item optional): in from the shop's system, filtered lists for the
// team, and the shop's public reply.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { findShop } from "../workspace";
import { findOrderRef, findReview, listReviews, setReply, upsertReview } from "./reviews.repo";

const rating = z.enum(["good", "neutral", "bad"]);
const isoTime = z.iso.datetime({ offset: true });

export function registerReviewRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/reviews",
    summary: "Reviews, newest first, filtered by shop, rating, item and period",
    tags: ["reviews"],
    access: "reviews.view",
    query: z.strictObject({
      shop: z.string().max(100).optional(),
      rating: rating.optional(),
      item: z.string().max(100).optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    handler: async ({ auth, query }) => {
      let shopId: string | undefined;
      if (query.shop) {
        const shop = await findShop(db, auth.agent.workspaceId, query.shop);
        if (!shop) throw new HttpError(400, "invalid", "No such shop", "shop");
        shopId = shop.id;
      }
      const items = await listReviews(db, auth.agent.workspaceId, {
        shopId,
        rating: query.rating,
        item: query.item,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        limit: query.limit,
      });
      return { items };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/reviews",
    summary: "Record a buyer's review of an order (idempotent by the shop's review id)",
    tags: ["reviews"],
    access: "data.import",
    status: 201,
    body: z.strictObject({
      id: z.string().min(1).max(100).optional(),
      order: z.string().min(1).max(100),
      item: z.string().max(100).optional(),
      rating,
      text: z.string().max(2000).optional(),
      at: isoTime,
    }),
    handler: async ({ auth, body }) => {
      const order = await findOrderRef(db, auth.agent.workspaceId, body.order);
      if (!order) throw new HttpError(400, "invalid", "No such order", "order");
      const id = await upsertReview(db, auth.agent.workspaceId, {
        externalId: body.id ?? null,
        orderId: order.id,
        item: body.item ?? null,
        rating: body.rating,
        text: body.text ?? null,
        at: new Date(body.at),
      });
      return { review: await findReview(db, auth.agent.workspaceId, id) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/reviews/:id/reply",
    summary: "The shop's public reply to a review",
    tags: ["reviews"],
    access: "reviews.reply",
    params: z.strictObject({ id: z.string().max(100) }),
    body: z.strictObject({ text: z.string().trim().min(1).max(500) }),
    handler: async ({ auth, params, body }) => {
      const review = await findReview(db, auth.agent.workspaceId, params.id);
      if (!review) throw notFound("review");
      await setReply(db, auth.agent.workspaceId, review.id, body.text, auth.agent.id);
      await recordAudit(db, auth, "review.reply", "review", review.id);
      return { review: await findReview(db, auth.agent.workspaceId, review.id) };
    },
  });
}
