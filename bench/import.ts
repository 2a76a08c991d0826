// `qindesk import` rate: a generated interchange file (default 20k conversations,
// ~250k records) into a fresh database, and in the same run a raw baseline on the same
// engine: the same lines JSON-parsed and written with plain multi-row inserts of 1,000
// rows into a staging table (no validation, no references, no upsert) — what the
// engine itself costs.
// Run: npx tsx bench/import.ts [conversations]            (PGlite in memory)
//      DATABASE_URL=postgres://… npx tsx bench/import.ts  (PostgreSQL, a database made and dropped for the run)
import { openBenchDatabase } from "./bench-database";
import { createReadStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { importInterchange } from "../server/src/modules/interchange/import-service";
import type { Database } from "../server/src/platform/db/database";

const CONVERSATIONS = Number(process.argv[2] ?? 20_000);
const DIR = new URL("./data/", import.meta.url);
const FILE = new URL(`import-${CONVERSATIONS}.jsonl`, DIR).pathname;

/** Deterministic file: 1 shop, 40 agents, customers, conversations of 10 messages, orders. */
function generate(): number {
  const lines: string[] = [JSON.stringify({ type: "shop", id: "s1", name: "Bench", timezone: "Asia/Shanghai" })];
  for (let a = 1; a <= 40; a++) lines.push(JSON.stringify({ type: "agent", id: `a${a}`, name: `客服${a}`, team: "presales" }));
  const customers = Math.round(CONVERSATIONS * 0.6);
  for (let c = 1; c <= customers; c++) lines.push(JSON.stringify({ type: "customer", id: `c${c}`, nick: `买家${c}` }));
  const start = Date.parse("2026-09-01T00:00:00+08:00");
  const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
  for (let v = 1; v <= CONVERSATIONS; v++) {
    const t = start + v * 60_000;
    const customer = `c${1 + ((v * 7919) % customers)}`;
    lines.push(JSON.stringify({ type: "conversation", id: `v${v}`, shop: "s1", customer, team: "presales", startedAt: iso(t) }));
    for (let m = 0; m < 10; m++) {
      const from = m % 2 === 0 ? "buyer" : "agent";
      lines.push(JSON.stringify({ type: "message", conversation: `v${v}`, from, ...(from === "agent" && { agent: `a${1 + (v % 40)}` }), at: iso(t + m * 30_000), text: m % 2 ? "亲，在的，有货哦" : "这件有M码吗？" }));
    }
    if (v % 3 === 0) {
      lines.push(JSON.stringify({ type: "order", id: `o${v}`, shop: "s1", customer, createdAt: iso(t + 600_000), paidAt: iso(t + 660_000), status: "paid", items: [{ qty: 1, price: 59.9 }], total: 59.9 }));
    }
  }
  mkdirSync(DIR, { recursive: true });
  writeFileSync(FILE, lines.join("\n") + "\n");
  return lines.length;
}

const open = () => openBenchDatabase({ pgliteDataDir: !process.env.BENCH_MEMORY });

/** Baseline: parse each line, multi-row insert (type, id, body) 1,000 at a time, one transaction. */
async function rawInsert(database: Database): Promise<number> {
  const { db } = database;
  await db.execute(sql`create table bench_raw (type text not null, id text, body jsonb not null)`);
  let count = 0;
  await db.transaction(async (tx) => {
    let batch: [string, string | null, string][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const values = sql.join(batch.map(([type, id, body]) => sql`(${type}, ${id}, ${body}::jsonb)`), sql`, `);
      await tx.execute(sql`insert into bench_raw (type, id, body) values ${values}`);
      batch = [];
    };
    for await (const line of createInterface({ input: createReadStream(FILE), crlfDelay: Infinity })) {
      if (!line) continue;
      const record = JSON.parse(line) as { type: string; id?: string };
      batch.push([record.type, record.id ?? null, line]);
      count += 1;
      if (batch.length === 1_000) await flush();
    }
    await flush();
  });
  return count;
}

const records = existsSync(FILE) ? null : generate();
console.log(`${FILE}${records ? ` (generated, ${records} records)` : ""}`);
const { database, drop } = await open();
try {
  let t0 = performance.now();
  const result = await importInterchange(database.db, FILE);
  const oursMs = performance.now() - t0;
  const total = Object.values(result.records).reduce((a, b) => a + b, 0);
  t0 = performance.now();
  await importInterchange(database.db, FILE);
  const againMs = performance.now() - t0;
  t0 = performance.now();
  const raw = await rawInsert(database);
  const rawMs = performance.now() - t0;
  const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en")} records/s`;
  console.log(`${database.kind}: ${total} records`);
  console.log(`qindesk import (fresh)        ${(oursMs / 1000).toFixed(1)} s  ${rate(total, oursMs)}`);
  console.log(`qindesk import (same again)   ${(againMs / 1000).toFixed(1)} s  ${rate(total, againMs)}`);
  console.log(`baseline raw multi-row insert ${(rawMs / 1000).toFixed(1)} s  ${rate(raw, rawMs)}`);
  console.log(`ratio import / baseline: ${(oursMs / rawMs).toFixed(1)}×`);
} finally {
  await drop();
}
