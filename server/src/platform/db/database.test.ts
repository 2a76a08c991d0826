import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/test-database";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock";
import { engineOf, openDatabase, queryRows } from "./database";
import { newId } from "./ids";
import { migrateDatabase } from "./migrate";

describe("database", () => {
  it("applies the migrations and runs queries (PGlite, or PostgreSQL with DATABASE_URL)", async () => {
    const database = await createTestDatabase();
    try {
      const rows = await queryRows(database.db, sql`select count(*)::int as n from workspaces`);
      expect(rows).toEqual([{ n: 0 }]);
      // Work sized by engine (the importer's batches) can tell which one this is; a transaction cannot.
      expect(engineOf(database.db)).toBe(database.kind);
      await database.db.transaction(async (tx) => expect(engineOf(tx as never)).toBeUndefined());
      // Applying again is a no-op.
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  });

  it("makes unique, time-ordered ids with a prefix", () => {
    const a = newId("msg");
    const b = newId("msg");
    expect(a).toMatch(/^msg_[0-9a-z]{25}$/);
    expect(a).not.toBe(b);
    // Across many refills of the random pool: all distinct, all well-formed.
    const many = Array.from({ length: 5000 }, () => newId("x"));
    expect(new Set(many).size).toBe(5000);
    for (const id of many) expect(id).toMatch(/^x_[0-9a-z]{25}$/);
  });
});

describe("data directory lock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "qindesk-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second holder and names the process that holds it", async () => {
    const { spawn } = await import("node:child_process");
    // Another live process holds the lock…
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(path.join(dir, "qindesk.lock"), JSON.stringify({ pid: other.pid, command: "qindesk start", since: "" }));
      expect(() => lockDataDir(dir, "qindesk import")).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir, "qindesk import")).toThrow(new RegExp(`process ${other.pid} \\(qindesk start\\)`));
    } finally {
      other.kill();
    }
  });

  it("takes over a stale lock left by a process that died, and removes it on release", async () => {
    const { spawnSync } = await import("node:child_process");
    const { existsSync, writeFileSync } = await import("node:fs");
    const dead = spawnSync(process.execPath, ["-e", "0"]);
    writeFileSync(path.join(dir, "qindesk.lock"), JSON.stringify({ pid: dead.pid, command: "old", since: "" }));
    const release = lockDataDir(dir, "test");
    expect(existsSync(path.join(dir, "qindesk.lock"))).toBe(true);
    release();
    expect(existsSync(path.join(dir, "qindesk.lock"))).toBe(false);
  });

  it("keeps a PGlite data directory to one process", async () => {
    const dataDir = path.join(dir, "pg");
    const first = await openDatabase({ databaseUrl: null, dataDir, command: "first" });
    try {
      await first.db.execute(sql`select 1`);
    } finally {
      await first.close();
    }
    const second = await openDatabase({ databaseUrl: null, dataDir, command: "second" });
    await second.close();
  });
});
