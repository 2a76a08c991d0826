// Order ingest rate: orders from a shop's system through `POST /api/v1/orders` (the whole
// path: session, zod, SKU lookup, the order's transaction with its advisory lock, customer,
// items, stock taken, timeline, change listeners, the masked detail in the answer) against
// a raw baseline in the same run on the same engine: the same orders written with one
// multi-statement SQL command each (stock updates, customer, order, items: one round trip,
// one transaction), no validation, no events. Then the same orders reported again (idempotent updates).
// Run: npx tsx bench/orders.ts [orders] [--concurrency 8] [--http]     (PGlite in memory)
//      DATABASE_URL=postgres://… npx tsx bench/orders.ts               (PostgreSQL, a database made and dropped for the run)
//   --http sends over loopback HTTP (fetch, keep-alive) instead of app.inject.
import { openBenchDatabase } from "./bench-database";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { seedDemo } from "../server/src/demo/seed";
import { DEMO_PASSWORD } from "../server/src/demo/demo-shop";
import { buildQinDesk } from "../server/src/main";
import { products, skus } from "../server/src/modules/catalog";
import { shops } from "../server/src/modules/workspace";
import { LoginThrottle } from "../server/src/platform/auth/login-throttle";
import { newId } from "../server/src/platform/db/ids";

const { values, positionals } = parseArgs({ options: { concurrency: { type: "string" }, http: { type: "boolean" } }, allowPositionals: true });
const ORDERS = Number(positionals[0] ?? 2_000);
const CONCURRENCY = Number(values.concurrency ?? 8);
const SKUS = 60;
const BUYERS = 600;

/** mulberry32: the same orders on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchOrder {
  id: string;
  customer: string;
  createdAt: string;
  items: { sku: string; qty: number; priceCents: number }[];
}

function generate(prefix: string): BenchOrder[] {
  const random = prng(20261202);
  const start = Date.parse("2026-11-11T00:00:00+08:00");
  return Array.from({ length: ORDERS }, (_, i) => {
    const lines = 1 + Math.floor(random() * 3);
    const picked = new Set<number>();
    while (picked.size < lines) picked.add(Math.floor(random() * SKUS));
    return {
      id: `${prefix}${i}`,
      customer: `tb_bench_${Math.floor(BUYERS * random() ** 1.5)}`,
      createdAt: new Date(start + i * 1_000).toISOString(),
      items: [...picked].map((s) => ({ sku: `BENCH-SKU-${s}`, qty: 1 + Math.floor(random() * 2), priceCents: 5900 + 1000 * (s % 10) })),
    };
  });
}

const open = () => openBenchDatabase();

/** Runs `work` over the orders with CONCURRENCY in flight; returns the seconds taken. */
async function timed(list: BenchOrder[], work: (order: BenchOrder) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) await work(list[next++]!);
    }),
  );
  return (performance.now() - t0) / 1000;
}

// A failure says what failed in one line (a driver error dumps pages of fields otherwise).
process.on("uncaughtException", (err: Error & { cause?: Error }) => {
  console.error(`bench failed: ${err.cause?.message ?? err.message}`.slice(0, 500));
  process.exit(1);
});

