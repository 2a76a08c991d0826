// The buyer's after-sales request from the widget: their own orders only, a case the
// team sees (opened by the buyer), and the same refusals as everywhere else.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, demoShopId } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { insertOrder } from "../orders";
import { aftersalesCases } from "./aftersales.schema";

let t: TestApp;
let shopId: string;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
}, 60_000);
afterAll(async () => t?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("after-sales from the widget", () => {
  it("lists the buyer's orders and opens a case on one of them", async () => {
    const me = await buyerSession(t, shopId);
    const other = await buyerSession(t, shopId);
    const mine = await insertOrder(t.database.db, t.workspaceId, { shopId, customerId: me.customer.id, externalId: "TB1", status: "paid", createdAt: new Date(), paidAt: new Date(), items: [{ productId: null, skuId: null, qty: 1, priceCents: 5000 }] });
    const theirs = await insertOrder(t.database.db, t.workspaceId, { shopId, customerId: other.customer.id, status: "paid", createdAt: new Date(), paidAt: new Date(), items: [{ productId: null, skuId: null, qty: 1, priceCents: 100 }] });

    const orders = await t.qindesk.app.inject({ url: "/api/widget/orders", headers: bearer(me.token) });
    expect(orders.json<{ items: { id: string; externalId: string }[] }>().items.map((o) => o.externalId)).toEqual(["TB1"]);

    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/aftersales", headers: bearer(me.token), payload: { orderId: mine, kind: "refund_only", reason: "other", note: "不想要了" } });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.database.db.select().from(aftersalesCases).where(eq(aftersalesCases.orderId, mine));
    expect(row).toMatchObject({ customerId: me.customer.id, openedBy: null, kind: "refund_only", note: "不想要了" });
    // Not yet shipped: a refund without a return.
    expect(row!.eligibility).toMatchObject({ eligible: true, notes: [{ code: "not_shipped_refund" }] });

    const foreign = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/aftersales", headers: bearer(me.token), payload: { orderId: theirs, kind: "return", reason: "other" } });
    expect(foreign.statusCode).toBe(404);
    // A buyer may not pick the team's own kinds.
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/widget/aftersales", headers: bearer(me.token), payload: { orderId: mine, kind: "complaint", reason: "other" } })).statusCode).toBe(400);
    expect((await t.qindesk.app.inject({ url: "/api/widget/orders" })).statusCode).toBe(401);
    expect((await t.qindesk.app.inject({ url: "/api/widget/orders", headers: bearer(`${me.token}x`) })).statusCode).toBe(401);
  });
});
