// Migrations are drizzle-kit's SQL files in server/migrations, applied from code at
// start and by `qindesk migrate`. On PostgreSQL several app nodes may start at once,
// so the run holds an advisory lock.
import type { Database } from "./database";
import { MIGRATIONS_DIR } from "./database";

const MIGRATION_LOCK = 7_245_001;

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  // A connection of its own: a session-level advisory lock belongs to one connection.
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.end();
  }
}
