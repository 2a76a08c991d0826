// Stock never goes below zero and moves with the order: with 50 buyers racing for the last
// 10 units exactly 10 orders exist afterwards (on PostgreSQL the purchases really run at
// once over the pool; PGlite runs them one after another).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { products, skus } from "../catalog";
import { customers } from "../customers";
import { placeOrder } from "./orders.service";

let t: TestApp;
let shopId: string;
let productId: string;

beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  const [product] = await t.database.db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
  productId = product!.id;
  await t.database.db.insert(skus).values({ id: "sku_last_ten", workspaceId: t.workspaceId, productId, color: "限量", size: "F", stock: 10 });
  await t.database.db.insert(customers).values(Array.from({ length: 50 }, (_, i) => ({ id: `cus_race_${i}`, workspaceId: t.workspaceId, nick: `抢购${i}` })));
}, 60_000);
afterAll(async () => t?.close());

const deps = () => ({ db: t.database.db, bus: t.qindesk.bus });

describe("stock under concurrent purchases", () => {
  it("sells exactly the last 10 units to 10 of 50 buyers", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        placeOrder(deps(), t.workspaceId, {
          shopId,
          customerId: `cus_race_${i}`,
          status: "awaiting_payment",
          createdAt: new Date(),
          paidAt: null,
          items: [{ productId, skuId: "sku_last_ten", qty: 1, priceCents: 9900 }],
          source: "storefront",
        }),
      ),
    );
    const sold = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(sold).toHaveLength(10);
    expect(refused.every((r) => (r.reason as { code?: string }).code === "out_of_stock")).toBe(true);
    const [{ stock }] = (await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, "sku_last_ten"))) as [{ stock: number }];
    expect(stock).toBe(0);
    const [row] = await queryRows<{ orders: number; items: number }>(
      t.database.db,
      sql`select count(distinct o.id)::int as orders, coalesce(sum(oi.qty), 0)::int as items from orders o join order_items oi on oi.order_id = o.id where oi.sku_id = 'sku_last_ten'`,
    );
    // No order of a refused buyer was left behind half-written.
    expect(row).toEqual({ orders: 10, items: 10 });
  });

  it("takes several lines of one SKU together, all or nothing", async () => {
    await t.database.db.update(skus).set({ stock: 3 }).where(eq(skus.id, "sku_last_ten"));
    const attempt = placeOrder(deps(), t.workspaceId, {
      shopId,
      customerId: "cus_race_0",
      status: "paid",
      createdAt: new Date(),
      paidAt: new Date(),
      items: [
        { productId, skuId: "sku_last_ten", qty: 2, priceCents: 9900 },
        { productId, skuId: "sku_last_ten", qty: 2, priceCents: 9900 },
      ],
      source: "api",
    });
    await expect(attempt).rejects.toMatchObject({ code: "out_of_stock", field: "items.0.sku" });
    const [{ stock }] = (await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, "sku_last_ten"))) as [{ stock: number }];
    expect(stock).toBe(3);
  });
});
