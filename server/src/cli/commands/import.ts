// `qindesk import FILE [--workspace W]` (CONTRACTS §1, §3): an interchange file into
// the database, all or nothing, idempotent. Counts per type at the end; a progress
// bar on stderr only when stderr is a terminal (never in logs or pipes).
import { stat } from "node:fs/promises";
import { DrizzleQueryError } from "drizzle-orm";
import { InterchangeError } from "../../modules/interchange";
import { importInterchange, ImportTargetError, type ImportResult } from "../../modules/interchange/import-service";
import type { Progress } from "../../modules/interchange/import-checks";
import { RECORD_TYPES } from "../../modules/interchange/records";
import { parseCommandArgs } from "../args";
import { CliError } from "../cli-error";
import type { Command } from "../main";
import { openStore } from "../open-store";

async function checkReadable(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`cannot read ${path}: is a directory`);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${path}: ${code === "ENOENT" ? "no such file" : (code ?? String(err))}`);
  }
}

/** A one-line bar redrawn in place, at most ten times a second: the share of the file read, and records so far. */
export function terminalProgress(stream: NodeJS.WriteStream): { progress: Progress; done(): void } {
  let last = 0;
  let drawn = false;
  const progress: Progress = (records, share) => {
    const now = Date.now();
    if (now - last < 100 && share !== 1) return;
    last = now;
    drawn = true;
    const width = 30;
    const bar = share === null ? "" : `[${"#".repeat(Math.round(share * width)).padEnd(width, ".")}] ${String(Math.floor(share * 100)).padStart(3)}% `;
    stream.write(`\rimporting ${bar}${records.toLocaleString("en")} records\x1b[K`);
  };
  return { progress, done: () => drawn && stream.write("\r\x1b[K") };
}

export function formatCounts(result: ImportResult): string {
  const lines = [`${"type".padEnd(14)}${"records".padStart(10)}${"new".padStart(10)}${"changed".padStart(10)}${"unchanged".padStart(11)}`];
  let total = 0;
  for (const type of RECORD_TYPES) {
    const records = result.records[type];
    total += records;
    if (records === 0) continue;
    const created = result.created[type];
    const updated = result.updated[type];
    const unchanged = Math.max(0, records - created - updated);
    lines.push(`${type.padEnd(14)}${String(records).padStart(10)}${String(created).padStart(10)}${String(updated).padStart(10)}${String(unchanged).padStart(11)}`);
  }
  lines.push(`${"total".padEnd(14)}${String(total).padStart(10)}`);
  return lines.join("\n");
}

/**
 * What went wrong, in one line. A query the database refused arrives wrapped with the
 * whole statement as its message; its cause says why ("value too long…", a trigger's text).
 */
function failureText(err: unknown): string {
  if (err instanceof DrizzleQueryError && err.cause) return `the database refused the data: ${err.cause.message.split("\n")[0]}`;
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

export const command: Command = {
  summary: "load an interchange file (JSON Lines); all or nothing, idempotent",
  usage: "import FILE [--workspace W]",
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { workspace: { type: "string" } });
    if (positionals.length !== 1) throw new CliError("expected one FILE (usage: qindesk import FILE [--workspace W])", 2);
    const path = positionals[0]!;
    await checkReadable(path);
    const database = await openStore("import");
    const bar = process.stderr.isTTY ? terminalProgress(process.stderr) : null;
    try {
      const result = await importInterchange(database.db, path, { workspaceId: values.workspace, progress: bar?.progress });
      bar?.done();
      console.log(`imported ${path} into workspace ${result.workspaceId} (${database.kind}: ${database.location})`);
      console.log(formatCounts(result));
      return 0;
    } catch (err) {
      bar?.done();
      if (err instanceof InterchangeError) throw new CliError(`${path}: ${err.message}; nothing was imported`);
      if (err instanceof ImportTargetError) throw new CliError(err.message);
      throw new CliError(`${path}: ${failureText(err)}; nothing was imported`);
    } finally {
      await database.close();
    }
  },
};
