// `qindesk import` and POST /api/v1/import: an interchange file into one workspace,
// all or nothing. Pass 1 validates every line and collects ids; then, in ONE
// transaction, ids are resolved and pass 2 streams the file again writing batched
// upserts. A bad line, an unknown reference or a database refusal rolls everything back.
import { sql } from "drizzle-orm";
import { engineOf, queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { emptyCounts, planImport, type Counts, type ImportSource, type Progress } from "./import-plan";
import { resolveIds } from "./import-resolve";
import { batchSize, ImportWriter } from "./import-write";
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

/**
 * Import an interchange file. `source` is called once per pass and must give the
 * same content each time (a path, or a fresh stream over the same bytes).
 */
export async function importInterchange(db: Db, source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  const { progress } = options;
  const batch = batchSize(engineOf(db));
  const plan = await planImport(source, progress);
  progress?.("checking", plan.records, plan.records);
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const workspaceId = await targetWorkspace(txDb, options.workspaceId);
    const ids = await resolveIds(txDb, workspaceId, plan);
    const writer = new ImportWriter(txDb, workspaceId, ids, batch);
    await writer.writeEarly(plan.early.values());
    let done = 0;
    for await (const { record } of readInterchange(source())) {
      await writer.add(record);
      done += 1;
      if (progress && done % 5_000 === 0) progress("writing", done, plan.records);
    }
    await writer.finish();
    progress?.("writing", done, plan.records);
    if (done !== plan.records) throw new Error("the file changed while it was being imported; nothing was written");
    return { workspaceId, records: plan.counts, created: writer.counts.created, updated: writer.counts.updated };
  });
}

export { emptyCounts };
