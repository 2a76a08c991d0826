// Orders over HTTP on a real database: the shop's system reports them (idempotent, stock
// taken with the order), agents read them masked, add a remark, choose the courier,
// cancel unpaid ones (stock back); logistics move an order to delivered.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { products, skus } from "../catalog";
import { queryRows } from "../../platform/db/database";
import { orders } from "./orders.schema";

let t: TestApp;
let shopId: string;
let owner: Session;
let presales: Session;
let sku: { id: string; productId: string; externalId: string | null };

beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  presales = await t.signIn("presales@demo.qindesk");
  // A SKU of our own with a known stock, so other tests' demo orders do not matter.
  const [product] = await t.database.db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
  await t.database.db.insert(skus).values({ id: "sku_test_m", workspaceId: t.workspaceId, productId: product!.id, externalId: "EXT-SKU-M", color: "测试色", size: "M", stock: 5 });
  sku = { id: "sku_test_m", productId: product!.id, externalId: "EXT-SKU-M" };
}, 60_000);
afterAll(async () => t?.close());

const stockOf = async (id: string) => (await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, id)))[0]!.stock;

function post(url: string, session: Session, payload: unknown) {
  return t.qindesk.app.inject({ method: "POST", url, headers: session.headers, payload: payload as Record<string, unknown> });
}

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  shop: shopId,
  customer: "tb_newbuyer",
  customerNick: "新买家",
  status: "awaiting_payment",
  createdAt: "2026-11-30T10:00:00+08:00",
  items: [{ sku: "EXT-SKU-M", qty: 2, price: 128 }],
  recipient: { name: "王芳", phone: "13912345678", address: "上海市浦东新区世纪大道100号8楼" },
  ...extra,
});

