// Chinese-aware product search on a real database: every typed word must match, as a jieba
// word or prefix, a synonym, or a literal part of the title or category; knowledge is
// searched too; LIKE wildcards stay literal; rows written outside this module are found.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { createProduct } from "./catalog.repo";
import { queryWords, refreshSearchTokens, staleTokenCount, wordQuery } from "./product-search";

let t: TestApp;
let shopId: string;
let presales: Session;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  presales = await t.signIn("presales@demo.qindesk");
  const owner = await t.signIn("owner@demo.qindesk");
  const make = (title: string, category: string, knowledge: Record<string, unknown> = {}) =>
    t.qindesk.app.inject({ method: "POST", url: "/api/v1/products", headers: owner.headers, payload: { shopId, title, category, priceCents: 9900, knowledge, skus: [{ color: "白", size: "M", stock: 1 }] } });
  await make("针织开衫 春秋薄款", "针织衫", { material: "棉 60%，腈纶 40%" });
  await make("100%羊毛围巾", "配饰", { keywords: ["冬季保暖"] });
  await make("打底衫 修身长袖", "T恤", { keywords: ["内搭"], faq: [{ q: "透不透？", a: "白色略透，建议搭配肤色内衣" }] });
}, 60_000);
afterAll(async () => t?.close());

const titles = async (q: string) => {
  const res = await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}&limit=200&q=${encodeURIComponent(q)}`, headers: presales.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { title: string }[] }>().items.map((p) => p.title);
};

describe("product search", () => {
  it("needs every typed word: 针织 开衫 finds the cardigan, not the pullover", async () => {
    expect(await titles("针织 开衫")).toEqual(["针织开衫 春秋薄款"]);
    expect(await titles("针织开衫")).toEqual(["针织开衫 春秋薄款"]);
    expect((await titles("针织")).sort()).toEqual(["V领宽松针织衫 秋冬新款", "针织开衫 春秋薄款"].sort());
  });

  it("knows a few apparel synonyms: 毛衣 finds the knitwear", async () => {
    expect((await titles("毛衣")).sort()).toEqual(["V领宽松针织衫 秋冬新款", "针织开衫 春秋薄款"].sort());
    expect(await titles("V领 毛衣")).toEqual(["V领宽松针织衫 秋冬新款"]);
  });

  it("searches the knowledge: known limits, material, search words, common questions", async () => {
    expect(await titles("影棚")).toEqual(["V领宽松针织衫 秋冬新款"]);
    expect((await titles("腈纶")).sort()).toEqual(["V领宽松针织衫 秋冬新款", "针织开衫 春秋薄款"].sort());
    expect(await titles("内搭")).toEqual(["打底衫 修身长袖"]);
    expect(await titles("透")).toEqual(["打底衫 修身长袖"]);
  });

  it("finds words jieba cuts oddly by the literal title (连帽卫衣 → 连 帽卫衣)", async () => {
    expect(await titles("卫衣")).toEqual(["加绒连帽卫衣 情侣款"]);
    expect(await titles("t恤")).toContain("纯棉圆领短袖T恤 基础款");
  });

  it("keeps LIKE wildcards literal", async () => {
    expect(await titles("%")).toEqual(["100%羊毛围巾"]);
    expect(await titles("_")).toEqual([]);
    expect(await titles("\\")).toEqual([]);
    expect(wordQuery("%")).toBeNull();
    expect(wordQuery("开衫 & !x:*")).toBe("(开衫:*) & (x:*)");
    expect(queryWords("  针织　 开衫 ")).toEqual(["针织", "开衫"]);
  });

  it("finds products written by other paths (seed, interchange) once their words are made", async () => {
    await createProduct(t.database.db, t.workspaceId, shopId, { title: "真丝衬衫", category: "衬衫", priceCents: 100, attributes: { knownLimits: "深色在阳光下有光泽差" }, skus: [] });
    expect(await staleTokenCount(t.database.db, t.workspaceId, shopId)).toBe(1);
    // An edit by another writer (the interchange import) is seen as stale too.
    await t.database.db.execute(sql`update products set attributes = '{"material": "亚麻"}'::jsonb where title = '打底衫 修身长袖'`);
    expect(await staleTokenCount(t.database.db, t.workspaceId, shopId)).toBe(2);
    expect(await refreshSearchTokens(t.database.db, t.workspaceId, shopId)).toBe(2);
    expect(await staleTokenCount(t.database.db, t.workspaceId, shopId)).toBe(0);
    expect(await titles("阳光")).toEqual(["真丝衬衫"]);
    expect(await titles("亚麻")).toEqual(["打底衫 修身长袖"]);
    expect(await titles("内搭")).toEqual([]);
  });
});
