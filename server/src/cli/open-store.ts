// The database the commands work on: the same data directory or DATABASE_URL as the
// server, schema created or brought up to date first. While a server holds an embedded
// data directory, the command says so and stops.
import { loadConfig, type Config } from "../platform/config";
import { DataDirInUseError } from "../platform/db/data-dir-lock";
import { openDatabase, type Database } from "../platform/db/database";
import { migrateDatabase } from "../platform/db/migrate";
import { CliError } from "./cli-error";

export async function openStore(command: string, config: Config = loadConfig()): Promise<Database> {
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: `qindesk ${command}` });
  } catch (err) {
    if (err instanceof DataDirInUseError) throw new CliError(err.message);
    throw new CliError(`cannot open the database: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw new CliError(`cannot bring the schema up to date: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
  }
  return database;
}