describe("orders from the shop's system", () => {
  it("creates an order with its stock taken, and a second report of it changes nothing twice", async () => {
    const before = await stockOf(sku.id);
    const first = await post("/api/v1/orders", owner, order("TB-1001"));
    expect(first.statusCode).toBe(201);
    const body = first.json<{ created: boolean; order: { id: string; totalCents: number; status: string; recipient: { phone: string; address: string } } }>();
    expect(body).toMatchObject({ created: true, order: { totalCents: 25600, status: "awaiting_payment" } });
    // Masked for everyone until revealed.
    expect(body.order.recipient.phone).toBe("139****5678");
    expect(body.order.recipient.address).toBe("上海市浦东新区****");
    expect(await stockOf(sku.id)).toBe(before - 2);

    const again = await post("/api/v1/orders", owner, order("TB-1001", { status: "paid", paidAt: "2026-11-30T10:05:00+08:00" }));
    expect(again.statusCode).toBe(200);
    expect(again.json<{ created: boolean; order: { id: string; status: string; paidAt: string } }>()).toMatchObject({ created: false, order: { id: body.order.id, status: "paid", paidAt: "2026-11-30T02:05:00.000Z" } });
    expect(await stockOf(sku.id)).toBe(before - 2);
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from orders where external_id = 'TB-1001'`);
    expect(rows[0]!.n).toBe(1);
  });

  it("refuses a changed item list, bad money, bad quantities and unknown SKUs, naming the field", async () => {
    const changed = await post("/api/v1/orders", owner, order("TB-1001", { items: [{ sku: "EXT-SKU-M", qty: 3, price: 128 }] }));
    expect(changed.statusCode).toBe(409);
    for (const [items, field] of [
      [[{ sku: "EXT-SKU-M", qty: 1, price: -1 }], "items.0.price"],
      [[{ sku: "EXT-SKU-M", qty: 1, price: 1.005 }], "items.0.price"],
      [[{ sku: "EXT-SKU-M", qty: 0, price: 1 }], "items.0.qty"],
      [[{ sku: "EXT-SKU-M", qty: 1.5, price: 1 }], "items.0.qty"],
      [[{ sku: "NOPE", qty: 1, price: 1 }], "items.0.sku"],
    ] as const) {
      const res = await post("/api/v1/orders", owner, order("TB-BAD", { items }));
      expect(res.statusCode, JSON.stringify(items)).toBe(400);
      expect(res.json<{ error: { field: string } }>().error.field).toBe(field);
    }
    expect(await queryRows(t.database.db, sql`select 1 from orders where external_id = 'TB-BAD'`)).toEqual([]);
  });

  it("refuses an order it cannot fill and keeps nothing of it", async () => {
    const before = await stockOf(sku.id);
    const res = await post("/api/v1/orders", owner, order("TB-TOO-MANY", { items: [{ sku: "EXT-SKU-M", qty: before + 1, price: 128 }] }));
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe("out_of_stock");
    expect(await stockOf(sku.id)).toBe(before);
    expect(await queryRows(t.database.db, sql`select 1 from orders where external_id = 'TB-TOO-MANY'`)).toEqual([]);
  });

  it("is for integrators: a pre-sales agent may not report orders", async () => {
    expect((await post("/api/v1/orders", presales, order("TB-AGENT"))).statusCode).toBe(403);
  });
});

describe("orders in the agent's hands", () => {
  it("cancels an unpaid order and puts its stock back; a paid one cannot be cancelled here", async () => {
    const before = await stockOf(sku.id);
    const created = (await post("/api/v1/orders", owner, order("TB-2001", { items: [{ sku: sku.id, qty: 1, price: 128 }] }))).json<{ order: { id: string } }>();
    expect(await stockOf(sku.id)).toBe(before - 1);
    const cancelled = await post(`/api/v1/orders/${created.order.id}/cancel`, presales, { reason: "买家拍错了" });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<{ order: { status: string } }>().order.status).toBe("cancelled");
    expect(await stockOf(sku.id)).toBe(before);
    // Cancelling twice does not put the stock back twice.
    expect((await post(`/api/v1/orders/${created.order.id}/cancel`, presales, {})).statusCode).toBe(409);
    expect(await stockOf(sku.id)).toBe(before);
    expect((await post(`/api/v1/orders/TB-1001/cancel`, presales, {})).json<{ error: { code: string } }>().error.code).toBe("already_paid");
  });

  it("keeps a remark for the warehouse, shown on the order and in the pick list", async () => {
    const res = await post("/api/v1/orders/TB-1001/remark", presales, { remark: "买家要求：黑色M，不要发错，附赠袜子" });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ order: { remark: string }; timeline: { kind: string }[] }>()).toMatchObject({ order: { remark: "买家要求：黑色M，不要发错，附赠袜子" } });
    const pick = await t.qindesk.app.inject({ url: `/api/v1/orders?shop=${shopId}&toShip=true`, headers: owner.headers });
    const mine = pick.json<{ items: { externalId: string; remark: string | null; status: string }[] }>().items.find((o) => o.externalId === "TB-1001");
    expect(mine).toMatchObject({ remark: "买家要求：黑色M，不要发错，附赠袜子", status: "paid" });
    expect(pick.json<{ items: { status: string }[] }>().items.every((o) => o.status === "paid")).toBe(true);
  });

  it("ships with the default courier or a buyer-chosen one at the shop's surcharge, never one the shop does not use", async () => {
    const sf = await post("/api/v1/orders/TB-1001/courier", presales, { courier: "顺丰速运" });
    expect(sf.json<{ order: { courier: string; courierSurchargeCents: number; totalCents: number } }>().order).toMatchObject({ courier: "顺丰速运", courierSurchargeCents: 1200, totalCents: 25600 });
    const unknown = await post("/api/v1/orders/TB-1001/courier", presales, { courier: "随便快递" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { field: string } }>().error.field).toBe("courier");
    const detail = await t.qindesk.app.inject({ url: "/api/v1/orders/TB-1001", headers: presales.headers });
    expect(detail.json<{ couriers: { name: string; surchargeCents: number }[] }>().couriers).toEqual([
      { name: "中通快递", surchargeCents: 0 },
      { name: "顺丰速运", surchargeCents: 1200 },
    ]);
  });

  it("reveals the recipient only to those allowed, and logs it", async () => {
    expect((await post("/api/v1/orders/TB-1001/reveal", presales, {})).statusCode).toBe(403);
    const aftersales = await t.signIn("aftersales@demo.qindesk");
    const shown = await post("/api/v1/orders/TB-1001/reveal", aftersales, {});
    expect(shown.json<{ order: { recipient: { phone: string } } }>().order.recipient.phone).toBe("13912345678");
    const logged = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'order.reveal_contact' and agent_id = ${aftersales.agentId}`);
    expect(logged[0]!.n).toBe(1);
  });

  it("moves to shipped and delivered with the courier's events, each kept once", async () => {
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    expect((await post("/api/v1/orders/TB-1001/ship", presales, {})).statusCode).toBe(403);
    const shipped = await post("/api/v1/orders/TB-1001/ship", supervisor, { trackingNo: "SF1234567890" });
    expect(shipped.json<{ order: { status: string; trackingNo: string } }>().order).toMatchObject({ status: "shipped", trackingNo: "SF1234567890" });
    // A remark is for the warehouse: once shipped it no longer changes anything.
    expect((await post("/api/v1/orders/TB-1001/remark", presales, { remark: "晚了" })).statusCode).toBe(409);
    const events = [
      { id: "e1", at: "2026-12-01T09:12:00+08:00", location: "杭州", description: "已到达【杭州转运中心】", status: "in_transit" },
      { id: "e2", at: "2026-12-02T15:40:00+08:00", location: "上海", description: "已签收", status: "delivered" },
    ];
    const first = await post("/api/v1/orders/TB-1001/logistics", owner, { events });
    expect(first.json<{ added: number; order: { status: string; deliveredAt: string } }>()).toMatchObject({ added: 2, order: { status: "delivered", deliveredAt: "2026-12-02T07:40:00.000Z" } });
    const again = await post("/api/v1/orders/TB-1001/logistics", owner, { events });
    expect(again.json<{ added: number }>().added).toBe(0);
    const timeline = again.json<{ timeline: { kind: string; location: string | null }[] }>().timeline.filter((e) => e.kind === "logistics");
    expect(timeline.map((e) => e.location)).toEqual(["杭州", "上海"]);
  });

  it("answers 404 for an order of another workspace", async () => {
    await t.database.db.execute(sql`insert into workspaces (id, name) values ('ws_orders_other', 'Other')`);
    await t.database.db.execute(sql`insert into orders (id, workspace_id, shop_id, customer_id, status, created_at, total_cents) values ('ord_foreign', 'ws_orders_other', 'shop_x', 'cus_x', 'awaiting_payment', now(), 100)`);
    for (const url of ["/api/v1/orders/ord_foreign"]) expect((await t.qindesk.app.inject({ url, headers: owner.headers })).statusCode).toBe(404);
    expect((await post("/api/v1/orders/ord_foreign/cancel", owner, {})).statusCode).toBe(404);
    expect((await post("/api/v1/orders/ord_foreign/remark", owner, { remark: "x" })).statusCode).toBe(404);
    const [foreign] = await t.database.db.select().from(orders).where(and(eq(orders.id, "ord_foreign")));
    expect(foreign!.status).toBe("awaiting_payment");
  });
});
