// Catalog management over HTTP on a real database: owners and supervisors create, change
// and archive products and SKUs, set stock by hand (audited, guarded against orders placed
// meanwhile), upload pictures checked by their bytes; nobody without the right sees a
// floor price in any answer, and nothing crosses a workspace.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { createProduct } from "./catalog.repo";

let t: TestApp;
let shopId: string;
let owner: Session;
let supervisor: Session;
let presales: Session;
let aftersales: Session;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  [owner, supervisor, presales, aftersales] = await Promise.all(
    ["owner@demo.qindesk", "supervisor@demo.qindesk", "presales@demo.qindesk", "aftersales@demo.qindesk"].map((e) => t.signIn(e)),
  );
}, 60_000);
afterAll(async () => t?.close());

interface Sku {
  id: string;
  externalId: string | null;
  color: string | null;
  size: string | null;
  stock: number;
  displayedStock: number | null;
  archived: boolean;
}
interface Product {
  id: string;
  title: string;
  floorPriceCents: number | null;
  priceCents: number;
  archived: boolean;
  knowledge: Record<string, unknown>;
  stock: { real: number; displayed: number | null; skus: number; soldOut: number };
}
type Detail = { product: Product; skus: Sku[] };

const call = (s: Session | null, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) =>
  t.qindesk.app.inject({ method, url, headers: s?.headers ?? {}, ...(payload !== undefined && { payload: payload as object }) });

const cardigan = (externalId = "TB-KNIT-CARDI") => ({
  shopId,
  externalId,
  title: "针织开衫 春秋薄款",
  category: "针织衫",
  priceCents: 15900,
  promoPriceCents: 13900,
  floorPriceCents: 11777,
  knowledge: {
    material: "棉 60%，腈纶 40%",
    sizeChart: [
      { size: "S", text: "胸围 94 衣长 56，155–160 cm / 42–48 kg" },
      { size: "M", text: "胸围 98 衣长 58，160–165 cm / 48–55 kg" },
    ],
    care: "手洗，平铺晾干",
    sellingPoints: ["薄款好搭", "开衫可外穿"],
    suits: "春秋通勤",
    knownLimits: "燕麦色在影棚灯光下偏黄",
    faq: [{ q: "会起球吗？", a: "正常穿着不易起球，建议手洗" }],
    keywords: ["毛衫外套"],
  },
  skus: [
    { externalId: externalId ? `${externalId}-OAT-S` : null, color: "燕麦", size: "S", stock: 5, displayedStock: 25 },
    { color: "燕麦", size: "M", stock: 0, displayedStock: 20 },
  ],
});

describe("creating products", () => {
  it("creates a product with its SKUs, knowledge and prices, for owners and supervisors only", async () => {
    expect((await call(presales, "POST", "/api/v1/products", cardigan())).statusCode).toBe(403);
    expect((await call(aftersales, "POST", "/api/v1/products", cardigan())).statusCode).toBe(403);
    expect((await call(null, "POST", "/api/v1/products", cardigan())).statusCode).toBe(401);
    const res = await call(owner, "POST", "/api/v1/products", cardigan());
    expect(res.statusCode).toBe(201);
    const body = res.json<Detail>();
    expect(body.product).toMatchObject({ title: "针织开衫 春秋薄款", floorPriceCents: 11777, archived: false, stock: { real: 5, displayed: 45, skus: 2, soldOut: 1 } });
    expect(body.product.knowledge).toEqual(cardigan().knowledge);
    expect(body.skus.map((s) => [s.color, s.size, s.stock, s.externalId])).toEqual([
      ["燕麦", "S", 5, "TB-KNIT-CARDI-OAT-S"],
      ["燕麦", "M", 0, null],
    ]);
    // The same shop id again is a conflict naming the field.
    const again = await call(supervisor, "POST", "/api/v1/products", cardigan());
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "external_id_taken", field: "externalId" } });
  });

  it("refuses bad input with a 400 naming the field", async () => {
    const bad = async (patch: Record<string, unknown>, field: string, code = "invalid") => {
      const res = await call(owner, "POST", "/api/v1/products", { ...cardigan(""), externalId: null, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json(), JSON.stringify(patch)).toMatchObject({ error: { code, field } });
    };
    await bad({ title: "  " }, "title");
    await bad({ priceCents: 99.5 }, "priceCents");
    await bad({ priceCents: -100 }, "priceCents");
    await bad({ promoPriceCents: 20000 }, "promoPriceCents", "promo_above_price");
    await bad({ floorPriceCents: 14000 }, "floorPriceCents", "floor_above_price");
    await bad({ skus: [] }, "skus");
    await bad({ skus: [{ color: "黑", size: "S", stock: -1 }] }, "skus.0.stock");
    await bad({ skus: [{ color: "黑", size: "S", stock: 1.5 }] }, "skus.0.stock");
    await bad({ skus: [{ color: "黑", size: "S", stock: 1 }, { color: "黑", size: "S", stock: 2 }] }, "skus.1.size", "duplicate_variant");
    await bad({ knowledge: { sizeChart: [{ size: "", text: "x" }] } }, "knowledge.sizeChart.0.size");
    await bad({ knowledge: { washing: "x" } }, "knowledge.washing");
    await bad({ imageUrl: "javascript:alert(1)" }, "imageUrl");
    await bad({ imageUrl: "/api/product-images/img_0000000000000000000000000" }, "imageUrl");
    await bad({ shopId: "shop_nope" }, "shopId");
    await bad({ colour: "x" }, "colour");
  });
});

