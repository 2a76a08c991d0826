// Reviews per order (item optional): in from the shop's system, filtered lists for the
// team, the shop's public reply; and the follow-up of the neutral and bad ones.
import type { FastifyInstance } from "fastify";
import { and, eq, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { products } from "../catalog";
import { orderCountsForCredit } from "../credit";
import { findShop, findShopById } from "../workspace";
import { publishReviewAlerts } from "./follow-up.events";
import { listFollowUps } from "./follow-up.repo";
import { FOLLOW_UP_OUTCOMES, followUpState } from "./follow-up.rules";
import { actOnFollowUp, followUpDetail, followUpView, reconcileFollowUps } from "./follow-up.service";
import { findOrderRef, findReviewRow, listReviewRows, reviewContext, setReply, upsertReview, type ReviewRow } from "./reviews.repo";

const rating = z.enum(["good", "neutral", "bad"]);
const isoTime = z.iso.datetime({ offset: true });
const ref = z.string().min(1).max(100);

async function reviewViews(db: Db, workspaceId: string, rows: ReviewRow[]) {
  const context = await reviewContext(db, workspaceId, rows);
  const now = Date.now();
  return rows.map((r) => {
    const shop = context.shops.get(r.shopId);
    const followUp = context.followUps.get(r.id);
    return {
      id: r.id,
      externalId: r.externalId,
      orderId: r.orderId,
      orderExternalId: r.orderExternalId,
      orderStatus: r.orderStatus,
      shopId: r.shopId,
      customerId: r.customerId,
      nick: context.nicks.get(r.customerId) ?? "",
      item: r.item,
      product: context.products.get(r.id) ?? null,
      rating: r.rating,
      text: r.text,
      reply: r.reply,
      repliedBy: r.repliedBy,
      repliedAt: r.repliedAt?.toISOString() ?? null,
      at: r.at.toISOString(),
      // SPEC §5: reviews of trades that do not count (not a successful escrow trade) are shown, marked 不计分.
      counted: shop ? orderCountsForCredit({ status: r.orderStatus, paidAt: r.orderPaidAt?.getTime() ?? null }, shop) : false,
      followUp: followUp ? { id: followUp.id, status: followUp.status, outcome: followUp.outcome, dueAt: followUp.dueAt.toISOString(), state: followUpState(followUp.status, followUp.dueAt.getTime(), now) } : null,
    };
  });
}

/** A review as the lists show it (the workbench takes this type). */
export type ReviewView = Awaited<ReturnType<typeof reviewViews>>[number];

async function oneReview(db: Db, workspaceId: string, id: string) {
  const row = await findReviewRow(db, workspaceId, id);
  return row ? (await reviewViews(db, workspaceId, [row]))[0]! : null;
}

async function shopIdOf(db: Db, workspaceId: string, shop: string | undefined): Promise<string | undefined> {
  if (!shop) return undefined;
  const found = await findShop(db, workspaceId, shop);
  if (!found) throw new HttpError(400, "invalid", "No such shop", "shop");
  return found.id;
}

export function registerReviewRoutes(app: FastifyInstance, db: Db, bus: EventBus): void {
  route(app, {
    method: "GET",
    url: "/api/v1/reviews",
    summary: "Reviews, newest first, filtered by shop, rating, product (or item as sent) and period",
    tags: ["reviews"],
    access: "reviews.view",
    query: z.strictObject({
      shop: ref.optional(),
      rating: rating.optional(),
      product: ref.optional(),
      item: z.string().max(100).optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    handler: async ({ auth, query }) => {
      const ws = auth.agent.workspaceId;
      let productId: string | undefined;
      if (query.product) {
        const [found] = await db
          .select({ id: products.id })
          .from(products)
          .where(and(eq(products.workspaceId, ws), or(eq(products.id, query.product), eq(products.externalId, query.product))))
          .limit(1);
        if (!found) throw new HttpError(400, "invalid", "No such product", "product");
        productId = found.id;
      }
      const rows = await listReviewRows(db, ws, {
        shopId: await shopIdOf(db, ws, query.shop),
        rating: query.rating,
        item: query.item,
        productId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        limit: query.limit,
      });
      return { items: await reviewViews(db, ws, rows) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/reviews",
    summary: "Record a buyer's review of an order (idempotent by the shop's review id); a neutral/bad one opens a follow-up",
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
      const ws = auth.agent.workspaceId;
      const order = await findOrderRef(db, ws, body.order);
      if (!order) throw new HttpError(400, "invalid", "No such order", "order");
      const id = await upsertReview(db, ws, { externalId: body.id ?? null, orderId: order.id, item: body.item ?? null, rating: body.rating, text: body.text ?? null, at: new Date(body.at) });
      const opened = await reconcileFollowUps(db, { workspaceId: ws, reviewIds: [id] });
      await publishReviewAlerts(bus, opened);
      return { review: await oneReview(db, ws, id) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/reviews/:id/reply",
    summary: "The shop's public reply to a review",
    tags: ["reviews"],
    access: "reviews.reply",
    params: z.strictObject({ id: ref }),
    body: z.strictObject({ text: z.string().trim().min(1).max(500) }),
    handler: async ({ auth, params, body }) => {
      const ws = auth.agent.workspaceId;
      const review = await findReviewRow(db, ws, params.id);
      if (!review) throw notFound("review");
      await setReply(db, ws, review.id, body.text, auth.agent.id);
      await recordAudit(db, auth, "review.reply", "review", review.id);
      return { review: await oneReview(db, ws, review.id) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/reviews/follow-ups",
    summary: "Follow-up tasks of neutral/bad reviews: open ones by due time (the modification deadline), or closed",
    tags: ["reviews"],
    access: "reviews.reply",
    query: z.strictObject({
      shop: ref.optional(),
      state: z.enum(["open", "due_soon", "overdue", "closed", "all"]).default("open"),
      limit: z.coerce.number().int().min(1).max(500).default(200),
    }),
    handler: async ({ auth, query }) => {
      const ws = auth.agent.workspaceId;
      const now = Date.now();
      const rows = await listFollowUps(db, ws, { shopId: await shopIdOf(db, ws, query.shop), state: query.state, limit: query.limit }, now);
      return { items: rows.map((r) => followUpView(r, now)) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/reviews/follow-ups/:id",
    summary: "One follow-up with every step (who did what when), the apology to start with and the buyer's conversation",
    tags: ["reviews"],
    access: "reviews.reply",
    params: z.strictObject({ id: ref }),
    handler: async ({ auth, params }) =>
      followUpDetail(db, auth, params.id, async (shopId) => {
        const shop = await findShopById(db, shopId);
        return shop && shop.workspaceId === auth.agent.workspaceId ? shop.settings : {};
      }),
  });

  const version = z.number().int().min(1);
  route(app, {
    method: "POST",
    url: "/api/v1/reviews/follow-ups/:id/actions",
    summary: "Work on a follow-up (optimistic lock: send the version you saw): take, contact, evidence, outcome, reopen",
    tags: ["reviews"],
    access: "reviews.reply",
    params: z.strictObject({ id: ref }),
    body: z.discriminatedUnion("action", [
      z.strictObject({ action: z.literal("take"), version }),
      z.strictObject({ action: z.literal("contact"), version, channel: z.enum(["chat", "phone"]), note: z.string().trim().max(1000).optional() }),
      z.strictObject({
        action: z.literal("evidence"),
        version,
        text: z.string().trim().min(1).max(2000),
        conversationId: ref.optional(),
        fromSeq: z.number().int().min(1).optional(),
        toSeq: z.number().int().min(1).optional(),
      }),
      z.strictObject({
        action: z.literal("outcome"),
        version,
        outcome: z.enum(FOLLOW_UP_OUTCOMES),
        note: z.string().trim().max(1000).optional(),
        reply: z.string().trim().min(1).max(500).optional(),
      }),
      z.strictObject({ action: z.literal("reopen"), version }),
    ]),
    handler: async ({ auth, params, body }) => {
      const followUp = await actOnFollowUp(db, auth, params.id, body);
      await recordAudit(db, auth, `review.follow_up.${body.action}`, "review_follow_up", followUp.id);
      return { followUp };
    },
  });
}

/**
 * Follow-ups for reviews that arrived some other way than this API: an import (through
 * the server or `qindesk import` beside it). Run at start, after every import through the
 * server, and every few minutes.
 */
export function startFollowUpSweep(db: Db, bus: EventBus, onError: (err: unknown) => void, everyMs = 120_000) {
  let running: Promise<void> = Promise.resolve();
  const sweep = (workspaceId?: string): Promise<void> => {
    running = running
      .then(async () => publishReviewAlerts(bus, await reconcileFollowUps(db, workspaceId ? { workspaceId } : {})))
      .catch(onError);
    return running;
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
