// The demo storefront's checkout on a real database: the buyer (widget token) orders
// colour/size SKUs, priced with the demo shop's promotions (满199减20 / 满299减40, 满99包邮,
// postage ¥10 below it); the order waits for payment with its stock taken; paying moves
// it to paid. Only a demo shop sells here; another buyer's order is 404; a sold-out SKU
// is 409 and nothing of the order is kept.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, demoShopId } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { products, skus } from "../catalog";
import { orders } from "../orders";
import { createShop, shops } from "../workspace";

let t: TestApp;
let shopId: string;
/** SKU ids by "product title prefix/colour/size". */
const sku: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  const rows = await t.database.db.select({ id: skus.id, color: skus.color, size: skus.size, title: products.title }).from(skus).innerJoin(products, eq(products.id, skus.productId)).where(eq(products.shopId, shopId));
  for (const r of rows) sku[`${r.title.slice(0, 4)}/${r.color}/${r.size}`] = r.id;
}, 60_000);
afterAll(async () => t?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const recipient = { name: "周小满", phone: "13588889999", address: "江苏省苏州市姑苏区平江路12号" };
const stockOf = async (id: string) => (await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, id)))[0]!.stock;

function checkout(token: string, items: { skuId: string; qty: number }[], extra: Record<string, unknown> = {}) {
  return t.qindesk.app.inject({ method: "POST", url: "/api/widget/checkout", headers: bearer(token), payload: { items, recipient, ...extra } });
}
const pay = (token: string, orderId: string) => t.qindesk.app.inject({ method: "POST", url: `/api/widget/orders/${orderId}/pay`, headers: bearer(token), payload: {} });

interface CheckoutOrder {
  id: string;
  status: string;
  source: string;
  customerId: string;
  totalCents: number;
  shippingFeeCents: number | null;
  discountCents: number | null;
  courier: string | null;
  paidAt: string | null;
  recipient: { name: string; phone: string; address: string };
  items: { skuId: string; qty: number; priceCents: number }[];
}

