// Signed order webhooks on a real database. In: HMAC-SHA256 over
// `${timestamp}.${deliveryId}.${body}` with the shop's secret, refused (401) when the
// signature, the timestamp (±5 min) or the set-up is wrong, 409 for a replayed delivery,
// and a delivery that failed may be sent again. The secret: owner only. Out: every order
// change of a shop with a webhook URL is POSTed, signed, to a real local HTTP server by the
// job runner, retried after an error and given up after the last attempt.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { products, skus } from "../catalog";
import { shops } from "../workspace";
import { orders, webhookReceipts } from "./orders.schema";
import { checkWebhook, RECEIPT_KEEP_MS, signWebhook, WEBHOOK_MAX_ATTEMPTS } from "./webhooks";

let t: TestApp;
let shopId: string;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  const [product] = await t.database.db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
  await t.database.db.insert(skus).values({ id: "sku_hook", workspaceId: t.workspaceId, productId: product!.id, externalId: "HOOK-SKU", color: "钩子色", size: "M", stock: 100 });
}, 60_000);
afterAll(async () => t?.close());

const inject = (method: "GET" | "POST" | "PATCH", url: string, session: Session, payload?: object) => t.qindesk.app.inject({ method, url, headers: session.headers, ...(payload && { payload }) });

async function rotate(): Promise<string> {
  const res = await inject("POST", `/api/v1/shops/${shopId}/webhook/rotate`, owner);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ secret: string }>().secret;
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** Sends a body to the inbound webhook exactly as a shop's system would. */
function deliverIn(body: string, opts: { secret: string; deliveryId: string; timestamp?: string; signature?: string; contentType?: string; shop?: string }) {
  const timestamp = opts.timestamp ?? nowSeconds();
  return t.qindesk.app.inject({
    method: "POST",
    url: `/api/v1/webhooks/shops/${opts.shop ?? shopId}/orders`,
    headers: {
      "content-type": opts.contentType ?? "application/json",
      "x-qindesk-timestamp": timestamp,
      "x-qindesk-delivery": opts.deliveryId,
      "x-qindesk-signature": opts.signature ?? signWebhook(opts.secret, timestamp, opts.deliveryId, body),
    },
    payload: body,
  });
}

const shopOrder = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  shop: shopId,
  customer: "tb_hook_buyer",
  status: "paid",
  createdAt: "2026-11-30T10:00:00+08:00",
  paidAt: "2026-11-30T10:01:00+08:00",
  items: [{ sku: "HOOK-SKU", qty: 1, price: 99 }],
  recipient: { name: "赵敏", phone: "13700001111", address: "浙江省杭州市滨江区江南大道1号" },
  ...extra,
});

const orderRow = async (externalId: string) => (await t.database.db.select().from(orders).where(eq(orders.externalId, externalId)))[0];

describe("the shop's webhook secret", () => {
  it("is the owner's: others get 403, a shop of another workspace 404", async () => {
    for (const email of ["supervisor@demo.qindesk", "presales@demo.qindesk"]) {
      const s = await t.signIn(email);
      expect((await inject("GET", `/api/v1/shops/${shopId}/webhook`, s)).statusCode).toBe(403);
      expect((await inject("POST", `/api/v1/shops/${shopId}/webhook/rotate`, s)).statusCode).toBe(403);
    }
    await t.database.db.execute(sql`insert into workspaces (id, name) values ('ws_hook_other', 'Other')`);
    await t.database.db.insert(shops).values({ id: "shop_hook_other", workspaceId: "ws_hook_other", name: "别家", platform: "taobao", timezone: "Asia/Shanghai", currency: "CNY", settings: {}, widgetSecret: "w", webhookSecret: "their-secret" });
    expect((await inject("GET", "/api/v1/shops/shop_hook_other/webhook", owner)).statusCode).toBe(404);
    expect((await inject("POST", "/api/v1/shops/shop_hook_other/webhook/rotate", owner)).statusCode).toBe(404);
    expect((await t.database.db.select().from(shops).where(eq(shops.id, "shop_hook_other")))[0]!.webhookSecret).toBe("their-secret");
  });

  it("refuses every delivery until a secret is made (401), then shows it with the inbound URL", async () => {
    const before = await inject("GET", `/api/v1/shops/${shopId}/webhook`, owner);
    expect(before.json()).toMatchObject({ secret: null, url: null, inboundUrl: `/api/v1/webhooks/shops/${shopId}/orders`, deliveries: [] });
    const body = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-0") });
    expect((await deliverIn(body, { secret: "", deliveryId: "d-none" })).statusCode).toBe(401);
    // An unknown shop answers the same as an unconfigured one.
    expect((await deliverIn(body, { secret: "x", deliveryId: "d-none", shop: "shop_nope" })).statusCode).toBe(401);

    const secret = await rotate();
    expect(secret).toMatch(/^[0-9a-f]{48}$/);
    expect((await inject("GET", `/api/v1/shops/${shopId}/webhook`, owner)).json<{ secret: string }>().secret).toBe(secret);
  });
});

