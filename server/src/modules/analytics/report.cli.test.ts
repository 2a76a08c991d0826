// `qindesk import/report/export` as users run them (the real CLI in a child process,
// on a data directory of its own, or a fresh PostgreSQL database when DATABASE_URL is
// set), and the HTTP API giving the same figures as the CLI.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { lockDataDir } from "../../platform/db/data-dir-lock";
import { openDatabase, queryRows } from "../../platform/db/database";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { GOLDEN_AGENTS, GOLDEN_SHOP } from "./fixtures/golden";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../../..");
const GOLDEN = join(here, "fixtures/golden-day.jsonl");
const scratch = mkdtempSync(join(tmpdir(), "qindesk-report-cli-"));
const dataDir = join(scratch, "data");
let postgres: TestDatabase | null = null;

beforeAll(async () => {
  // On PostgreSQL the CLI gets a database of its own, made and dropped by the test helper.
  if (process.env.DATABASE_URL) postgres = await createTestDatabase();
});
afterAll(async () => {
  await postgres?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function qindesk(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, QINDESK_DATA_DIR: dataDir, QINDESK_DEMO: "0" };
  if (postgres) env.DATABASE_URL = postgres.url!;
  else delete env.DATABASE_URL;
  const child = spawnSync(process.execPath, ["bin/qindesk.mjs", ...args], { cwd: root, encoding: "utf8", timeout: 120_000, env });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

const DAY = ["--shop", "s1", "--from", "2026-09-01", "--to", "2026-09-01"];

// Each CLI run starts tsx and opens the database (2-5 s on a busy 2-core machine).
describe("qindesk import / report / export", { timeout: 180_000 }, () => {
  it("imports, re-imports without changes, and reports the hand-computed figures", () => {
    const first = qindesk("import", GOLDEN);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^message\s+16\s+16\s+0\s+0$/m);
    const again = qindesk("import", GOLDEN);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^message\s+16\s+0\s+0\s+16$/m);

    const report = qindesk("report", ...DAY, "--json");
    expect(report.code).toBe(0);
    expect(report.stdout.trimEnd()).not.toContain("\n");
    expect(JSON.parse(report.stdout)).toEqual(GOLDEN_SHOP);
    expect(JSON.parse(qindesk("report", ...DAY, "--agent", "a2", "--json").stdout)).toEqual(GOLDEN_AGENTS.a2);
    const table = qindesk("report", ...DAY);
    expect(table.stdout).toContain("瑞丽女坊 (s1): 2026-09-01 to 2026-09-01, Asia/Shanghai");
    expect(table.stdout).toMatch(/sales per buyer \(客单价\)\s+55\.01/);
  });

  it("writes nothing for a file with a bad line, saying which line and field", () => {
    const bad = join(scratch, "bad.jsonl");
    const lines = readFileSync(GOLDEN, "utf8").trimEnd().split("\n");
    lines[1] = lines[1]!.replace('"name":"小美"', '"name":"改名"');
    lines.push('{"type":"order","id":"o9","shop":"s1","customer":"b1","createdAt":"2026-09-01T10:00:00+08:00","status":"paid","items":[],"total":1}');
    writeFileSync(bad, lines.join("\n") + "\n");
    const run = qindesk("import", bad);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe(`qindesk import: ${bad}: line 40: order.paidAt: is required (null when unpaid); nothing was imported\n`);
    const out = qindesk("export");
    expect(out.stdout).toContain('"name":"小美"');
    expect(out.stdout).not.toContain("o9");
  });

  it("fails with one line for a missing file, an unknown shop or agent, and bad dates", () => {
    const cases: [string[], string][] = [
      [["import", join(scratch, "none.jsonl")], `cannot read ${join(scratch, "none.jsonl")}: no such file`],
      [["report", "--shop", "zz", "--from", "2026-09-01", "--to", "2026-09-01"], 'unknown shop "zz"'],
      [["report", ...DAY, "--agent", "zz"], 'unknown agent "zz"'],
      [["report", "--shop", "s1", "--from", "2026-09-01", "--to", "2026-13-01"], '--to "2026-13-01" is not a date (YYYY-MM-DD)'],
      [["report", "--shop", "s1", "--from", "09/01/2026", "--to", "2026-09-01"], '--from "09/01/2026" is not a date (YYYY-MM-DD)'],
    ];
    for (const [args, message] of cases) {
      const run = qindesk(...args);
      expect(run.code, args.join(" ")).not.toBe(0);
      expect(run.stderr).toBe(`qindesk ${args[0]}: ${message}\n`);
    }
  });

  it("exports the same file it imported", () => {
    const out = join(scratch, "export.jsonl");
    const run = qindesk("export", "--out", out);
    expect(run.code).toBe(0);
    const parse = (text: string) => text.trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
    expect(parse(readFileSync(out, "utf8"))).toEqual(parse(readFileSync(GOLDEN, "utf8")));
  });

  it("says in one line why the database refused a row, and writes nothing", async () => {
    // The CLI's own database, between runs: a rule the file check knows nothing of (an operator's trigger).
    const open = async () => postgres ?? (await openDatabase({ databaseUrl: null, dataDir, command: "test" }));
    const setUp = await open();
    try {
      await setUp.db.execute(sql.raw(`create function refuse_boom() returns trigger language plpgsql as $$
        begin if new.text = 'boom' then raise exception 'no booms here'; end if; return new; end $$`));
      await setUp.db.execute(sql.raw("create trigger refuse_boom before insert on messages for each row execute function refuse_boom()"));
    } finally {
      if (!postgres) await setUp.close();
    }
    const file = join(scratch, "boom.jsonl");
    const boom = { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T23:00:00+08:00", text: "boom" };
    writeFileSync(file, `${JSON.stringify({ ...boom, text: "new" })}\n${JSON.stringify(boom)}\n`);
    const run = qindesk("import", file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe(`qindesk import: ${file}: the database refused the data: no booms here; nothing was imported\n`);
    const cleanUp = await open();
    try {
      expect(await queryRows(cleanUp.db, sql`select id from messages where text in ('new', 'boom')`)).toEqual([]);
      await cleanUp.db.execute(sql.raw("drop trigger refuse_boom on messages"));
    } finally {
      if (!postgres) await cleanUp.close();
    }
  });

  it.skipIf(process.env.DATABASE_URL)("refuses a data directory held by a running server", () => {
    const release = lockDataDir(dataDir, "qindesk start");
    try {
      for (const command of [["import", GOLDEN], ["report", ...DAY], ["export"]]) {
        const run = qindesk(...command);
        expect(run.code).not.toBe(0);
        expect(run.stderr).toBe(`qindesk ${command[0]}: the data directory ${dataDir} is in use by process ${process.pid} (qindesk start); stop it first or use another QINDESK_DATA_DIR\n`);
      }
    } finally {
      release();
    }
  });
});

describe("POST /api/v1/import and GET /api/v1/reports/figures", { timeout: 120_000 }, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  const importFile = (headers: Record<string, string>, payload: string, type = "application/x-ndjson") =>
    app.qindesk.app.inject({ method: "POST", url: "/api/v1/import", headers: { ...headers, "content-type": type }, payload });

  it("imports for an owner and answers the same figures as the CLI", async () => {
    const owner = await app.signIn("owner@demo.qindesk");
    const res = await importFile(owner.headers, readFileSync(GOLDEN, "utf8"));
    expect(res.statusCode).toBe(200);
    expect(res.json<{ records: { message: number } }>().records.message).toBe(16);
    const again = await importFile(owner.headers, readFileSync(GOLDEN, "utf8"), "text/plain");
    expect(again.json<{ created: Record<string, number> }>().created.message).toBe(0);

    const query = "shop=s1&from=2026-09-01&to=2026-09-01";
    const api = await app.qindesk.app.inject({ method: "GET", url: `/api/v1/reports/figures?${query}`, headers: owner.headers });
    expect(api.statusCode).toBe(200);
    const cli = qindesk("report", ...DAY, "--json");
    expect(api.body).toBe(cli.stdout.trimEnd());
    const agent = await app.qindesk.app.inject({ method: "GET", url: `/api/v1/reports/figures?${query}&agent=a1`, headers: owner.headers });
    expect(agent.body).toBe(qindesk("report", ...DAY, "--agent", "a1", "--json").stdout.trimEnd());
  });

  it("answers a bad file with 400 naming the line and field, writing nothing", async () => {
    const owner = await app.signIn("owner@demo.qindesk");
    const payload = '{"type":"shop","id":"s77","name":"X"}\n{"type":"customer","id":"c77"}\n';
    const res = await importFile(owner.headers, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: "invalid_file", message: "line 2: customer.nick: is required", field: "customer.nick", line: 2 } });
    const figures = await app.qindesk.app.inject({ method: "GET", url: "/api/v1/reports/figures?shop=s77&from=2026-09-01&to=2026-09-01", headers: owner.headers });
    expect(figures.statusCode).toBe(400);
    expect(figures.json()).toMatchObject({ error: { field: "shop" } });
  });

  it("lets an agent import nothing and see only their own figures", async () => {
    const agent = await app.signIn("presales@demo.qindesk");
    expect((await importFile(agent.headers, '{"type":"shop","id":"s9","name":"X"}\n')).statusCode).toBe(403);
    const base = "/api/v1/reports/figures?shop=s1&from=2026-09-01&to=2026-09-01";
    expect((await app.qindesk.app.inject({ method: "GET", url: base, headers: agent.headers })).statusCode).toBe(403);
    expect((await app.qindesk.app.inject({ method: "GET", url: `${base}&agent=a1`, headers: agent.headers })).statusCode).toBe(403);
    const own = await app.qindesk.app.inject({ method: "GET", url: `${base}&agent=${agent.agentId}`, headers: agent.headers });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ inquiringBuyers: 0, replyRate: null });
    const badDate = await app.qindesk.app.inject({ method: "GET", url: `${base.replace("2026-09-01&to", "2026-9-1&to")}&agent=${agent.agentId}`, headers: agent.headers });
    expect(badDate.statusCode).toBe(400);
  });
});
