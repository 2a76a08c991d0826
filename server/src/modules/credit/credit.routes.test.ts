// Credit of a stored shop over HTTP: the demo shop's score equals the engine run on the
// same trades (built here from the rows, by the documented mapping); months, caps and
// pending orders; the what-if; who may; another workspace.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../platform/auth/passwords";
import { newId } from "../../platform/db/ids";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { customers } from "../customers";
import { orderItems, orders, insertOrder } from "../orders";
import { reviews } from "../reviews";
import { insertAgent } from "../staff";
import { createShop, createWorkspace, shops } from "../workspace";
import { computeCredit } from "./engine";
import type { CreditTrade } from "./types";

const DAY = 86_400_000;
let t: TestApp;
let owner: Session;
let shopId: string;
const asOf = new Date().toISOString();

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signIn("owner@demo.qindesk");
  shopId = (await t.database.db.select({ id: shops.id }).from(shops).where(eq(shops.workspaceId, t.workspaceId)))[0]!.id;
}, 60_000);
afterAll(async () => t?.close());

const get = (who: Session, q: string) => t.qindesk.app.inject({ url: `/api/v1/credit?${q}`, headers: { cookie: who.cookie } });
const whatIf = (who: Session, body: object) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/credit/what-if", headers: who.headers, payload: { asOf, ...body } });
const review = (payload: object) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews", headers: owner.headers, payload });

/** The oracle: trades from the rows, one per order line, by README "Credit of a stored shop". */
async function tradesFromRows(): Promise<CreditTrade[]> {
  const db = t.database.db;
  const rows = await db
    .select({ order: orders, productId: orderItems.productId, position: orderItems.position })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(eq(orders.shopId, shopId))
    .orderBy(asc(orders.id), asc(orderItems.position));
  const all = await db.select().from(reviews);
  return rows.map(({ order, productId, position }) => {
    // Every review here names no item: it rates every line; the latest stands.
    const r = all.filter((x) => x.orderId === order.id).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    return {
      id: `${order.id}#${position}`,
      buyer: order.customerId,
      item: productId!,
      createdAt: order.createdAt.getTime(),
      status: order.status === "completed" ? "success" : order.status,
      escrow: order.paidAt !== null,
      buyerRating: r?.rating ?? null,
      buyerRatedAt: r?.at.getTime() ?? null,
      sellerRatedAt: null,
    };
  });
}

