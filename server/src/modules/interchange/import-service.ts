// `qindesk import` and POST /api/v1/import: an interchange file into one workspace,
// all or nothing. ONE transaction reads the file once: each line is checked, its ids
// resolved, and full batches are written as upserts while the next lines are read.
// A bad line, a reference to nothing or a database refusal rolls everything back, so
// nothing is written; the file is never held in memory.
import { stat } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { engineOf, queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { emptyCounts, FileChecks, type Counts, type ImportSource, type Progress } from "./import-checks";
import { IdResolver } from "./import-resolve";
import { batchSize } from "./import-tables";
import { ImportWriter } from "./import-write";
import { readInterchange } from "./reader";

export interface ImportResult {
  workspaceId: string;
  /** Records per type in the file. */
  records: Counts;
  /** Rows that did not exist before, and existing rows that changed, per type. */
  created: Counts;
  updated: Counts;
}

export class ImportTargetError extends Error {
  override name = "ImportTargetError";
}

export interface ImportOptions {
  /** The workspace to import into; default: the first one, created when there is none. */
  workspaceId?: string;
  progress?: Progress;
}

async function targetWorkspace(db: Db, wanted: string | undefined): Promise<string> {
  if (wanted !== undefined) {
    const rows = await queryRows<{ id: string }>(db, sql`select id from workspaces where id = ${wanted}`);
    if (rows.length === 0) throw new ImportTargetError(`no workspace "${wanted}"`);
    return wanted;
  }
  const [first] = await queryRows<{ id: string }>(db, sql`select id from workspaces order by created_at, id limit 1`);
  if (first) return first.id;
  const id = newId("ws");
  await db.execute(sql`insert into workspaces (id, name) values (${id}, ${"Imported"})`);
  return id;
}

/** Import an interchange file: read once, written as it is read, committed only when all of it is good. */
export async function importInterchange(db: Db, input: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  const { progress } = options;
  const batch = batchSize(engineOf(db));
  const size = typeof input === "string" ? await fileSize(input) : null;
  const read = { bytes: 0 };
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const workspaceId = await targetWorkspace(txDb, options.workspaceId);
    const writer = new ImportWriter(txDb, workspaceId, new IdResolver(txDb, workspaceId), batch);
    const checks = new FileChecks();
    const records = emptyCounts();
    let done = 0;
    for await (const { line, record } of readInterchange(input, read)) {
      checks.check(line, record);
      records[record.type] += 1;
      await writer.add(line, record);
      done += 1;
      if (progress && done % 5_000 === 0) progress(done, size ? Math.min(1, read.bytes / size) : null);
    }
    await writer.finish();
    progress?.(done, size ? 1 : null);
    return { workspaceId, records, created: writer.counts.created, updated: writer.counts.updated };
  });
}

/** The size of the file to import, for the progress bar (null when it cannot be told; reading reports why). */
async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

