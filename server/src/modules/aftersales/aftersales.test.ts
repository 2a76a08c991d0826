// After-sales cases over HTTP on a real database: a return from request to refund with
// stock back, an accepted exchange that ships a replacement, a failed step that leaves
// nothing behind, two agents acting at once, and the visibility rules.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { products, skus } from "../catalog";
import { insertCustomer } from "../customers";
import { insertOrder, orders } from "../orders";

let t: TestApp;
let agent: Session;
let shopId: string;
let skuId: string;
let productId: string;
let customerId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  agent = await t.signIn("aftersales@demo.qindesk");
  const [sku] = await t.database.db.select({ id: skus.id, productId: skus.productId }).from(skus).innerJoin(products, eq(products.id, skus.productId)).where(eq(products.shopId, shopId)).limit(1);
  skuId = sku!.id;
  productId = sku!.productId;
  customerId = (await insertCustomer(t.database.db, t.workspaceId, { nick: "退货买家" })).id;
}, 60_000);
afterAll(async () => t?.close());

async function deliveredOrder(daysAgo: number, qty = 1): Promise<string> {
  const id = await insertOrder(t.database.db, t.workspaceId, {
    shopId,
    customerId,
    status: "delivered",
    createdAt: new Date(Date.now() - (daysAgo + 3) * DAY),
    paidAt: new Date(Date.now() - (daysAgo + 3) * DAY),
    items: [{ productId, skuId, qty, priceCents: 9900 }],
  });
  await t.database.db.update(orders).set({ shippedAt: new Date(Date.now() - (daysAgo + 2) * DAY), deliveredAt: new Date(Date.now() - daysAgo * DAY) }).where(eq(orders.id, id));
  return id;
}

const stock = async () => (await queryRows<{ stock: number }>(t.database.db, sql`select stock from skus where id = ${skuId}`))[0]!.stock;
const setStock = (n: number) => t.database.db.execute(sql`update skus set stock = ${n} where id = ${skuId}`);

interface CaseView {
  id: string;
  status: string;
  version: number;
  actions: string[];
  eligibility: { eligible: boolean; notes: { code: string }[] } | null;
}