describe("inbound webhook", () => {
  let secret: string;
  beforeAll(async () => {
    secret = await rotate();
  });

  it("accepts a signed order (created, stock taken) and a signed logistics update", async () => {
    const stockBefore = (await t.database.db.select().from(skus).where(eq(skus.id, "sku_hook")))[0]!.stock;
    const res = await deliverIn(JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-1") }), { secret, deliveryId: "d-1" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: true, status: "paid" });
    expect(await orderRow("TB-HOOK-1")).toMatchObject({ source: "webhook", status: "paid" });
    expect((await t.database.db.select().from(skus).where(eq(skus.id, "sku_hook")))[0]!.stock).toBe(stockBefore - 1);

    const events = [{ id: "ev-1", at: "2026-12-01T09:12:00+08:00", location: "杭州", description: "快递员已揽收", status: "picked_up" }];
    const logistics = await deliverIn(JSON.stringify({ type: "logistics", order: "TB-HOOK-1", events }), { secret, deliveryId: "d-2" });
    expect(logistics.statusCode, logistics.body).toBe(200);
    expect(logistics.json()).toMatchObject({ added: 1 });
    expect(await orderRow("TB-HOOK-1")).toMatchObject({ status: "shipped" });
  });

  it("checks the exact bytes sent, also with a charset in the content type", async () => {
    // Spacing the parser would lose: the signature covers it.
    const body = `{ "type": "order",\n  "order": ${JSON.stringify(shopOrder("TB-HOOK-2"))} }`;
    const res = await deliverIn(body, { secret, deliveryId: "d-bytes", contentType: "application/json; charset=utf-8" });
    expect(res.statusCode, res.body).toBe(200);
    // The same signature over a re-serialised body does not pass.
    const timestamp = nowSeconds();
    const signature = signWebhook(secret, timestamp, "d-bytes-2", body);
    expect((await deliverIn(JSON.stringify(JSON.parse(body)), { secret, deliveryId: "d-bytes-2", timestamp, signature })).statusCode).toBe(401);
  });

  it("refuses a bad signature, another shop's secret, missing headers and a timestamp more than five minutes off (401), and keeps nothing", async () => {
    const body = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-BAD") });
    const refused = [
      await deliverIn(body, { secret: "not-the-secret", deliveryId: "b-1" }),
      await deliverIn(body, { secret, deliveryId: "b-2", signature: "00".repeat(32) }),
      await deliverIn(body, { secret, deliveryId: "b-3", signature: "abc" }),
      await deliverIn(body, { secret, deliveryId: "b-4", signature: "zz".repeat(32) }),
      await deliverIn(body, { secret, deliveryId: "b-5", timestamp: String(Math.floor(Date.now() / 1000) - 301) }),
      await deliverIn(body, { secret, deliveryId: "b-6", timestamp: String(Math.floor(Date.now() / 1000) + 301) }),
      await deliverIn(body, { secret, deliveryId: "b-7", timestamp: "yesterday" }),
      // Signed for another delivery id: the id is part of what is signed.
      await deliverIn(body, { secret, deliveryId: "b-8", signature: signWebhook(secret, nowSeconds(), "b-other", body) }),
      await t.qindesk.app.inject({ method: "POST", url: `/api/v1/webhooks/shops/${shopId}/orders`, headers: { "content-type": "application/json" }, payload: body }),
    ];
    for (const res of refused) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json<{ error: { code: string } }>().error.code).toBe("bad_signature");
    }
    expect(await orderRow("TB-HOOK-BAD")).toBeUndefined();
    // A refused delivery's id is not burnt: the genuine one still goes through.
    expect((await deliverIn(body, { secret, deliveryId: "b-5" })).statusCode).toBe(200);
  });

  it("accepts a timestamp just inside five minutes either way", async () => {
    const at = Math.floor(Date.now() / 1000);
    expect(checkWebhook(secret, headersFor(secret, String(at - 290), "edge", "{}"), "{}", at * 1000)).toEqual({ ok: true });
    expect(checkWebhook(secret, headersFor(secret, String(at + 290), "edge", "{}"), "{}", at * 1000)).toEqual({ ok: true });
    expect(checkWebhook(secret, headersFor(secret, String(at - 301), "edge", "{}"), "{}", at * 1000)).toEqual({ ok: false, reason: "stale_timestamp" });
    expect(checkWebhook(null, headersFor(secret, String(at), "edge", "{}"), "{}", at * 1000)).toEqual({ ok: false, reason: "not_configured" });
  });

  it("refuses a replayed delivery id with 409, also when two arrive at once", async () => {
    const body = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-3") });
    expect((await deliverIn(body, { secret, deliveryId: "r-1" })).statusCode).toBe(200);
    const replay = await deliverIn(body, { secret, deliveryId: "r-1" });
    expect(replay.statusCode).toBe(409);
    expect(replay.json<{ error: { code: string } }>().error.code).toBe("replayed");
    // A new delivery of the same order is fine (idempotent by the order number).
    expect((await deliverIn(body, { secret, deliveryId: "r-2" })).json()).toMatchObject({ created: false });

    const twin = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-4") });
    const both = await Promise.all([deliverIn(twin, { secret, deliveryId: "r-3" }), deliverIn(twin, { secret, deliveryId: "r-3" })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from orders where external_id = 'TB-HOOK-4'`);
    expect(rows[0]!.n).toBe(1);
  });

  it("forgets receipts older than the timestamp window can replay", async () => {
    await t.database.db.insert(webhookReceipts).values({ shopId, deliveryId: "ancient", receivedAt: new Date(Date.now() - RECEIPT_KEEP_MS - 60_000) });
    await t.database.db.insert(webhookReceipts).values({ shopId, deliveryId: "recent", receivedAt: new Date(Date.now() - 60_000) });
    expect((await deliverIn(JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-5") }), { secret, deliveryId: "r-5" })).statusCode).toBe(200);
    const kept = (await t.database.db.select({ id: webhookReceipts.deliveryId }).from(webhookReceipts).where(eq(webhookReceipts.shopId, shopId))).map((r) => r.id);
    expect(kept).toContain("recent");
    expect(kept).toContain("r-5");
    expect(kept).not.toContain("ancient");
  });

  it("two deliveries of one new order at once create it once, its stock taken once", async () => {
    const before = (await t.database.db.select().from(skus).where(eq(skus.id, "sku_hook")))[0]!.stock;
    const body = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-8", { items: [{ sku: "HOOK-SKU", qty: 3, price: 99 }] }) });
    const results = await Promise.all(["c-1", "c-2", "c-3", "c-4"].map((deliveryId) => deliverIn(body, { secret, deliveryId })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(results.map((r) => r.json<{ created: boolean }>().created).filter(Boolean)).toHaveLength(1);
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from orders where external_id = 'TB-HOOK-8'`);
    expect(rows[0]!.n).toBe(1);
    expect((await t.database.db.select().from(skus).where(eq(skus.id, "sku_hook")))[0]!.stock).toBe(before - 3);
  });

  it("lets a delivery that failed be sent again with the same id once fixed", async () => {
    const broken = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-5", { items: [{ sku: "NO-SUCH-SKU", qty: 1, price: 99 }] }) });
    const first = await deliverIn(broken, { secret, deliveryId: "f-1" });
    expect(first.statusCode).toBe(400);
    expect(first.json<{ error: { field: string } }>().error.field).toBe("items.0.sku");
    // The same failing delivery again: the same answer, not "replayed".
    expect((await deliverIn(broken, { secret, deliveryId: "f-1" })).statusCode).toBe(400);
    const fixed = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-5") });
    expect((await deliverIn(fixed, { secret, deliveryId: "f-1" })).statusCode).toBe(200);
    expect((await deliverIn(fixed, { secret, deliveryId: "f-1" })).statusCode).toBe(409);

    // Logistics for an order this shop does not have, and bodies that are not what is expected.
    expect((await deliverIn(JSON.stringify({ type: "logistics", order: "TB-NOPE", events: [{ at: "2026-12-01T09:12:00+08:00", description: "x" }] }), { secret, deliveryId: "f-2" })).statusCode).toBe(400);
    expect((await deliverIn("not json", { secret, deliveryId: "f-3" })).statusCode).toBe(400);
    expect((await deliverIn(JSON.stringify({ type: "refund" }), { secret, deliveryId: "f-4" })).statusCode).toBe(400);
    expect((await deliverIn(JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-6", { shop: "another-shop" }) }), { secret, deliveryId: "f-5" })).statusCode).toBe(400);
    expect(await orderRow("TB-HOOK-6")).toBeUndefined();
  });

  it("stops accepting the old secret at once when it is rotated", async () => {
    const old = secret;
    secret = await rotate();
    const body = JSON.stringify({ type: "order", order: shopOrder("TB-HOOK-7") });
    expect((await deliverIn(body, { secret: old, deliveryId: "o-1" })).statusCode).toBe(401);
    expect((await deliverIn(body, { secret, deliveryId: "o-1" })).statusCode).toBe(200);
  });
});

function headersFor(secret: string, timestamp: string, deliveryId: string, body: string) {
  return { "x-qindesk-timestamp": timestamp, "x-qindesk-delivery": deliveryId, "x-qindesk-signature": signWebhook(secret, timestamp, deliveryId, body) };
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe("outbound webhooks", () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** Status the receiver answers per path, one per request (then 200). */
  const answers = new Map<string, number[]>();
  let secret: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "/";
        received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        const queue = answers.get(path);
        const status = queue && queue.length > 0 ? queue.shift()! : path === "/down" ? 500 : 200;
        res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "nope");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    secret = await rotate();
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  async function setUrl(url: string | null) {
    const res = await inject("PATCH", `/api/v1/shops/${shopId}`, owner, { settings: { webhookUrl: url } });
    expect(res.statusCode, res.body).toBe(200);
  }
  const report = (id: string, extra: Record<string, unknown> = {}) => inject("POST", "/api/v1/orders", owner, shopOrder(id, { status: "awaiting_payment", paidAt: null, ...extra }));
  const deliveries = async () => (await inject("GET", `/api/v1/shops/${shopId}/webhook`, owner)).json<{ url: string | null; deliveries: { id: string; event: string; state: string; attempts: number; lastStatus: number | null; lastError: string | null; deliveredAt: string | null }[] }>();
  const jobsRun = (now?: Date) => t.qindesk.jobs.runDue(now);
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

  it("refuses a webhook URL that is not http(s)", async () => {
    const res = await inject("PATCH", `/api/v1/shops/${shopId}`, owner, { settings: { webhookUrl: "ftp://example.com/hook" } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toContain("webhookUrl");
  });

  it("sends nothing while the shop has no webhook URL", async () => {
    expect((await report("TB-OUT-0")).statusCode).toBe(201);
    await jobsRun(later(1));
    expect(received).toEqual([]);
    expect((await deliveries()).deliveries).toEqual([]);
  });

  it("POSTs each order change, signed with the shop's secret, and records the delivery", async () => {
    await setUrl(`${base}/ok`);
    expect((await deliveries()).url).toBe(`${base}/ok`);
    expect((await report("TB-OUT-1")).statusCode).toBe(201);
    expect((await report("TB-OUT-1", { status: "paid", paidAt: "2026-11-30T10:05:00+08:00" })).statusCode).toBe(200);
    expect((await inject("POST", "/api/v1/orders/TB-OUT-1/remark", owner, { remark: "送小样" })).statusCode).toBe(200);
    expect(received).toEqual([]); // nothing goes out before the jobs run
    expect(await jobsRun()).toBe(3);

    expect(received.map((r) => r.path)).toEqual(["/ok", "/ok", "/ok"]);
    const events = received.map((r) => JSON.parse(r.body) as { event: string; order: { externalId: string; status: string; remark: string | null; recipient: { phone: string } } });
    expect(events.map((e) => [e.event, e.order.externalId, e.order.status])).toEqual([
      ["order.created", "TB-OUT-1", "awaiting_payment"],
      ["order.paid", "TB-OUT-1", "paid"],
      ["order.remark", "TB-OUT-1", "paid"],
    ]);
    expect(events[2]!.order.remark).toBe("送小样");
    // What the shop's system reported comes back marked as its own; the remark was made in QinDesk.
    expect(received.map((r) => (JSON.parse(r.body) as { origin: string }).origin)).toEqual(["shop", "shop", "qindesk"]);
    // The order leaves QinDesk masked, as agents see it.
    expect(events[0]!.order.recipient.phone).toBe("137****1111");
    for (const r of received) {
      const timestamp = r.headers["x-qindesk-timestamp"] as string;
      const deliveryId = r.headers["x-qindesk-delivery"] as string;
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["x-qindesk-signature"]).toBe(signWebhook(secret, timestamp, deliveryId, r.body));
      // The receiver's own check passes with the shop's secret (and fails with another).
      expect(checkWebhook(secret, r.headers, r.body, Date.now())).toEqual({ ok: true });
      expect(checkWebhook(`${secret}x`, r.headers, r.body, Date.now())).toEqual({ ok: false, reason: "bad_signature" });
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    }
    const list = (await deliveries()).deliveries;
    expect(list).toHaveLength(3);
    expect(list.every((d) => d.state === "delivered" && d.attempts === 1 && d.lastStatus === 200 && d.deliveredAt !== null)).toBe(true);
    expect(new Set(list.map((d) => d.id))).toEqual(new Set(received.map((r) => r.headers["x-qindesk-delivery"])));
    // Delivered: running the jobs again sends nothing twice.
    await jobsRun(later(3600));
    expect(received).toHaveLength(3);
  });

  it("retries after an error answer, later, and records each attempt", async () => {
    received.length = 0;
    answers.set("/flaky", [500, 503]);
    await setUrl(`${base}/flaky`);
    expect((await report("TB-OUT-2")).statusCode).toBe(201);
    await jobsRun();
    expect(received).toHaveLength(1);
    let [d] = (await deliveries()).deliveries;
    expect(d).toMatchObject({ event: "order.created", state: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500" });
    // Not again before the back-off is over…
    await jobsRun();
    expect(received).toHaveLength(1);
    // …then again, with the same delivery id (the receiver may de-duplicate) and a fresh signature.
    await jobsRun(later(11));
    expect(received).toHaveLength(2);
    [d] = (await deliveries()).deliveries;
    expect(d).toMatchObject({ state: "pending", attempts: 2, lastStatus: 503 });
    await jobsRun(later(60));
    expect(received).toHaveLength(3);
    [d] = (await deliveries()).deliveries;
    expect(d).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200, lastError: null });
    expect(new Set(received.map((r) => r.headers["x-qindesk-delivery"]))).toEqual(new Set([d!.id]));
    for (const r of received) expect(checkWebhook(secret, r.headers, r.body, Date.now())).toEqual({ ok: true });
  });

  it("gives up after the last attempt: the delivery and its job are failed", async () => {
    received.length = 0;
    await setUrl(`${base}/down`);
    expect((await report("TB-OUT-3")).statusCode).toBe(201);
    // Each run an hour later than the one before: past any back-off.
    for (let hour = 0; hour <= WEBHOOK_MAX_ATTEMPTS + 3; hour++) await jobsRun(later(hour * 3600));
    expect(received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    const [d] = (await deliveries()).deliveries;
    expect(d).toMatchObject({ event: "order.created", state: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, lastStatus: 500 });
    const [job] = await queryRows<{ state: string; attempts: number }>(t.database.db, sql`select state, attempts from jobs where queue = 'webhook' and payload->>'deliveryId' = ${d!.id}`);
    expect(job).toEqual({ state: "failed", attempts: WEBHOOK_MAX_ATTEMPTS });
  });

  it("records a receiver that cannot be reached, and stops when the URL is taken away", async () => {
    received.length = 0;
    // A port nobody listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setUrl(`http://127.0.0.1:${port}/gone`);
    expect((await report("TB-OUT-4")).statusCode).toBe(201);
    await jobsRun();
    let [d] = (await deliveries()).deliveries;
    expect(d).toMatchObject({ state: "pending", attempts: 1, lastStatus: null });
    expect(d!.lastError).toBeTruthy();

    await setUrl(null);
    await jobsRun(later(3600));
    [d] = (await deliveries()).deliveries;
    expect(d).toMatchObject({ state: "failed", lastError: "webhook no longer configured" });
    // And no new deliveries for later changes.
    expect((await report("TB-OUT-5")).statusCode).toBe(201);
    expect((await deliveries()).deliveries.filter((x) => x.state === "pending")).toEqual([]);
    expect(received).toEqual([]);
  });
});