describe("changing products", () => {
  it("updates fields, merges knowledge over keys it does not know, and archives", async () => {
    const created = (await call(owner, "POST", "/api/v1/products", { ...cardigan("TB-PATCH") })).json<Detail>();
    const id = created.product.id;
    await t.database.db.execute(sql`update products set attributes = attributes || '{"fabricCode": "K-22"}'::jsonb where id = ${id}`);
    const res = await call(supervisor, "PATCH", `/api/v1/products/${id}`, { title: "针织开衫 改", knowledge: { material: "100% 棉" } });
    expect(res.statusCode).toBe(200);
    const body = res.json<Detail & { product: { attributes: Record<string, unknown> } }>();
    expect(body.product.title).toBe("针织开衫 改");
    expect(body.product.knowledge).toEqual({ material: "100% 棉" });
    expect(body.product.attributes.fabricCode).toBe("K-22");

    // A price under the floor is refused; the field is the floor for those who see it.
    const low = await call(owner, "PATCH", `/api/v1/products/${id}`, { priceCents: 10000, promoPriceCents: null });
    expect(low.json()).toMatchObject({ error: { code: "floor_above_price", field: "floorPriceCents" } });
    expect((await call(presales, "PATCH", `/api/v1/products/${id}`, { title: "x" })).statusCode).toBe(403);

    // Archived: out of the default list, the shop page, the widget and product cards; back again.
    expect((await call(owner, "PATCH", `/api/v1/products/${id}`, { archived: true })).json<Detail>().product.archived).toBe(true);
    const list = (q: string) => call(presales, "GET", `/api/v1/products?shopId=${shopId}&limit=200${q}`).then((r) => r.json<{ items: Product[] }>().items.map((p) => p.id));
    expect(await list("")).not.toContain(id);
    expect(await list("&archived=only")).toEqual([id]);
    const widget = await t.qindesk.app.inject({ url: `/api/widget/shops/${shopId}/products` });
    expect(widget.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(id);
    expect((await call(owner, "PATCH", `/api/v1/products/${id}`, { archived: false })).json<Detail>().product.archived).toBe(false);
    expect(await list("")).toContain(id);
    const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where subject_id = ${id} order by at, id`);
    expect(audit.map((a) => a.action)).toEqual(["catalog.product_create", "catalog.product_update", "catalog.product_archive", "catalog.product_unarchive"]);
  });

  it("adds, renames and archives SKUs; off-sale SKUs leave the sidebar's stock", async () => {
    const { product } = (await call(owner, "POST", "/api/v1/products", { ...cardigan("TB-SKUS"), skus: [{ color: "灰", size: "S", stock: 3 }] })).json<Detail>();
    const added = await call(supervisor, "POST", `/api/v1/products/${product.id}/skus`, { color: "灰", size: "M", stock: 4, displayedStock: 10 });
    expect(added.statusCode).toBe(201);
    expect((await call(supervisor, "POST", `/api/v1/products/${product.id}/skus`, { color: "灰", size: "M", stock: 1 })).json()).toMatchObject({ error: { code: "duplicate_variant" } });
    const m = added.json<Detail>().skus.find((s) => s.size === "M")!;
    const renamed = await call(owner, "PATCH", `/api/v1/products/${product.id}/skus/${m.id}`, { size: "L", externalId: "TB-SKUS-GREY-L" });
    expect(renamed.json<Detail>().skus.find((s) => s.id === m.id)).toMatchObject({ size: "L", externalId: "TB-SKUS-GREY-L" });
    await call(owner, "PATCH", `/api/v1/products/${product.id}/skus/TB-SKUS-GREY-L`, { archived: true });
    const sidebar = (await call(presales, "GET", `/api/v1/products/${product.id}`)).json<Detail>();
    expect(sidebar.skus.map((s) => s.size)).toEqual(["S"]);
    expect(sidebar.product.stock).toMatchObject({ real: 3, skus: 1 });
    const editor = (await call(owner, "GET", `/api/v1/products/${product.id}?skus=all`)).json<Detail>();
    expect(editor.skus.map((s) => [s.size, s.archived])).toEqual([["S", false], ["L", true]]);
  });
});

describe("stock by hand", () => {
  it("sets real and displayed stock in one go, audited, and refuses a figure that changed meanwhile", async () => {
    const { product, skus } = (await call(owner, "POST", "/api/v1/products", { ...cardigan("TB-STOCK") })).json<Detail>();
    const [s, m] = skus as [Sku, Sku];
    const res = await call(supervisor, "PUT", `/api/v1/products/${product.id}/stock`, {
      items: [
        { skuId: s.id, stock: 8, expectedStock: 5, displayedStock: 30 },
        { skuId: m.id, stock: 2, expectedStock: 0 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Detail>().skus.map((x) => [x.stock, x.displayedStock])).toEqual([
      [8, 30],
      [2, 20],
    ]);
    const audit = await queryRows<{ agent_id: string; details: Record<string, unknown> }>(
      t.database.db,
      sql`select agent_id, details from audit_log where action = 'catalog.stock_set' and subject_id = ${s.id}`,
    );
    expect(audit).toEqual([{ agent_id: supervisor.agentId, details: { productId: product.id, source: "hand", from: 5, to: 8, displayedFrom: 25, displayedTo: 30 } }]);

    // An order took one meanwhile: the editor's figure is stale, nothing is written.
    await t.database.db.execute(sql`update skus set stock = stock - 1 where id = ${m.id}`);
    const stale = await call(owner, "PUT", `/api/v1/products/${product.id}/stock`, {
      items: [
        { skuId: s.id, stock: 9, expectedStock: 8 },
        { skuId: m.id, stock: 6, expectedStock: 2 },
      ],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "stock_changed", field: "items.1.stock" } });
    const after = (await call(owner, "GET", `/api/v1/products/${product.id}`)).json<Detail>();
    expect(after.skus.map((x) => x.stock)).toEqual([8, 1]);

    expect((await call(owner, "PUT", `/api/v1/products/${product.id}/stock`, { items: [{ skuId: s.id, stock: -1 }] })).json()).toMatchObject({ error: { field: "items.0.stock" } });
    expect((await call(presales, "PUT", `/api/v1/products/${product.id}/stock`, { items: [{ skuId: s.id, stock: 1 }] })).statusCode).toBe(403);
  });
});

describe("floor prices", () => {
  it("never reach roles that may not see them: list, search, one product, categories, export", async () => {
    const created = (await call(owner, "POST", "/api/v1/products", { ...cardigan("TB-FLOOR"), floorPriceCents: 12345, title: "底价测试开衫" })).json<Detail>();
    const urls = [
      `/api/v1/products?shopId=${shopId}&limit=200`,
      `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("底价测试")}`,
      `/api/v1/products/${created.product.id}`,
      `/api/v1/products/${created.product.id}?skus=all`,
      `/api/v1/products/categories?shopId=${shopId}`,
      `/api/v1/products/export?shopId=${shopId}`,
      `/api/v1/products/export?shopId=${shopId}&headers=zh`,
    ];
    for (const url of urls) {
      const res = await call(aftersales, "GET", url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/12345|123\.45|88\.00/);
      expect(res.body, url).not.toMatch(/floor_price|底价,/);
    }
    const one = (await call(aftersales, "GET", `/api/v1/products/${created.product.id}`)).json<Detail>();
    expect(one.product.floorPriceCents).toBeNull();
    // Pre-sales agents bargain: they see it, in the export too.
    expect((await call(presales, "GET", `/api/v1/products/${created.product.id}`)).json<Detail>().product.floorPriceCents).toBe(12345);
    expect((await call(presales, "GET", `/api/v1/products/export?shopId=${shopId}`)).body).toContain("123.45");
  });
});

describe("pictures", () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
  const upload = (s: Session, body: Buffer, type: string) =>
    t.qindesk.app.inject({ method: "POST", url: `/api/v1/products/images?shopId=${shopId}`, headers: { ...s.headers, "content-type": type }, payload: body });

  it("takes PNG/JPEG/GIF/WebP by their bytes, serves them with that type, and refuses SVG or HTML", async () => {
    const res = await upload(owner, png, "image/png");
    expect(res.statusCode).toBe(201);
    const { imageUrl } = res.json<{ imageUrl: string }>();
    const served = await t.qindesk.app.inject({ url: imageUrl });
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
    expect(served.rawPayload.equals(png)).toBe(true);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(owner, svg, "image/png")).json()).toMatchObject({ error: { code: "image_type" } });
    expect((await upload(owner, Buffer.from("<html><script>alert(1)</script>"), "application/octet-stream")).statusCode).toBe(400);
    expect((await upload(owner, svg, "image/svg+xml")).statusCode).toBe(415);
    expect((await upload(presales, png, "image/png")).statusCode).toBe(403);

    const made = await call(owner, "POST", "/api/v1/products", { ...cardigan("TB-PIC"), imageUrl });
    expect(made.json<Detail & { product: { imageUrl: string } }>().product.imageUrl).toBe(imageUrl);
  });
});

describe("knowledge written before the typed shape", () => {
  it("reads the demo shop's object-shaped size chart as a list in wearing order", async () => {
    const [knit] = (await call(presales, "GET", `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("V领")}`)).json<{ items: Product[] }>().items;
    const chart = (knit!.knowledge.sizeChart as { size: string }[]).map((r) => r.size);
    expect(chart).toEqual(["S", "M", "L", "XL"]);
    expect(knit!.knowledge.knownLimits).toContain("影棚");
  });
});

describe("workspaces", () => {
  it("answers 404 for another workspace's product, whatever the verb", async () => {
    await t.database.db.execute(sql`insert into workspaces (id, name) values ('ws_far', 'Far')`);
    await t.database.db.execute(sql`insert into shops (id, workspace_id, name, widget_secret) values ('shop_far', 'ws_far', 'Far', 'x')`);
    const foreign = await createProduct(t.database.db, "ws_far", "shop_far", { title: "别家的", category: "x", priceCents: 100, externalId: "FAR-1", skus: [{ color: "红", size: "S", stock: 1 }] });
    const [farSku] = await queryRows<{ id: string }>(t.database.db, sql`select id from skus where product_id = ${foreign.id}`);
    for (const [method, url, payload] of [
      ["GET", `/api/v1/products/${foreign.id}`],
      ["GET", `/api/v1/products/FAR-1`],
      ["PATCH", `/api/v1/products/${foreign.id}`, { title: "x" }],
      ["POST", `/api/v1/products/${foreign.id}/skus`, { color: "蓝", size: "S", stock: 1 }],
      ["PATCH", `/api/v1/products/${foreign.id}/skus/${farSku!.id}`, { archived: true }],
      ["PUT", `/api/v1/products/${foreign.id}/stock`, { items: [{ skuId: farSku!.id, stock: 0 }] }],
    ] as const) {
      expect((await call(owner, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    // Our own product with the foreign SKU id: still 404, and the foreign stock untouched.
    const ours = (await call(owner, "GET", `/api/v1/products?shopId=${shopId}&limit=1`)).json<{ items: Product[] }>().items[0]!;
    expect((await call(owner, "PUT", `/api/v1/products/${ours.id}/stock`, { items: [{ skuId: farSku!.id, stock: 0 }] })).statusCode).toBe(404);
    expect((await call(owner, "GET", `/api/v1/products?shopId=shop_far`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await call(owner, "POST", `/api/v1/products`, { ...cardigan(""), shopId: "shop_far", externalId: null })).json()).toMatchObject({ error: { field: "shopId" } });
    const [far] = await queryRows<{ stock: number; title: string }>(t.database.db, sql`select s.stock, p.title from skus s join products p on p.id = s.product_id where s.id = ${farSku!.id}`);
    expect(far).toEqual({ stock: 1, title: "别家的" });
  });
});