const { database, drop } = await open();
try {
  const { db } = database;
  const { workspaceId } = await seedDemo(db);
  const [shop] = await db.select().from(shops).where(eq(shops.workspaceId, workspaceId)).limit(1);
  const [product] = await db.select().from(products).where(eq(products.shopId, shop!.id)).limit(1);
  // SKUs with stock for every run (ours, again, baseline): the stock update always succeeds.
  await db.insert(skus).values(Array.from({ length: SKUS }, (_, s) => ({ id: `sku_bench_${s}`, workspaceId, productId: product!.id, externalId: `BENCH-SKU-${s}`, color: `色${s}`, size: "M", stock: 10_000_000 })));

  const qindesk = await buildQinDesk({
    database,
    config: { trustProxy: false, logLevel: "silent", secureCookies: false, redisUrl: null, llm: null },
    throttle: new LoginThrottle({ maxFailures: 1000, windowMs: 60_000 }, { maxFailures: 1000, windowMs: 60_000 }),
    startJobs: false,
  });
  try {
    const login = await qindesk.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "owner@demo.qindesk", password: DEMO_PASSWORD } });
    const cookie = `qd_session=${login.cookies.find((c) => c.name === "qd_session")!.value}`;
    const headers = { cookie, "x-csrf-token": login.json<{ csrfToken: string }>().csrfToken, "content-type": "application/json" };
    const base = values.http ? await qindesk.app.listen({ port: 0, host: "127.0.0.1" }) : null;

    const payloadOf = (o: BenchOrder) => ({
      id: o.id,
      shop: shop!.id,
      customer: o.customer,
      status: "paid",
      createdAt: o.createdAt,
      paidAt: o.createdAt,
      items: o.items.map((i) => ({ sku: i.sku, qty: i.qty, price: i.priceCents / 100 })),
      recipient: { name: "王芳", phone: "13912345678", address: "上海市浦东新区世纪大道100号8楼" },
    });
    async function report(o: BenchOrder, expected: number): Promise<void> {
      const body = JSON.stringify(payloadOf(o));
      const status = base
        ? (await fetch(`${base}/api/v1/orders`, { method: "POST", headers, body }).then(async (r) => (await r.arrayBuffer(), r.status)))
        : (await qindesk.app.inject({ method: "POST", url: "/api/v1/orders", headers, payload: body })).statusCode;
      if (status !== expected) throw new Error(`order ${o.id}: HTTP ${status}, expected ${expected}`);
    }

    /**
     * The baseline: what the order's transaction must write, as one multi-statement command
     * per order (one round trip, run as one transaction by the simple query protocol): the
     * stock of each SKU in id order (as ours, so concurrent orders cannot deadlock), the
     * customer, the order, its items. No validation, no timeline, no listeners, no answer.
     */
    const client = (db as unknown as { $client: { query?: (text: string) => Promise<unknown>; exec?: (text: string) => Promise<unknown> } }).$client;
    const runRaw = (text: string) => (database.kind === "pglite" ? client.exec!(text) : client.query!(text));
    const lit = (v: string | number) => (typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);
    async function rawInsert(o: BenchOrder): Promise<void> {
      const orderId = newId("ord");
      const customerId = newId("cus");
      const total = o.items.reduce((sum, i) => sum + i.qty * i.priceCents, 0);
      const lines = o.items.map((i, position) => ({ ...i, position, skuId: `sku_bench_${i.sku.slice("BENCH-SKU-".length)}` }));
      const stock = [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : 1)).map((l) => `update skus set stock = stock - ${l.qty} where id = ${lit(l.skuId)} and workspace_id = ${lit(workspaceId)} and stock >= ${l.qty};`);
      await runRaw(
        [
          ...stock,
          `insert into customers (id, workspace_id, external_id, nick) values (${lit(customerId)}, ${lit(workspaceId)}, ${lit(`raw_${o.customer}`)}, ${lit(o.customer)}) on conflict (workspace_id, external_id) do nothing;`,
          `insert into orders (id, workspace_id, shop_id, customer_id, external_id, status, created_at, paid_at, total_cents, recipient_name, recipient_phone, shipping_address, stock_held, source)
             select ${lit(orderId)}, ${lit(workspaceId)}, ${lit(shop!.id)}, id, ${lit(o.id)}, 'paid', ${lit(o.createdAt)}, ${lit(o.createdAt)}, ${total}, '王芳', '13912345678', '上海市浦东新区世纪大道100号8楼', true, 'api'
             from customers where workspace_id = ${lit(workspaceId)} and external_id = ${lit(`raw_${o.customer}`)};`,
          `insert into order_items (id, workspace_id, order_id, position, product_id, sku_id, qty, price_cents) values ${lines
            .map((l) => `(${lit(newId("oi"))}, ${lit(workspaceId)}, ${lit(orderId)}, ${l.position}, ${lit(product!.id)}, ${lit(l.skuId)}, ${l.qty}, ${l.priceCents})`)
            .join(", ")};`,
        ].join("\n"),
      );
    }

    // Warm-up (JIT, connections, plans), not counted.
    const warm = generate("WARM-").slice(0, 50);
    for (const o of warm) await report(o, 201);
    for (const o of warm) await rawInsert({ ...o, id: `RAW-${o.id}` });

    const ours = generate("TB-BENCH-");
    const oursSeconds = await timed(ours, (o) => report(o, 201));
    const againSeconds = await timed(ours, (o) => report(o, 200));
    const raw = generate("RAW-BENCH-");
    const rawSeconds = await timed(raw, rawInsert);

    // Both wrote every order with its stock taken.
    const counted = (await db.execute(sql`select
        (select count(*)::int from orders where external_id like 'TB-BENCH-%') as ours,
        (select count(*)::int from orders where external_id like 'RAW-BENCH-%') as raw,
        (select (sum(10000000 - stock))::int from skus where id like 'sku_bench_%') as taken`)) as unknown as { rows: { ours: number; raw: number; taken: number }[] };
    const units = [...warm, ...warm, ...ours, ...raw].reduce((sum, o) => sum + o.items.reduce((s, i) => s + i.qty, 0), 0);
    const row = counted.rows[0]!;
    if (row.ours !== ORDERS || row.raw !== ORDERS || row.taken !== units) throw new Error(`counts differ: ${JSON.stringify(row)}, expected ${ORDERS} orders each and ${units} units taken`);

    const rate = (seconds: number) => `${Math.round(ORDERS / seconds).toLocaleString("en")} orders/s`;
    const lines = ours.reduce((sum, o) => sum + o.items.length, 0);
    console.log(`${database.kind}: ${ORDERS} orders (${lines} lines, ${BUYERS} buyers), ${CONCURRENCY} in flight, ${base ? "loopback HTTP" : "app.inject"}`);
    const row2 = (label: string, seconds: number) => console.log(`${label.padEnd(38)}${seconds.toFixed(2).padStart(7)} s  ${rate(seconds)}`);
    row2("POST /api/v1/orders (new)", oursSeconds);
    row2("POST /api/v1/orders (same again)", againSeconds);
    row2("baseline raw multi-statement insert", rawSeconds);
    console.log(`ratio ingest / baseline: ${(oursSeconds / rawSeconds).toFixed(1)}× the time (ours runs at ${((rawSeconds / oursSeconds) * 100).toFixed(0)} % of the baseline's rate)`);
  } finally {
    await qindesk.close();
  }
} finally {
  await drop();
}
