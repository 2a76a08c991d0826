// `qindesk export [--workspace W] [--out FILE]`: the workspace as an interchange file
// (CONTRACTS §3), on stdout unless --out names a file. With --out the file appears
// only when complete: it is written beside it and renamed at the end.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { writeInterchange } from "../../modules/interchange";
import { exportInterchange } from "../../modules/interchange/export-service";
import { queryRows, type Db } from "../../platform/db/database";
import { parseCommandArgs } from "../args";
import { CliError } from "../cli-error";
import type { Command } from "../main";
import { openStore } from "../open-store";

async function pickWorkspace(db: Db, wanted: string | undefined): Promise<string> {
  const rows = wanted === undefined
    ? await queryRows<{ id: string }>(db, sql`select id from workspaces order by created_at, id limit 1`)
    : await queryRows<{ id: string }>(db, sql`select id from workspaces where id = ${wanted}`);
  if (rows[0]) return rows[0].id;
  throw new CliError(wanted === undefined ? "the database has no workspace yet (nothing to export)" : `no workspace "${wanted}"`);
}

export const command: Command = {
  summary: "write a workspace's data as an interchange file (JSON Lines)",
  usage: "export [--workspace W] [--out FILE]",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { workspace: { type: "string" }, out: { type: "string" } }, false);
    const database = await openStore("export");
    try {
      const workspaceId = await pickWorkspace(database.db, values.workspace);
      const records = exportInterchange(database.db, workspaceId);
      if (values.out === undefined) {
        await writeInterchange(records, process.stdout);
        return 0;
      }
      const partial = `${values.out}.partial`;
      const output = createWriteStream(partial);
      try {
        const count = await writeInterchange(records, output);
        output.end();
        await finished(output);
        await rename(partial, values.out);
        console.error(`wrote ${count} records to ${values.out}`);
      } catch (err) {
        output.destroy();
        await rm(partial, { force: true });
        const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
        throw new CliError(`cannot write ${values.out}: ${message}`);
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};