const post = (url: string, payload: object, headers: Record<string, string> = agent.headers) => t.qindesk.app.inject({ method: "POST", url, payload, headers });
const open = async (payload: object) => {
  const res = await post("/api/v1/aftersales/cases", payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseView>();
};
async function act(c: CaseView, action: string, extra: object = {}): Promise<CaseView> {
  const res = await post(`/api/v1/aftersales/cases/${c.id}/actions`, { action, version: c.version, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseView>();
}

describe("after-sales cases", () => {
  it("a return: exchange offered first, declined, goods back, refunded, stock restored, every step recorded", async () => {
    const orderId = await deliveredOrder(2, 2);
    const eligible = await t.qindesk.app.inject({ url: `/api/v1/aftersales/eligibility?orderId=${orderId}&kind=return&reason=size_fit&condition=unused`, headers: agent.headers });
    expect(eligible.json()).toMatchObject({ eligibility: { eligible: true, notes: [{ code: "within_window" }], returnShippingPaidBy: "buyer" } });

    let c = await open({ kind: "return", reason: "size_fit", orderId, condition: "unused" });
    expect(c).toMatchObject({ status: "opened", version: 1, actions: ["offer_retention", "cancel"], eligibility: { eligible: true } });
    c = await act(c, "offer_retention", { offer: "同价位换款：雾霾蓝 L" });
    c = await act(c, "buyer_declines");
    c = await act(c, "mark_return_shipped", { trackingNumber: "SF1234567890" });
    c = await act(c, "receive_return");
    c = await act(c, "inspect");
    expect(c.actions).toEqual(["refund", "cancel"]);
    await setStock(5);
    c = await act(c, "refund", { refundCents: 19800 });
    expect(await stock()).toBe(7);
    const [order] = await t.database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe("refunded");
    c = await act(c, "close");
    expect(c).toMatchObject({ status: "closed", actions: [] });

    const detail = await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}`, headers: agent.headers });
    const steps = detail.json<{ steps: { action: string; to: string; agentId: string }[] }>().steps;
    expect(steps.map((s) => s.action)).toEqual(["open", "offer_retention", "buyer_declines", "mark_return_shipped", "receive_return", "inspect", "refund", "close"]);
    expect(new Set(steps.map((s) => s.agentId))).toEqual(new Set([agent.agentId]));
    // The customer's after-sales file holds it.
    const file = await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases?customerId=${customerId}`, headers: agent.headers });
    expect(file.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(c.id);
  });

  it("an accepted exchange ships a replacement order; without stock the step fails and nothing of it remains", async () => {
    const orderId = await deliveredOrder(1);
    let c = await open({ kind: "quality_complaint", reason: "quality", orderId });
    expect(c.eligibility).toMatchObject({ eligible: true, notes: [{ code: "shop_fault" }] });
    c = await act(c, "offer_retention", { offer: "换一件新的" });
    c = await act(c, "buyer_accepts_exchange");
    c = await act(c, "mark_return_shipped", { trackingNumber: "YT55" });
    c = await act(c, "receive_return");
    c = await act(c, "inspect");
    expect(c.actions).toEqual(["ship_replacement", "cancel"]);
    const ordersBefore = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from orders where customer_id = ${customerId}`))[0]!.n;

    await setStock(0);
    const failed = await post(`/api/v1/aftersales/cases/${c.id}/actions`, { action: "ship_replacement", version: c.version });
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toMatchObject({ error: { code: "out_of_stock" } });
    const after = (await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}`, headers: agent.headers })).json<{ case: CaseView; steps: unknown[] }>();
    expect(after.case).toMatchObject({ status: "inspected", version: c.version });
    expect(after.steps).toHaveLength(6);
    expect((await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from orders where customer_id = ${customerId}`))[0]!.n).toBe(ordersBefore);

    await setStock(3);
    c = await act(c, "ship_replacement");
    expect(await stock()).toBe(2);
    const [replacement] = await queryRows<{ total_cents: number; status: string }>(
      t.database.db,
      sql`select total_cents, status from orders where customer_id = ${customerId} order by created_at desc limit 1`,
    );
    expect(replacement).toEqual({ total_cents: 0, status: "paid" });
  });

  it("two agents acting at once: one wins, the other is told to reload", async () => {
    const orderId = await deliveredOrder(1);
    const c = await open({ kind: "exchange", reason: "size_fit", orderId });
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    const [a, b] = await Promise.all([
      post(`/api/v1/aftersales/cases/${c.id}/actions`, { action: "authorise_return", version: 1 }),
      post(`/api/v1/aftersales/cases/${c.id}/actions`, { action: "cancel", version: 1 }, supervisor.headers),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = (await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}`, headers: agent.headers })).json<{ steps: unknown[] }>().steps;
    expect(steps).toHaveLength(2);
  });

  it("refuses invalid moves and missing facts with a clear error", async () => {
    const orderId = await deliveredOrder(1);
    const c = await open({ kind: "return", reason: "no_reason", orderId, condition: "unused" });
    const skip = await post(`/api/v1/aftersales/cases/${c.id}/actions`, { action: "refund", version: 1, refundCents: 100 });
    expect(skip.statusCode).toBe(400);
    expect(skip.json()).toMatchObject({ error: { code: "invalid_transition", message: '"refund" is not possible for a return case that is opened; possible now: offer_retention, cancel' } });
    const noOffer = await post(`/api/v1/aftersales/cases/${c.id}/actions`, { action: "offer_retention", version: 1 });
    expect(noOffer.json()).toMatchObject({ error: { field: "offer" } });
    expect((await post("/api/v1/aftersales/cases", { kind: "return", reason: "no_reason" })).json()).toMatchObject({ error: { field: "orderId" } });
    expect((await post("/api/v1/aftersales/cases", { kind: "return", reason: "because" })).statusCode).toBe(400);
  });

  it("sees nothing of another workspace, and nothing without a session", async () => {
    await t.database.db.execute(sql`insert into workspaces (id, name) values ('ws_far', 'Far')`);
    await t.database.db.execute(sql`insert into shops (id, workspace_id, name, widget_secret) values ('shop_far', 'ws_far', 'Far', 'x')`);
    const far = await insertOrder(t.database.db, "ws_far", { shopId: "shop_far", customerId: "cu_far", status: "paid", createdAt: new Date(), paidAt: new Date(), items: [{ productId: null, skuId: null, qty: 1, priceCents: 100 }] });
    expect((await post("/api/v1/aftersales/cases", { kind: "refund_only", reason: "other", orderId: far })).statusCode).toBe(404);
    expect((await t.qindesk.app.inject({ url: `/api/v1/aftersales/eligibility?orderId=${far}&kind=return&reason=other`, headers: agent.headers })).statusCode).toBe(404);
    expect((await post("/api/v1/aftersales/cases", { kind: "refund_only", reason: "other" }, {})).statusCode).toBe(401);
    expect((await t.qindesk.app.inject({ url: "/api/v1/aftersales/cases/case_nope", headers: agent.headers })).statusCode).toBe(404);
  });

  it("reports the reason mix, by product and agent, and the return rate on the dashboard", async () => {
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Shanghai's date
    const from = new Date(Date.now() + 8 * 3600_000 - 30 * DAY).toISOString().slice(0, 10);
    const res = await t.qindesk.app.inject({ url: `/api/v1/reports/dashboard?shop=${shopId}&from=${from}&to=${today}`, headers: supervisor.headers });
    expect(res.statusCode, res.body).toBe(200);
    const mix = res.json<{ aftersales: { cases: number; byReason: { reason: string; cases: number }[]; byAgent: { agentId: string; cases: number }[]; byProduct: { title: string }[]; paidOrders: number; returnRate: number } }>().aftersales;
    const [row] = await queryRows<{ cases: number; money_back: number }>(
      t.database.db,
      sql`select count(*)::int as cases, (count(*) filter (where kind in ('return', 'refund_only', 'quality_complaint')))::int as money_back from aftersales_cases where shop_id = ${shopId}`,
    );
    expect(mix.cases).toBe(row!.cases);
    expect(mix.byReason).toContainEqual({ reason: "size_fit", cases: expect.any(Number) });
    expect(mix.byAgent).toContainEqual(expect.objectContaining({ agentId: agent.agentId }));
    expect(mix.byProduct.length).toBeGreaterThan(0);
    expect(mix.paidOrders).toBeGreaterThan(0);
    expect(mix.returnRate).toBeCloseTo(row!.money_back / mix.paidOrders, 4);
  });
});
