// Signed order webhooks, both ways, with the shop's webhook secret:
//   signature = hex HMAC-SHA256(secret, `${timestamp}.${deliveryId}.${body}`)
// sent as X-QinDesk-Timestamp (unix seconds), X-QinDesk-Delivery and X-QinDesk-Signature.
// In: the signature is checked in constant time, a timestamp more than five minutes off
// is refused (401, logged), and a delivery id seen before is refused as a replay (409).
// Out: every order change of a shop with a webhook URL becomes a job (enqueued in the
// change's own transaction), POSTed with retries and backoff; each attempt is recorded.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError } from "../../platform/http/errors";
import { parseInput, route } from "../../platform/http/route";
import { enqueueJob, type JobRunner } from "../../platform/jobs/jobs";
import { findShop, findShopById, shops } from "../workspace";
import { onOrderChange } from "./orders.changes";
import { addLogisticsEvents } from "./orders.fulfilment";
import { ingestOrder } from "./orders.ingest";
import { findOrder } from "./orders.repo";
import { webhookDeliveries, webhookReceipts } from "./orders.schema";
import type { OrderDeps } from "./orders.service";
import { inboundOrderShape, logisticsEventShape } from "./orders.shapes";
import { orderDetail } from "./orders.views";

export const WEBHOOK_QUEUE = "webhook";
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** Receipts are kept twice the timestamp window (a sender's clock may run either way). */
export const RECEIPT_KEEP_MS = 2 * 2 * MAX_CLOCK_SKEW_SECONDS * 1000;

export function signWebhook(secret: string, timestamp: string, deliveryId: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${deliveryId}.${body}`).digest("hex");
}

export type WebhookCheck = { ok: true } | { ok: false; reason: "not_configured" | "missing_headers" | "bad_signature" | "stale_timestamp" };

export function checkWebhook(secret: string | null, headers: Record<string, unknown>, body: string, nowMs: number): WebhookCheck {
  if (!secret) return { ok: false, reason: "not_configured" };
  const timestamp = headers["x-qindesk-timestamp"];
  const deliveryId = headers["x-qindesk-delivery"];
  const signature = headers["x-qindesk-signature"];
  if (typeof timestamp !== "string" || typeof deliveryId !== "string" || typeof signature !== "string") return { ok: false, reason: "missing_headers" };
  const expected = Buffer.from(signWebhook(secret, timestamp, deliveryId, body), "hex");
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
  // Compared in constant time; a wrong length is refused before comparing.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(nowMs / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "stale_timestamp" };
  return { ok: true };
}

const inboundShape = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("order"), order: inboundOrderShape }),
  z.strictObject({ type: z.literal("logistics"), order: z.string().min(1).max(100), events: z.array(logisticsEventShape).min(1).max(100) }),
]);

export function registerWebhookRoutes(app: FastifyInstance, deps: OrderDeps, jobs: JobRunner): void {
  const { db } = deps;

  void app.register(async (scope) => {
    // The signature covers the exact bytes sent, so this route reads the body as text.
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
    route(scope, {
      method: "POST",
      url: "/api/v1/webhooks/shops/:shopId/orders",
      summary: "Signed webhook from the shop's system: {type: order, order} or {type: logistics, order, events} (HMAC-SHA256, 5-minute timestamps, replays refused)",
      tags: ["orders", "webhooks"],
      access: "public",
      params: z.strictObject({ shopId: z.string().max(100) }),
      handler: async ({ params, request }) => {
        const shop = await findShopById(db, params.shopId);
        const raw = typeof request.body === "string" ? request.body : "";
        const check = shop ? checkWebhook(shop.webhookSecret, request.headers, raw, Date.now()) : ({ ok: false, reason: "not_configured" } as const);
        if (!check.ok || !shop) {
          request.log.warn({ shopId: params.shopId, reason: check.ok ? "no_shop" : check.reason }, "webhook refused");
          throw new HttpError(401, "bad_signature", "The webhook signature, timestamp or shop is not valid");
        }
        const deliveryId = String(request.headers["x-qindesk-delivery"]).slice(0, 100);
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          throw new HttpError(400, "invalid", "The body is not JSON", "body");
        }
        const input = parseInput(inboundShape, json, "body");
        const fresh = await db.insert(webhookReceipts).values({ shopId: shop.id, deliveryId }).onConflictDoNothing().returning();
        // A delivery older than the timestamp window is refused by its timestamp already:
        // its receipt is no longer needed to refuse a replay.
        await db.delete(webhookReceipts).where(and(eq(webhookReceipts.shopId, shop.id), lt(webhookReceipts.receivedAt, new Date(Date.now() - RECEIPT_KEEP_MS))));
        if (fresh.length === 0) {
          request.log.warn({ shopId: shop.id }, "webhook replay refused");
          throw new HttpError(409, "replayed", "This delivery was received before");
        }
        try {
          if (input.type === "order") {
            if (input.order.shop !== shop.id && input.order.shop !== shop.externalId) throw new HttpError(400, "invalid", "The order is for another shop", "order.shop");
            const { order, created } = await ingestOrder(deps, shop.workspaceId, input.order, "webhook");
            return { created, orderId: order.id, status: order.status };
          }
          const order = await findOrder(db, shop.workspaceId, input.order);
          if (!order || order.shopId !== shop.id) throw new HttpError(400, "invalid", "No such order in this shop", "order");
          const { added } = await addLogisticsEvents(deps, shop.workspaceId, order.id, input.events);
          return { added, orderId: order.id };
        } catch (err) {
          // A delivery that failed may be sent again once fixed: forget its id.
          await db.delete(webhookReceipts).where(and(eq(webhookReceipts.shopId, shop.id), eq(webhookReceipts.deliveryId, deliveryId)));
          throw err;
        }
      },
    });
  });

  route(app, {
    method: "GET",
    url: "/api/v1/shops/:id/webhook",
    summary: "The shop's webhook secret and URL, and the latest outbound deliveries",
    tags: ["webhooks"],
    access: "shops.manage",
    params: z.strictObject({ id: z.string().max(100) }),
    handler: async ({ auth, params }) => {
      const shop = await findShop(db, auth.agent.workspaceId, params.id);
      if (!shop) throw new HttpError(404, "not_found", "No such shop");
      const deliveries = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, shop.workspaceId), eq(webhookDeliveries.shopId, shop.id)))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(20);
      return {
        secret: shop.webhookSecret,
        url: typeof shop.settings.webhookUrl === "string" ? shop.settings.webhookUrl : null,
        inboundUrl: `/api/v1/webhooks/shops/${shop.id}/orders`,
        deliveries: deliveries.map((d) => ({ id: d.id, event: d.event, state: d.state, attempts: d.attempts, lastStatus: d.lastStatus, lastError: d.lastError, createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null })),
      };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/shops/:id/webhook/rotate",
    summary: "Make a new webhook secret (the old one stops working at once)",
    tags: ["webhooks"],
    access: "shops.manage",
    params: z.strictObject({ id: z.string().max(100) }),
    handler: async ({ auth, params }) => {
      const shop = await findShop(db, auth.agent.workspaceId, params.id);
      if (!shop) throw new HttpError(404, "not_found", "No such shop");
      const secret = randomBytes(24).toString("hex");
      await db.update(shops).set({ webhookSecret: secret }).where(eq(shops.id, shop.id));
      return { secret };
    },
  });

  // Every change of an order of a shop with a webhook URL goes out, in the change's own
  // transaction. `origin` says whether the shop's own system reported it ("shop": an echo
  // its receiver may ignore) or it happened in QinDesk (an agent, the buyer, the storefront).
  onOrderChange("webhooks", async (tx, change) => {
    const shop = await findShopById(tx, change.order.shopId);
    const url = shop?.settings.webhookUrl;
    if (!shop || typeof url !== "string" || !shop.webhookSecret) return;
    const event = change.kind === "created" ? "order.created" : change.kind === "status" ? `order.${change.order.status}` : `order.${change.kind}`;
    const id = newId("whd");
    const detail = await orderDetail(tx, change.order);
    const origin = change.fromShop ? "shop" : "qindesk";
    await tx.insert(webhookDeliveries).values({ id, workspaceId: shop.workspaceId, shopId: shop.id, event, payload: { event, origin, order: detail.order } });
    await enqueueJob(tx, { queue: WEBHOOK_QUEUE, runAt: new Date(), payload: { deliveryId: id } });
  });

  jobs.handle(WEBHOOK_QUEUE, async (job) => {
    const { deliveryId } = job.payload as { deliveryId: string };
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).limit(1);
    if (!delivery || delivery.state !== "pending") return;
    const shop = await findShopById(db, delivery.shopId);
    const url = shop?.settings.webhookUrl;
    if (!shop || typeof url !== "string" || !shop.webhookSecret) {
      await db.update(webhookDeliveries).set({ state: "failed", lastError: "webhook no longer configured" }).where(eq(webhookDeliveries.id, deliveryId));
      return;
    }
    await deliver(db, delivery, url, shop.webhookSecret, job.attempts);
  });
}

async function deliver(db: Db, delivery: typeof webhookDeliveries.$inferSelect, url: string, secret: string, attempt: number): Promise<void> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-qindesk-event": delivery.event,
        "x-qindesk-timestamp": timestamp,
        "x-qindesk-delivery": delivery.id,
        "x-qindesk-signature": signWebhook(secret, timestamp, delivery.id, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const delivered = error === null;
  await db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastStatus: status, lastError: error, ...(delivered && { state: "delivered", deliveredAt: new Date() }) })
    .where(eq(webhookDeliveries.id, delivery.id));
  // Throwing hands the retry (with backoff) to the job runner; after its last attempt the delivery is given up.
  if (!delivered) {
    if (attempt >= WEBHOOK_MAX_ATTEMPTS) await db.update(webhookDeliveries).set({ state: "failed" }).where(eq(webhookDeliveries.id, delivery.id));
    throw new Error(`webhook delivery failed: ${error}`);
  }
}

export const WEBHOOK_MAX_ATTEMPTS = 8;
