// CSV import and export of the catalog on a real database: the preview names every bad
// row (row number, column, problem) and writes nothing; applying is all or nothing and
// idempotent by the shop's own ids; an export imports back unchanged; cells a spreadsheet
// would run as formulas are neutralised; Chinese headers and GBK files are read.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { createShop } from "../workspace";
import { planImport } from "./catalog-import";

let t: TestApp;
let shopId: string;
let owner: Session;
let aftersales: Session;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  aftersales = await t.signIn("aftersales@demo.qindesk");
}, 60_000);
afterAll(async () => t?.close());

interface Preview {
  ok: boolean;
  summary: { rows: number; products: Record<string, number>; skus: Record<string, number>; errors: number };
  rows: { row: number; productId: string; color: string | null; size: string | null; product: string; sku: string; stock: { from: number | null; to: number }; changes: string[] }[];
  errors: { row: number; column: string; code: string; params?: Record<string, unknown> }[];
}

const send = (s: Session, url: string, csv: string | Buffer) =>
  t.qindesk.app.inject({ method: "POST", url: `${url}?shopId=${shopId}`, headers: { ...s.headers, "content-type": "text/csv" }, payload: csv });
const preview = (csv: string | Buffer, s = owner) => send(s, "/api/v1/products/import/preview", csv);
const apply = (csv: string | Buffer, s = owner) => send(s, "/api/v1/products/import", csv);
const exportCsv = (s = owner, extra = "") => t.qindesk.app.inject({ url: `/api/v1/products/export?shopId=${shopId}${extra}`, headers: s.headers });
const counts = async () => (await queryRows<{ p: number; s: number }>(t.database.db, sql`select (select count(*)::int from products) as p, (select count(*)::int from skus) as s`))[0]!;

const HEADER = "product_id,title,category,price,promo_price,floor_price,material,size_chart,selling_points,faq,sku_id,color,size,stock,displayed_stock";
const goodRows = [
  `KNIT-77,羊绒混纺针织开衫,针织衫,299.00,259,199.5,"羊绒 30%，羊毛 70%","S: 胸围 94，155–160 cm / 42–48 kg | M: 胸围 98，160–165 cm / 48–55 kg",轻薄保暖|开衫百搭,会起球吗？ => 羊绒轻微起球属正常,KNIT-77-G-S,燕麦,S,6,26`,
  `KNIT-77,,,,,,,,,,KNIT-77-G-M,燕麦,M,0,20`,
  `KNIT-77,羊绒混纺针织开衫,针织衫,299,,,,,,,KNIT-77-B-S,黑色,S,3,`,
  `TEE-88,纯棉印花T恤,T恤,69,,45,,,,,,白色,均码,40,60`,
];
const goodFile = [HEADER, ...goodRows].join("\r\n") + "\r\n";

describe("import preview", () => {
  it("lists every bad row with its row number, column and problem, and writes nothing", async () => {
    const before = await counts();
    const bad = [
      HEADER,
      goodRows[0],
      `KNIT-77,,,,,,,,,,KNIT-77-G-M,燕麦,M,-3,20`, // row 3: negative stock
      `KNIT-77,另一个标题,,,,,,,,,KNIT-77-B-S,黑色,S,3,`, // row 4: product column differs from row 2
      `TEE-88,纯棉印花T恤,T恤,69.999,,,,,,,,白色,均码,40,`, // row 5: three decimals
      `NEW-1,,T恤,10,,,,,,,,白色,S,1,`, // row 6: new product without a title
      `NEW-2,连衣裙,连衣裙,100,120,,,,,,,蓝,S,1,`, // row 7: promo above price
      `NEW-3,半裙,裙,100,,,,S 胸围 94,,,,蓝,S,1,`, // row 8: size chart entry without "size:"
      `NEW-4,半裙,裙,100,,,,,,,,蓝,S,1,`,
      `NEW-4,,,,,,,,,,,蓝,S,2,`, // row 10: the same colour and size twice
      `,无编号,裙,100,,,,,,,,蓝,S,1,`, // row 11: no product id
    ].join("\n");
    const res = await preview(bad);
    expect(res.statusCode).toBe(200);
    const body = res.json<Preview>();
    expect(body.ok).toBe(false);
    expect(body.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "stock", "not_count"],
      [4, "title", "differs_from_row"],
      [5, "price", "not_money"],
      [6, "title", "required"],
      [7, "promo_price", "promo_above_price"],
      [8, "size_chart", "bad_size_chart"],
      [10, "size", "duplicate_variant"],
      [11, "product_id", "required"],
    ]);
    expect(body.errors[1]!.params).toEqual({ row: 2 });
    expect(await counts()).toEqual(before);
  });

  it("refuses unknown and missing columns on the header row", async () => {
    const body = (await preview("title,colour_name,price\r\nx,y,1\r\n")).json<Preview>();
    expect(body.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, "colour_name", "unknown_column"],
      [1, "product_id", "missing_column"],
      [1, "sku_id", "missing_column"],
    ]);
    expect((await preview("")).json<Preview>().errors[0]).toMatchObject({ row: 1, code: "empty_file" });
    expect((await preview('product_id,color\r\n"open,x\r\n')).json<Preview>().errors[0]).toMatchObject({ row: 2, code: "bad_csv" });
    expect((await preview(Buffer.from([0xff, 0xfe, 0x00, 0x81]))).json<Preview>().errors[0]).toMatchObject({ code: "not_text" });
  });

  it("is for owners and supervisors", async () => {
    expect((await preview(goodFile, aftersales)).statusCode).toBe(403);
    expect((await apply(goodFile, aftersales)).statusCode).toBe(403);
  });
});