describe("demo checkout", () => {
  it("prices with the shop's promotions: 满199减20 and free shipping over 99; the order waits for payment with its stock taken", async () => {
    const buyer = await buyerSession(t, shopId);
    const blazer = sku["小西装外/黑色/M"]!;
    const before = await stockOf(blazer);
    const res = await checkout(buyer.token, [{ skuId: blazer, qty: 1 }]);
    expect(res.statusCode, res.body).toBe(201);
    const { order, promotions } = res.json<{ order: CheckoutOrder; promotions: { name: string; kind: string; savingCents: number | null }[] }>();
    // ¥238 (promotional price) − ¥20; postage waived.
    expect(order).toMatchObject({ status: "awaiting_payment", source: "storefront", customerId: buyer.customer.id, totalCents: 21800, discountCents: 2000, shippingFeeCents: 0, courier: "中通快递", paidAt: null });
    expect(order.items).toEqual([expect.objectContaining({ skuId: blazer, qty: 1, priceCents: 23800 })]);
    // An order number like a shop's: the shop's date, then eight digits.
    expect((order as unknown as { externalId: string }).externalId).toMatch(/^20\d{6}\d{8}$/);
    // The buyer sees their own address in full.
    expect(order.recipient).toMatchObject(recipient);
    expect(promotions).toEqual(expect.arrayContaining([{ name: "满199减20", kind: "full_reduction", savingCents: 2000 }, expect.objectContaining({ name: "满99包邮", kind: "free_shipping" })]));
    expect(await stockOf(blazer)).toBe(before - 1);

    const paid = await pay(buyer.token, order.id);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<{ order: CheckoutOrder }>().order).toMatchObject({ id: order.id, status: "paid", totalCents: 21800 });
    expect(paid.json<{ order: CheckoutOrder }>().order.paidAt).not.toBeNull();
    // Paying does not take the stock a second time; paying again changes nothing.
    expect(await stockOf(blazer)).toBe(before - 1);
    expect((await pay(buyer.token, order.id)).json<{ order: CheckoutOrder }>().order.status).toBe("paid");
    // The agent sees the order, masked.
    const owner = await t.signIn("owner@demo.qindesk");
    const seen = await t.qindesk.app.inject({ url: `/api/v1/orders/${order.id}`, headers: owner.headers });
    expect(seen.json<{ order: { status: string; recipient: { phone: string } } }>().order).toMatchObject({ status: "paid", recipient: { phone: "135****9999" } });
  });

  it("takes postage below 99, waives it from 99, and the higher tier from 299", async () => {
    const buyer = await buyerSession(t, shopId);
    const cases: [{ skuId: string; qty: number }[], { totalCents: number; discountCents: number; shippingFeeCents: number }][] = [
      // ¥59 T-shirt: below both thresholds, ¥10 postage.
      [[{ skuId: sku["纯棉圆领/白色/M"]!, qty: 1 }], { totalCents: 6900, discountCents: 0, shippingFeeCents: 1000 }],
      // ¥99 knit (promotional price): exactly 99 ships free.
      [[{ skuId: sku["V领宽松/米白/M"]!, qty: 1 }], { totalCents: 9900, discountCents: 0, shippingFeeCents: 0 }],
      // ¥99 + ¥59 = ¥158: free shipping, no reduction yet.
      [[{ skuId: sku["V领宽松/米白/M"]!, qty: 1 }, { skuId: sku["纯棉圆领/灰色/L"]!, qty: 1 }], { totalCents: 15800, discountCents: 0, shippingFeeCents: 0 }],
      // 2 × ¥159 hoodies = ¥318: 满299减40.
      [[{ skuId: sku["加绒连帽/燕麦/M"]!, qty: 2 }], { totalCents: 27800, discountCents: 4000, shippingFeeCents: 0 }],
    ];
    for (const [items, expected] of cases) {
      const res = await checkout(buyer.token, items);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ order: CheckoutOrder }>().order, JSON.stringify(items)).toMatchObject(expected);
    }
  });

  it("puts the gift a promotion gives (买两件送袜子) on the order for the warehouse", async () => {
    const buyer = await buyerSession(t, shopId);
    const two = await checkout(buyer.token, [{ skuId: sku["纯棉圆领/白色/M"]!, qty: 2 }]);
    expect(two.json<{ order: { remark: string | null } }>().order.remark).toBe("赠品：袜子 ×1");
    const one = await checkout(buyer.token, [{ skuId: sku["纯棉圆领/白色/M"]!, qty: 1 }]);
    expect(one.json<{ order: { remark: string | null } }>().order.remark).toBeNull();
  });

  it("refuses a sold-out SKU with 409 and keeps nothing of the order", async () => {
    const buyer = await buyerSession(t, shopId);
    const soldOut = sku["V领宽松/黑色/S"]!;
    const fine = sku["纯棉圆领/藏青/S"]!;
    expect(await stockOf(soldOut)).toBe(0);
    const before = await stockOf(fine);
    const res = await checkout(buyer.token, [{ skuId: fine, qty: 2 }, { skuId: soldOut, qty: 1 }]);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe("out_of_stock");
    expect(await stockOf(fine)).toBe(before);
    expect(await stockOf(soldOut)).toBe(0);
    expect(await t.database.db.select().from(orders).where(eq(orders.customerId, buyer.customer.id))).toEqual([]);
    // More than there is, of a SKU that has some.
    const few = sku["小西装外/卡其/XL"]!;
    const left = await stockOf(few);
    expect((await checkout(buyer.token, [{ skuId: few, qty: left + 1 }])).statusCode).toBe(409);
    expect(await stockOf(few)).toBe(left);
  });

  it("sells the last units to exactly as many buyers as there are units", async () => {
    const last = sku["碎花雪纺/黄色碎花/S"]!;
    await t.database.db.update(skus).set({ stock: 4 }).where(eq(skus.id, last));
    const buyers = await Promise.all(Array.from({ length: 16 }, () => buyerSession(t, shopId)));
    const results = await Promise.all(buyers.map((b) => checkout(b.token, [{ skuId: last, qty: 1 }])));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(4);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(12);
    expect(await stockOf(last)).toBe(0);
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from order_items where sku_id = ${last}`);
    expect(row!.n).toBe(4);
  });

  it("validates the request, naming the field", async () => {
    const buyer = await buyerSession(t, shopId);
    const ok = sku["纯棉圆领/白色/S"]!;
    for (const [payload, field] of [
      [{ items: [{ skuId: ok, qty: 0 }], recipient }, "items.0.qty"],
      [{ items: [{ skuId: ok, qty: 1.5 }], recipient }, "items.0.qty"],
      [{ items: [], recipient }, "items"],
      [{ items: [{ skuId: "sku_nope", qty: 1 }], recipient }, "items.0.skuId"],
      [{ items: [{ skuId: ok, qty: 1 }], recipient: { ...recipient, phone: "abc" } }, "recipient.phone"],
      // A price is the shop's to say, not the buyer's.
      [{ items: [{ skuId: ok, qty: 1, priceCents: 1 }], recipient }, "items.0"],
    ] as const) {
      const res = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/checkout", headers: bearer(buyer.token), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ error: { field: string } }>().error.field, JSON.stringify(payload)).toContain(field);
    }
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/widget/checkout", payload: { items: [{ skuId: ok, qty: 1 }], recipient } })).statusCode).toBe(401);
    expect(await t.database.db.select().from(orders).where(eq(orders.customerId, buyer.customer.id))).toEqual([]);
  });

  it("answers 404 for another buyer's order, and refuses to pay a cancelled one", async () => {
    const me = await buyerSession(t, shopId);
    const other = await buyerSession(t, shopId);
    const res = await checkout(me.token, [{ skuId: sku["纯棉圆领/白色/L"]!, qty: 1 }]);
    const order = res.json<{ order: CheckoutOrder }>().order;
    expect((await pay(other.token, order.id)).statusCode).toBe(404);
    expect((await pay(me.token, "ord_nope")).statusCode).toBe(404);
    expect((await t.database.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("awaiting_payment");

    const presales = await t.signIn("presales@demo.qindesk");
    expect((await t.qindesk.app.inject({ method: "POST", url: `/api/v1/orders/${order.id}/cancel`, headers: presales.headers, payload: {} })).statusCode).toBe(200);
    expect((await pay(me.token, order.id)).statusCode).toBe(409);
    expect((await t.database.db.select().from(orders).where(eq(orders.id, order.id)))[0]).toMatchObject({ status: "cancelled", paidAt: null });
  });

  it("is the demo shop's only: a real shop's buyer gets 403, and cannot use another shop's SKUs", async () => {
    const real = await createShop(t.database.db, t.workspaceId, { name: "正式店", settings: { defaultCourier: "圆通速递" } });
    const buyer = await buyerSession(t, real.id);
    const skuId = sku["纯棉圆领/白色/XL"]!;
    const before = await stockOf(skuId);
    const res = await checkout(buyer.token, [{ skuId, qty: 1 }]);
    expect(res.statusCode).toBe(403);
    expect(await stockOf(skuId)).toBe(before);
    expect(await t.database.db.select().from(orders).where(and(eq(orders.shopId, real.id)))).toEqual([]);

    // An order of the demo shop cannot be paid with the real shop's buyer token either.
    const demoBuyer = await buyerSession(t, shopId);
    const demoOrder = (await checkout(demoBuyer.token, [{ skuId, qty: 1 }])).json<{ order: CheckoutOrder }>().order;
    expect((await pay(buyer.token, demoOrder.id)).statusCode).toBe(403);

    // A demo shop sells only its own products.
    await t.database.db.update(shops).set({ settings: { demo: true } }).where(eq(shops.id, real.id));
    const foreign = await checkout(buyer.token, [{ skuId, qty: 1 }]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ error: { field: string } }>().error.field).toBe("items.0.skuId");
  });
});
