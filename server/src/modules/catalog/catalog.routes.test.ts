// Products over HTTP: real stock per SKU, the floor price only for roles allowed to see
// it, search by title, and nothing across workspaces.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { createProduct } from "./catalog.repo";

let t: TestApp;
let shopId: string;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
}, 60_000);
afterAll(async () => t?.close());

interface Product {
  id: string;
  title: string;
  priceCents: number;
  floorPriceCents: number | null;
}

const get = (url: string, headers: Record<string, string>) => t.qindesk.app.inject({ url, headers });

describe("products API", () => {
  it("lists and finds the shop's products, with the floor price for those who may bargain", async () => {
    const presales = await t.signIn("presales@demo.qindesk");
    const list = await get(`/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("针织")}`, presales.headers);
    expect(list.statusCode).toBe(200);
    const [knit] = list.json<{ items: Product[] }>().items;
    expect(knit).toMatchObject({ title: "V领宽松针织衫 秋冬新款", priceCents: 12800, floorPriceCents: 8800 });

    const one = await get(`/api/v1/products/${knit!.id}`, presales.headers);
    const body = one.json<{ product: Product; skus: { color: string; size: string; stock: number }[] }>();
    expect(body.skus.find((s) => s.color === "黑色" && s.size === "S")?.stock).toBe(0);

    // After-sales agents do not bargain: no floor price for them.
    const aftersales = await t.signIn("aftersales@demo.qindesk");
    expect((await get(`/api/v1/products/${knit!.id}`, aftersales.headers)).json<{ product: Product }>().product.floorPriceCents).toBeNull();
  });

  it("treats LIKE wildcards literally and refuses bad queries", async () => {
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await get(`/api/v1/products?shopId=${shopId}&q=%25`, presales.headers)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await get(`/api/v1/products?shopId=${shopId}&limit=0`, presales.headers)).statusCode).toBe(400);
    expect((await get(`/api/v1/products?shopId=${shopId}`, {})).statusCode).toBe(401);
  });

  it("answers 404 for another workspace's product", async () => {
    // A second workspace with a shop and a product of its own.
    await t.database.db.execute(sql`insert into workspaces (id, name) values ('ws_other', 'Other')`);
    await t.database.db.execute(sql`insert into shops (id, workspace_id, name, widget_secret) values ('shop_other', 'ws_other', 'Other', 'x')`);
    const foreign = await createProduct(t.database.db, "ws_other", "shop_other", { title: "别家的", category: "x", priceCents: 100, skus: [] });
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await get(`/api/v1/products/${foreign.id}`, presales.headers)).statusCode).toBe(404);
    expect((await get(`/api/v1/products?shopId=shop_other`, presales.headers)).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