describe("import apply", () => {
  it("writes nothing when any row is bad, and everything when none is", async () => {
    const before = await counts();
    const withBadRow = goodFile + `TEE-88,,,,,,,,,,,黑色,均码,abc,\r\n`;
    const refused = await apply(withBadRow);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: "import_invalid", field: "stock" }, preview: { errors: [{ row: 6, column: "stock", code: "not_count" }] } });
    expect(await counts()).toEqual(before);

    const planned = (await preview(goodFile)).json<Preview>();
    expect(planned).toMatchObject({ ok: true, summary: { rows: 4, products: { create: 2, update: 0 }, skus: { create: 4 } } });
    const res = await apply(goodFile);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ products: { created: 2, updated: 0 }, skus: { created: 4, updated: 0 }, stockChanges: 0 });
    expect(await counts()).toEqual({ p: before.p + 2, s: before.s + 4 });

    const list = await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("羊绒")}`, headers: owner.headers });
    const [knit] = list.json<{ items: { id: string; priceCents: number; promoPriceCents: number; floorPriceCents: number; knowledge: Record<string, unknown> }[] }>().items;
    expect(knit).toMatchObject({ priceCents: 29900, promoPriceCents: 25900, floorPriceCents: 19950 });
    expect(knit!.knowledge).toMatchObject({
      material: "羊绒 30%，羊毛 70%",
      sizeChart: [
        { size: "S", text: "胸围 94，155–160 cm / 42–48 kg" },
        { size: "M", text: "胸围 98，160–165 cm / 48–55 kg" },
      ],
      sellingPoints: ["轻薄保暖", "开衫百搭"],
      faq: [{ q: "会起球吗？", a: "羊绒轻微起球属正常" }],
    });
    const one = await t.qindesk.app.inject({ url: `/api/v1/products/${knit!.id}`, headers: owner.headers });
    expect(one.json<{ skus: { externalId: string; stock: number; displayedStock: number | null }[] }>().skus).toMatchObject([
      { externalId: "KNIT-77-G-S", stock: 6, displayedStock: 26 },
      { externalId: "KNIT-77-G-M", stock: 0, displayedStock: 20 },
      { externalId: "KNIT-77-B-S", stock: 3, displayedStock: null },
    ]);
  });

  it("is idempotent: the same file again changes nothing; a changed stock is one audited change", async () => {
    const before = await counts();
    const audits = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
    const auditsBefore = await audits();
    expect((await preview(goodFile)).json<Preview>().summary).toMatchObject({ products: { create: 0, update: 0, unchanged: 2 }, skus: { create: 0, update: 0, unchanged: 4 } });
    expect((await apply(goodFile)).json()).toEqual({ products: { created: 0, updated: 0 }, skus: { created: 0, updated: 0 }, stockChanges: 0 });
    expect(await counts()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);

    // A stock-only file: the columns it leaves out are left alone.
    const stockOnly = "sku_id,product_id,实际库存\r\nKNIT-77-G-M,KNIT-77,12\r\n";
    const planned = (await preview(stockOnly)).json<Preview>();
    expect(planned.rows).toMatchObject([{ row: 2, sku: "update", stock: { from: 0, to: 12 }, changes: ["stock"] }]);
    expect((await apply(stockOnly)).json()).toMatchObject({ skus: { updated: 1 }, stockChanges: 1 });
    const [audit] = await queryRows<{ details: Record<string, unknown>; agent_id: string }>(
      t.database.db,
      sql`select details, agent_id from audit_log where action = 'catalog.stock_set' order by at desc, id desc limit 1`,
    );
    expect(audit).toMatchObject({ agent_id: owner.agentId, details: { source: "import", from: 0, to: 12, displayedFrom: 20, displayedTo: 20 } });
    const [knit] = await queryRows<{ title: string; material: string }>(t.database.db, sql`select title, attributes->>'material' as material from products where external_id = 'KNIT-77'`);
    expect(knit).toEqual({ title: "羊绒混纺针织开衫", material: "羊绒 30%，羊毛 70%" });
  });

  it("reads Chinese headers and a GBK file (Excel's plain CSV on Chinese Windows)", async () => {
    // 商品编号,标题,类目,价格,颜色,尺码,实际库存 / GBK-1,羊毛针织开衫,针织衫,199.00,驼色,M,6 in GBK.
    const gbk = Buffer.from(
      "c9ccc6b7b1e0bac52cb1eacce22cc0e0c4bf2cbcdbb8f12cd1d5c9ab2cb3dfc2eb2ccab5bccabfe2b4e60d0a47424b2d312cd1f2c3abd5ebd6afbfaac9c02cd5ebd6afc9c02c3139392e30302ccdd5c9ab2c4d2c360d0a",
      "hex",
    );
    expect((await apply(gbk)).json()).toMatchObject({ products: { created: 1 }, skus: { created: 1 } });
    const [row] = await queryRows<{ title: string; color: string; stock: number }>(
      t.database.db,
      sql`select p.title, s.color, s.stock from products p join skus s on s.product_id = p.id where p.external_id = 'GBK-1'`,
    );
    expect(row).toEqual({ title: "羊毛针织开衫", color: "驼色", stock: 6 });
  });

  it("keeps ids within their shop and product", async () => {
    const other = await createShop(t.database.db, t.workspaceId, { name: "二店" });
    await t.database.db.execute(sql`insert into products (id, workspace_id, shop_id, external_id, title, category, price_cents) values ('prod_second', ${t.workspaceId}, ${other.id}, 'SECOND-1', '二店商品', 'T恤', 100)`);
    const body = (await preview("product_id,title,category,price,sku_id,color,size,stock\r\nSECOND-1,x,T恤,1,,白,S,1\r\nTEE-88,,,,KNIT-77-G-S,白,M,1\r\n")).json<Preview>();
    expect(body.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "product_id", "other_shop"],
      [3, "sku_id", "sku_other_product"],
    ]);
  });

  it("refuses the floor price column from roles that may not see floor prices", async () => {
    const plan = await planImport(t.database.db, t.workspaceId, shopId, Buffer.from(goodFile), false);
    expect(plan.errors).toEqual([{ row: 1, column: "floor_price", code: "floor_price_hidden" }]);
  });
});

describe("export", () => {
  it("round-trips: the export imports back with nothing to change", async () => {
    const csv = (await exportCsv()).body;
    expect(csv.startsWith("\uFEFFproduct_id,title,category,price,promo_price,floor_price,")).toBe(true);
    const planned = (await preview(csv)).json<Preview>();
    expect(planned.errors).toEqual([]);
    expect(planned.rows.filter((r) => r.changes.length > 0)).toEqual([]);
    expect(planned.summary.products.update + planned.summary.products.create + planned.summary.skus.update + planned.summary.skus.create).toBe(0);
    expect(planned.summary.rows).toBeGreaterThan(60);
    // With Chinese headers too.
    const zh = (await exportCsv(owner, "&headers=zh")).body;
    expect(zh.startsWith("\uFEFF商品编号,标题,类目,价格,促销价,底价,")).toBe(true);
    expect((await preview(zh)).json<Preview>().summary.skus).toMatchObject({ create: 0, update: 0 });
  });

  it("neutralises cells a spreadsheet would run as a formula, and reads them back as written", async () => {
    const titles = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1 惊喜价", "-减价款", "@SUM(A1)", "\t制表", "\r回车"];
    for (const [i, title] of titles.entries()) {
      const res = await t.qindesk.app.inject({
        method: "POST",
        url: "/api/v1/products",
        headers: owner.headers,
        payload: { shopId, externalId: `FX-${i}`, title, category: "T恤", priceCents: 100, skus: [{ color: "白", size: "S", stock: 1 }] },
      });
      expect(res.statusCode, title).toBe(201);
      // Input is trimmed; a leading tab or CR can still come in another way (the interchange file).
      if (/^\s/.test(title)) await t.database.db.execute(sql`update products set title = ${title} where external_id = ${`FX-${i}`}`);
    }
    const csv = (await exportCsv()).body;
    for (const [i, title] of titles.entries()) {
      const line = csv.split("\r\n").find((l) => l.startsWith(`FX-${i},`))!;
      const cell = line.slice(`FX-${i},`.length);
      expect(cell.startsWith(`'${title[0]}`) || cell.startsWith(`"'${title[0]}`), `${JSON.stringify(title)} → ${JSON.stringify(cell.slice(0, 12))}`).toBe(true);
    }
    const planned = (await preview(csv)).json<Preview>();
    const formulas = planned.rows.filter((r) => /^FX-[0-3]$/.test(r.productId));
    expect(formulas.map((r) => r.product)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
  });
});
