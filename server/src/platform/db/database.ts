// One Database type over both engines: PGlite (embedded default, one process per data
// directory) and PostgreSQL through node-postgres when DATABASE_URL is set. Drizzle
// gives both the same query builder, so repositories never know which one they run on.
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { fileURLToPath } from "node:url";
import { lockDataDir } from "./data-dir-lock";

export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Where the data lives, for messages (a directory or the URL without its password). */
  location: string;
  /** The postgres:// URL (PostgreSQL only), for work that needs its own connection. */
  url?: string;
  close(): Promise<void>;
}

/** Which engine a Db (not a transaction) was opened on, for the few places that size work by it. */
const engines = new WeakMap<Db, Database["kind"]>();

export function engineOf(db: Db): Database["kind"] | undefined {
  return engines.get(db);
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));

export interface OpenOptions {
  /** A postgres:// URL, or null for PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; null keeps the database in memory (tests). */
  dataDir: string | null;
  /** Names the holder in the data-directory lock ("qindesk start"). */
  command: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.command);
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // Every connection speaks UTC so timestamps come back the same on both engines. JIT
  // is off: compiling a report's query took ~0.4 s of a 0.9 s run (bench/report.ts), and
  // chat queries are far too short to win anything back from it.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: "-c TimeZone=UTC -c jit=off" });
  // An idle connection the server ends (a restart, a terminated backend, a dropped test
  // database) is reported here; without a listener Node would crash the whole app. The
  // pool opens a fresh connection for the next query.
  pool.on("error", () => undefined);
  const db = drizzle(pool) as unknown as Db;
  engines.set(db, "postgres");
  return {
    kind: "postgres",
    db,
    url,
    location: url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null, command: string): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir, command) : () => undefined;
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzle(client) as unknown as Db;
    engines.set(db, "pglite");
    return {
      kind: "pglite",
      db,
      location: dataDir ?? "memory",
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Rows of a raw SQL query; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
