// Between the passes, inside the import's transaction: every id the file defines or
// refers to gets its QinDesk id. Rows already imported are found by external id;
// a reference may also use QinDesk's own id (a file exported from rows made in the
// app); anything else referred to but found nowhere stops the import with the line
// that named it. Ids that are new get fresh QinDesk ids here, so pass 2 can write
// children before or after their parents in any order the file has them.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { fieldError } from "./errors";
import { anyOf, chunks } from "./import-sql";
import { REF_TYPES, undefinedRefs, unknownRefError, type ImportPlan, type PendingRef, type RefType } from "./import-plan";

export type IdMaps = Record<RefType, Map<string, string>> & {
  /** QinDesk ids made by this import (rows that did not exist): nothing can hang off them yet. */
  created: Set<string>;
};

export const REF_TABLES: Record<RefType, { table: string; prefix: string }> = {
  shop: { table: "shops", prefix: "shop" },
  agent: { table: "agents", prefix: "agent" },
  customer: { table: "customers", prefix: "cus" },
  product: { table: "products", prefix: "prod" },
  sku: { table: "skus", prefix: "sku" },
  conversation: { table: "conversations", prefix: "conv" },
  order: { table: "orders", prefix: "ord" },
};

const LOOKUP_CHUNK = 5_000;

async function byExternalId(db: Db, table: string, workspaceId: string, ids: string[], into: Map<string, string>): Promise<void> {
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const rows = await queryRows<{ id: string; external_id: string }>(
      db,
      sql`select id, external_id from ${sql.raw(table)} where workspace_id = ${workspaceId} and ${anyOf("external_id", part)}`,
    );
    for (const row of rows) into.set(row.external_id, row.id);
  }
}

/** Rows of the workspace whose QinDesk id is one of `ids` (optionally only those without an external id). */
async function byOwnId(db: Db, table: string, workspaceId: string, ids: string[], withoutExternal: boolean): Promise<Set<string>> {
  const found = new Set<string>();
  const extra = withoutExternal ? sql` and external_id is null` : sql``;
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from ${sql.raw(table)} where workspace_id = ${workspaceId} and ${anyOf("id", part)}${extra}`,
    );
    for (const row of rows) found.add(row.id);
  }
  return found;
}

async function resolveType(db: Db, workspaceId: string, plan: ImportPlan, type: RefType, created: Set<string>): Promise<Map<string, string>> {
  const { table, prefix } = REF_TABLES[type];
  const map = new Map<string, string>();
  const refs = undefinedRefs(plan, type);
  await byExternalId(db, table, workspaceId, [...plan.defined[type], ...refs.keys()], map);

  // References the file never defines: an external id, or else QinDesk's own id.
  const unmatched = [...refs.keys()].filter((id) => !map.has(id));
  if (unmatched.length > 0) {
    const own = await byOwnId(db, table, workspaceId, unmatched, false);
    let first: [string, PendingRef] | null = null;
    for (const id of unmatched) {
      if (own.has(id)) map.set(id, id);
      else if (!first || refs.get(id)!.line < first[1].line) first = [id, refs.get(id)!];
    }
    if (first) throw unknownRefError(type, first[0], first[1]);
  }

  // Records new by external id. One whose id is the QinDesk id of a row made in the
  // app (an export of that row) takes that row over instead of copying it.
  const fresh = [...plan.defined[type]].filter((id) => !map.has(id));
  const adopt = fresh.length > 0 ? await byOwnId(db, table, workspaceId, fresh, true) : new Set<string>();
  for (const part of chunks([...adopt], LOOKUP_CHUNK)) {
    await db.execute(sql`update ${sql.raw(table)} set external_id = id where workspace_id = ${workspaceId} and ${anyOf("id", part)}`);
  }
  for (const id of fresh) {
    const own = adopt.has(id) ? id : newId(prefix);
    map.set(id, own);
    if (own !== id) created.add(own);
  }
  return map;
}

/** Agent emails are unique across QinDesk (they sign in with them): refuse one held by another agent. */
async function checkAgentEmails(db: Db, plan: ImportPlan, agents: Map<string, string>): Promise<void> {
  const emails = [...plan.agentEmails.keys()];
  for (const part of chunks(emails, LOOKUP_CHUNK)) {
    const rows = await queryRows<{ id: string; email: string }>(db, sql`select id, email from agents where ${anyOf("email", part)}`);
    for (const row of rows) {
      const owner = plan.agentEmails.get(row.email)!;
      if (agents.get(owner.agent) !== row.id) {
        throw fieldError(owner.line, "agent.email", `${row.email} is already the email of another agent in QinDesk`);
      }
    }
  }
}

export async function resolveIds(db: Db, workspaceId: string, plan: ImportPlan): Promise<IdMaps> {
  const maps = { created: new Set<string>() } as IdMaps;
  for (const type of REF_TYPES) maps[type] = await resolveType(db, workspaceId, plan, type, maps.created);
  await checkAgentEmails(db, plan, maps.agent);
  return maps;
}