describe("credit of a stored shop", () => {
  it("scores the demo shop as the engine scores the same trades", async () => {
    const db = t.database.db;
    const demoOrders = await db.select().from(orders).where(eq(orders.shopId, shopId));
    const completed = demoOrders.filter((o) => o.status === "completed");
    const delivered = demoOrders.find((o) => o.status === "delivered")!;
    for (const [i, o] of completed.entries()) expect((await review({ id: `c-${i}`, order: o.id, rating: "good", at: new Date(o.createdAt.getTime() + 5 * DAY).toISOString() })).statusCode).toBe(201);
    await review({ id: "c-del", order: delivered.id, rating: "good", at: new Date(delivered.createdAt.getTime() + DAY).toISOString() });

    // Four more buyers, one completed order each, rated good: enough for the first heart.
    const productId = (await db.select({ productId: orderItems.productId }).from(orderItems).limit(1))[0]!.productId;
    const buyers = await db.select({ id: customers.id }).from(customers).where(eq(customers.workspaceId, t.workspaceId));
    for (const [i, b] of buyers.entries()) {
      const created = new Date(Date.now() - (60 + i) * DAY);
      const id = await insertOrder(db, t.workspaceId, { shopId, customerId: b.id, status: "completed", createdAt: created, paidAt: created, items: [{ productId, skuId: null, qty: 1, priceCents: 100 }] });
      await review({ id: `x-${i}`, order: id, rating: i === 0 ? "bad" : "good", at: new Date(created.getTime() + DAY).toISOString() });
    }

    const res = await get(owner, `asOf=${encodeURIComponent(asOf)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const expected = computeCredit({ asOf: Date.parse(asOf), settings: { timezone: "Asia/Shanghai" }, trades: await tradesFromRows() });
    expect(body.score).toBe(expected.score);
    expect(body.level).toEqual(expected.level);
    expect(body.trades).toBe(expected.trades.length);
    // The delivered order's review is shown but does not count; the demo's two completed goods and 3 goods − 1 bad.
    expect(body.score).toBe(completed.length + buyers.length - 2);
    expect(body.level.tier).toBe(body.score >= 4 ? "heart" : "none");
    expect(body.byMonth.at(-1).score).toBe(body.score);
    expect(body.byMonth.reduce((sum: number, m: { points: number }) => sum + m.points, 0)).toBe(body.score);
    expect(body.settings).toMatchObject({ reviewWindowDays: 345, monthlyPairCap: 6, sameItemWindowDays: 14, defaultGoodAfterDays: 45, timezone: "Asia/Shanghai", paidThroughEscrow: true });
    // Paid, shipped and delivered demo orders have no counted rating yet… the delivered one is rated but pending completion.
    const pendingIds = body.pending.orders.map((o: { id: string }) => o.id);
    expect(pendingIds).toEqual(expect.arrayContaining(demoOrders.filter((o) => ["paid", "shipped"].includes(o.status)).map((o) => o.id)));
    expect(pendingIds).not.toContain(delivered.id);
    expect(body.pending.count).toBe(pendingIds.length);
  });

  it("shows what the caps took: a buyer's seventh good of a month and a second good of the same item", async () => {
    const db = t.database.db;
    const [buyer] = await db.select({ id: customers.id }).from(customers).where(eq(customers.workspaceId, t.workspaceId)).limit(1);
    const products = [...new Set((await db.select({ p: orderItems.productId }).from(orderItems)).map((r) => r.p!))];
    const month = Date.parse("2026-01-05T10:00:00+08:00");
    const before = (await get(owner, `asOf=${encodeURIComponent(asOf)}`)).json();
    // Seven goods in January on distinct items (as many as the demo has) plus one on the first item again.
    const items = Array.from({ length: 7 }, (_, i) => `cap-item-${i}`);
    for (const [i, item] of items.entries()) {
      const created = new Date(month + i * DAY);
      const id = await insertOrder(db, t.workspaceId, { shopId, customerId: buyer!.id, status: "completed", createdAt: created, paidAt: created, items: [{ productId: i < products.length ? products[i]! : null, skuId: null, qty: 1, priceCents: 100 }] });
      await review({ id: `cap-${item}`, order: id, rating: "good", at: new Date(created.getTime() + DAY).toISOString() });
    }
    const again = new Date(month + 8 * DAY);
    const id = await insertOrder(db, t.workspaceId, { shopId, customerId: buyer!.id, status: "completed", createdAt: again, paidAt: again, items: [{ productId: products[0]!, skuId: null, qty: 1, priceCents: 100 }] });
    await review({ id: "cap-same", order: id, rating: "good", at: new Date(again.getTime() + DAY).toISOString() });

    const body = (await get(owner, `asOf=${encodeURIComponent(asOf)}`)).json();
    expect(body.caps.sameItem.goodLost - before.caps.sameItem.goodLost).toBe(1);
    expect(body.caps.monthlyCap.goodLost - before.caps.monthlyCap.goodLost).toBe(1);
    expect(body.score - before.score).toBe(6);
    const january = body.byMonth.find((m: { month: string }) => m.month === "2026-01");
    expect(january).toMatchObject({ points: 6, cappedGood: 1, sameItemGood: 1 });
    expect(body.cutTrades.map((c: { outcome: string; month: string }) => [c.outcome, c.month])).toEqual(expect.arrayContaining([["capped", "2026-01"], ["same-item", "2026-01"]]));
  });

  it("what-if: every pending order rated good raises the score by what the engine says", async () => {
    const current = (await get(owner, `asOf=${encodeURIComponent(asOf)}`)).json();
    const res = await whatIf(owner, { pending: true, rating: "good" });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.before.score).toBe(current.score);
    expect(body.orders).toBe(current.pending.count);
    const pending = new Set<string>(current.pending.orders.map((o: { id: string }) => o.id));
    const trades = (await tradesFromRows()).map((tr) => (pending.has(tr.id.split("#")[0]!) ? { ...tr, status: "success", escrow: true, buyerRating: "good" as const, buyerRatedAt: tr.buyerRatedAt ?? Date.parse(asOf) } : tr));
    expect(body.after.score).toBe(computeCredit({ asOf: Date.parse(asOf), settings: { timezone: "Asia/Shanghai" }, trades }).score);
    expect(body.delta).toBe(body.after.score - body.before.score);
    expect(body.delta).toBeGreaterThan(0);

    // Named orders, by the shop's own number too; a bad rating lowers the score.
    const some = current.pending.orders.slice(0, 1).map((o: { id: string }) => o.id);
    const worse = (await whatIf(owner, { orders: some, rating: "bad" })).json();
    expect(worse.after.score).toBeLessThan(worse.before.score);
    expect(worse.trades.map((x: { orderId: string }) => x.orderId)).toEqual(some);
  });

  it("refuses a what-if without orders, or with an order that is not this shop's", async () => {
    expect((await whatIf(owner, { rating: "good" })).json().error.field).toBe("orders");
    expect((await whatIf(owner, { orders: ["nope"], rating: "good" })).json().error.field).toBe("orders.0");
    expect((await whatIf(owner, { pending: true, rating: "great" })).json().error.field).toBe("rating");
  });

  it("follows the shop's credit settings (a monthly cap of 1 counts less)", async () => {
    const before = (await get(owner, `asOf=${encodeURIComponent(asOf)}`)).json();
    await t.qindesk.app.inject({ method: "PATCH", url: `/api/v1/shops/${shopId}`, headers: owner.headers, payload: { settings: { credit: { monthlyPairCap: 1 } } } });
    const after = (await get(owner, `asOf=${encodeURIComponent(asOf)}`)).json();
    expect(after.settings.monthlyPairCap).toBe(1);
    expect(after.score).toBeLessThan(before.score);
    await t.qindesk.app.inject({ method: "PATCH", url: `/api/v1/shops/${shopId}`, headers: owner.headers, payload: { settings: { credit: { monthlyPairCap: 6 } } } });
  });

  it("is read by every agent, not without a session; another workspace sees only its own shop", async () => {
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await get(presales, "")).statusCode).toBe(200);
    expect((await t.qindesk.app.inject({ url: "/api/v1/credit" })).statusCode).toBe(401);
    const db = t.database.db;
    const ws = await createWorkspace(db, "别家");
    await createShop(db, ws, { name: "别家店" });
    await insertAgent(db, { id: newId("agent"), workspaceId: ws, name: "别家店主", email: "credit-boss@other.example", passwordHash: await hashPassword("other-pass-1"), role: "owner" });
    const stranger = await t.signIn("credit-boss@other.example", "other-pass-1");
    expect((await get(stranger, `shop=${shopId}`)).json().error.field).toBe("shop");
    const own = (await get(stranger, "")).json();
    expect(own).toMatchObject({ score: 0, level: { index: 0, tier: "none", rank: 0 }, trades: 0, pending: { count: 0 } });
    const demoOrder = (await db.select({ id: orders.id }).from(orders).where(eq(orders.shopId, shopId)).limit(1))[0]!.id;
    expect((await whatIf(stranger, { orders: [demoOrder], rating: "good" })).json().error.field).toBe("orders.0");
  });
});
