// A real database for a test file: PostgreSQL when DATABASE_URL is set (a fresh
// database per call, dropped afterwards), otherwise an in-memory PGlite. Both get the
// real migrations.
import pg from "pg";
import type { Database } from "../src/platform/db/database";
import { openDatabase } from "../src/platform/db/database";
import { newId } from "../src/platform/db/ids";
import { migrateDatabase } from "../src/platform/db/migrate";

export interface TestDatabase extends Database {
  /** Drops the per-test PostgreSQL database too. */
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ databaseUrl: null, dataDir: null, command: "test" });
    await migrateDatabase(database);
    return database;
  }
  const name = newId("qdtest").toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = "/" + name;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, command: "test" });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
