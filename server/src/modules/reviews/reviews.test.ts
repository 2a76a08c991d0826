// Reviews in by API (idempotent by id), filtered lists, the shop's reply and who may write it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { orderItems, orders } from "../orders";

let t: TestApp;
let orderId: string;
beforeAll(async () => {
  t = await createTestApp();
  orderId = (await t.database.db.select().from(orders).where(eq(orders.status, "completed")))[0]!.id;
}, 60_000);
afterAll(async () => t?.close());

describe("reviews", () => {
  it("records reviews idempotently by the shop's id and lists them by rating and period", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const post = (payload: object) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews", headers: owner.headers, payload });
    const first = await post({ id: "r-1", order: orderId, rating: "bad", text: "起球了", at: "2026-05-02T10:00:00+08:00" });
    expect(first.statusCode).toBe(201);
    expect(first.json().review).toMatchObject({ rating: "bad", text: "起球了", orderId });
    const again = await post({ id: "r-1", order: orderId, rating: "neutral", text: "起球了，客服处理了", at: "2026-05-02T10:00:00+08:00" });
    expect(again.json().review.id).toBe(first.json().review.id);
    await post({ id: "r-2", order: orderId, rating: "good", at: "2026-05-20T10:00:00+08:00" });
    expect((await post({ order: "no-such-order", rating: "good", at: "2026-05-20T10:00:00+08:00" })).json().error.field).toBe("order");
    expect((await post({ order: orderId, rating: "great", at: "2026-05-20T10:00:00+08:00" })).json().error.field).toBe("rating");

    const agent = await t.signIn("presales@demo.qindesk");
    const list = async (q: string) => (await t.qindesk.app.inject({ url: `/api/v1/reviews?${q}`, headers: { cookie: agent.cookie } })).json().items;
    expect((await list("rating=neutral")).map((r: { externalId: string }) => r.externalId)).toEqual(["r-1"]);
    expect((await list("from=2026-05-10T00:00:00%2B08:00")).map((r: { externalId: string }) => r.externalId)).toEqual(["r-2"]);
    expect((await list("")).map((r: { externalId: string }) => r.externalId)).toEqual(["r-2", "r-1"]);
  });

  it("lets after-sales answer a review publicly, not pre-sales; the reply is kept with who and when", async () => {
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews/r-1/reply", headers: presales.headers, payload: { text: "抱歉" } })).statusCode).toBe(403);
    const after = await t.signIn("aftersales@demo.qindesk");
    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews/r-1/reply", headers: after.headers, payload: { text: "亲，给您添麻烦了，已为您安排换新" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().review).toMatchObject({ reply: "亲，给您添麻烦了，已为您安排换新", repliedBy: after.agentId });
    expect(res.json().review.repliedAt).toBeTruthy();
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews/nope/reply", headers: after.headers, payload: { text: "x" } })).statusCode).toBe(404);
  });

  it("refuses recording reviews to agents (it is the shop system's job)", async () => {
    const agent = await t.signIn("aftersales@demo.qindesk");
    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews", headers: agent.headers, payload: { order: orderId, rating: "good", at: "2026-05-20T10:00:00+08:00" } });
    expect(res.statusCode).toBe(403);
  });

  it("filters by product (named by the product, one of its SKUs, or no item on an order of it) and marks reviews that do not count", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const lines = await t.database.db
      .select({ orderId: orders.id, status: orders.status, productId: orderItems.productId, skuId: orderItems.skuId })
      .from(orders)
      .innerJoin(orderItems, eq(orderItems.orderId, orders.id));
    const completed = lines.filter((l) => l.status === "completed");
    const [bySku, byOrder] = completed[0]!.productId !== completed[1]!.productId ? [completed[0]!, completed[1]!] : [completed[0]!, lines.find((l) => l.productId !== completed[0]!.productId)!];
    const delivered = lines.find((l) => l.status === "delivered")!;
    const post = (payload: object) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews", headers: owner.headers, payload: { rating: "good", at: "2026-06-01T10:00:00+08:00", ...payload } });
    expect((await post({ id: "p-sku", order: bySku.orderId, item: bySku.skuId })).statusCode).toBe(201);
    expect((await post({ id: "p-order", order: byOrder.orderId })).statusCode).toBe(201);
    const onDelivered = (await post({ id: "p-delivered", order: delivered.orderId })).json().review;
    // Not yet a successful trade: shown, but 不计分.
    expect(onDelivered.counted).toBe(false);

    const list = async (q: string) => (await t.qindesk.app.inject({ url: `/api/v1/reviews?${q}`, headers: { cookie: owner.cookie } })).json().items as { externalId: string; product: { id: string; title: string } | null; counted: boolean; nick: string }[];
    const ofSku = await list(`product=${bySku.productId}`);
    expect(ofSku.map((r) => r.externalId)).toContain("p-sku");
    expect(ofSku.map((r) => r.externalId)).not.toContain("p-order");
    expect(ofSku.find((r) => r.externalId === "p-sku")).toMatchObject({ product: { id: bySku.productId }, counted: true });
    expect(ofSku[0]!.product!.title).toBeTruthy();
    const ofOrder = await list(`product=${byOrder.productId}`);
    expect(ofOrder.map((r) => r.externalId)).toContain("p-order");
    expect(ofOrder.find((r) => r.externalId === "p-order")!.nick).not.toBe("");
    expect((await t.qindesk.app.inject({ url: "/api/v1/reviews?product=nope", headers: { cookie: owner.cookie } })).json().error.field).toBe("product");
  });
});
