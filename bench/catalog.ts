// Catalog CSV import and product search, each beside a raw baseline in the same run:
//  - import: a generated CSV (default 1,000 products × 10 SKUs = 10,000 rows, the most one
//    file may hold): preview, apply into an empty shop, the same file again (idempotent,
//    writes nothing), and a file changing every stock; baseline: the same rows as plain
//    multi-row inserts of 500 into a staging table (no parsing of money, no matching).
//  - search: the sidebar's query (jieba words, synonyms, literal title/category) over the
//    shop's products, and the check for stale search words that may run before it;
//    baseline: one plain ILIKE on the title.
// Run: npx tsx bench/catalog.ts [products]            (PGlite in memory)
//      DATABASE_URL=postgres://… npx tsx bench/catalog.ts  (a database made and dropped for the run)
import { sql } from "drizzle-orm";
import { openBenchDatabase } from "./bench-database";
import type { Ability } from "../server/src/platform/auth/abilities";
import type { AuthContext } from "../server/src/platform/auth/auth-context";
import { listProducts } from "../server/src/modules/catalog/catalog.repo";
import { planImport } from "../server/src/modules/catalog/catalog-import";
import { applyImport } from "../server/src/modules/catalog/catalog-import-apply";
import { refreshSearchTokens, staleTokenCount } from "../server/src/modules/catalog/product-search";
import { createShop, createWorkspace } from "../server/src/modules/workspace";

const PRODUCTS = Number(process.argv[2] ?? 1_000);
const COLORS = ["米白", "雾霾蓝", "黑色", "燕麦", "卡其"];
const SIZES = ["S", "M"];
const KINDS = [
  ["针织衫", "V领宽松针织衫"],
  ["针织衫", "针织开衫 薄款"],
  ["T恤", "纯棉圆领短袖T恤"],
  ["卫衣", "加绒连帽卫衣"],
  ["连衣裙", "碎花雪纺连衣裙"],
  ["西装", "小西装外套 修身"],
] as const;

function csv(stockOf: (p: number, s: number) => number): string {
  const lines = ["product_id,title,category,price,promo_price,floor_price,material,care,known_limits,sku_id,color,size,stock,displayed_stock"];
  for (let p = 0; p < PRODUCTS; p++) {
    const [category, title] = KINDS[p % KINDS.length]!;
    let s = 0;
    for (const color of COLORS) {
      for (const size of SIZES) {
        lines.push([`P${p}`, `${title} ${p}号`, category, "128.00", "99.00", "88.00", "羊毛 30%，腈纶 70%", "30℃以下手洗，平铺晾干", "米白色在影棚灯光下略偏黄", `P${p}-${s}`, color, size, stockOf(p, s), stockOf(p, s) + 20].join(","));
        s++;
      }
    }
  }
  return lines.join("\r\n") + "\r\n";
}

const open = () => openBenchDatabase();

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await work();
  return [result, performance.now() - t0];
}

/** Median of `runs` timings, in ms. */
async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(work))[1]);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const { database, drop } = await open();
const { db } = database;
try {
  const workspaceId = await createWorkspace(db, "Bench");
  const shop = await createShop(db, workspaceId, { name: "Bench" });
  const auth = { agent: { id: "agent_bench", workspaceId }, abilities: new Set<Ability>(["products.manage", "products.view_floor_price"]) } as unknown as AuthContext;
  const file = Buffer.from(csv(() => 10));
  const rows = PRODUCTS * COLORS.length * SIZES.length;
  const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString("en")} rows/s`;
  const line = (label: string, ms: number) => console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2)} s  ${rate(ms)}`);

  const [plan, previewMs] = await time(() => planImport(db, workspaceId, shop.id, file, true));
  if (plan.errors.length > 0) throw new Error(JSON.stringify(plan.errors.slice(0, 3)));
  const [, applyMs] = await time(() => applyImport(db, auth, shop.id, file, true));
  const [again, againMs] = await time(() => applyImport(db, auth, shop.id, file, true));
  if (again.skus.updated + again.skus.created !== 0) throw new Error("the same file changed something");
  const [stock, stockMs] = await time(() => applyImport(db, auth, shop.id, Buffer.from(csv((p, s) => (p + s) % 7)), true));

  const [, rawMs] = await time(async () => {
    await db.execute(sql`create table bench_raw (product text, title text, price integer, sku text, color text, size text, stock integer)`);
    const records = file.toString("utf8").split("\r\n").slice(1, -1).map((l) => l.split(","));
    await db.transaction(async (tx) => {
      for (let i = 0; i < records.length; i += 500) {
        const values = records.slice(i, i + 500).map((c) => sql`(${c[0]}, ${c[1]}, ${12800}, ${c[9]}, ${c[10]}, ${c[11]}, ${Number(c[12])})`);
        await tx.execute(sql`insert into bench_raw values ${sql.join(values, sql`, `)}`);
      }
    });
  });

  console.log(`${database.kind}: ${PRODUCTS} products, ${rows} CSV rows`);
  line("preview (plan, no writes)", previewMs);
  line("apply into an empty shop", applyMs);
  line("apply the same file again", againMs);
  line(`apply new stock (${stock.stockChanges} changed)`, stockMs);
  line("baseline raw multi-row insert", rawMs);
  console.log(`ratio apply / baseline: ${(applyMs / rawMs).toFixed(1)}×`);

  // Search over the shop's products (words made at apply).
  const search = (q: string) => listProducts(db, workspaceId, { shopId: shop.id, q, archived: "exclude", limit: 50, offset: 0 });
  const found = (await search("针织 开衫")).total;
  const searchMs = await median(21, () => search("针织 开衫"));
  const synonymMs = await median(21, () => search("毛衣"));
  const staleCheckMs = await median(21, () => refreshSearchTokens(db, workspaceId, shop.id));
  const rawSearchMs = await median(21, () => db.execute(sql`select * from products where workspace_id = ${workspaceId} and shop_id = ${shop.id} and title ilike ${"%开衫%"} limit 50`));
  await db.execute(sql`update products set search_key = null where workspace_id = ${workspaceId}`);
  const [, retokeniseMs] = await time(() => refreshSearchTokens(db, workspaceId, shop.id));
  if ((await staleTokenCount(db, workspaceId, shop.id)) !== 0) throw new Error("stale words left");
  console.log(`search "针织 开衫" (${found} found)       ${searchMs.toFixed(1)} ms median`);
  console.log(`search "毛衣" (synonyms)           ${synonymMs.toFixed(1)} ms median`);
  console.log(`stale-words check, nothing stale  ${staleCheckMs.toFixed(1)} ms median`);
  console.log(`baseline plain ILIKE on the title ${rawSearchMs.toFixed(1)} ms median`);
  console.log(`re-tokenise all ${PRODUCTS} products      ${retokeniseMs.toFixed(0)} ms`);
} finally {
  await drop();
}
