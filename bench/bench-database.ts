// The database a bench runs on: PGlite (in memory, or in a temporary data directory as
// `qindesk import` uses one), or a fresh PostgreSQL database under DATABASE_URL, made for
// the run and dropped after it. Migrated either way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../server/src/platform/db/database";
import { newId } from "../server/src/platform/db/ids";
import { migrateDatabase } from "../server/src/platform/db/migrate";

export interface BenchDatabase {
  database: Database;
  drop(): Promise<void>;
}

export async function openBenchDatabase(options: { pgliteDataDir?: boolean } = {}): Promise<BenchDatabase> {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    const dir = options.pgliteDataDir ? mkdtempSync(join(tmpdir(), "qdbench-")) : null;
    const database = await openDatabase({ databaseUrl: null, dataDir: dir, command: "bench" });
    await migrateDatabase(database);
    return {
      database,
      drop: async () => {
        await database.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = newId("qdbench").toLowerCase();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, command: "bench" });
  await migrateDatabase(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
