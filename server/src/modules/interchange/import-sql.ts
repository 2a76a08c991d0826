// Multi-row upserts for the importer. One statement per batch keeps the round trips
// (and PGlite's per-statement cost) low; `is distinct from` on the update turns a
// re-import of unchanged rows into no write at all, and what comes back tells
// created rows from updated ones (xmax = 0 only on a freshly inserted row).
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";

export type Cast = "text" | "integer" | "bigint" | "timestamptz" | "jsonb";
export type Value = string | number | null;

export interface UpsertSpec {
  table: string;
  /** Column name → cast; the first column is the primary key `id`. */
  columns: readonly (readonly [string, Cast])[];
  /** Conflict target columns, e.g. ["workspace_id", "external_id"]. */
  conflict: readonly string[];
  /** Predicate of a partial unique index, e.g. "external_id is not null". */
  conflictWhere?: string;
  /** Columns left alone on update (id, workspace_id and what the app owns). */
  keep: readonly string[];
}

export interface UpsertOutcome {
  created: number;
  updated: number;
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * Column `i` of the rows as a PostgreSQL array literal ({"a","b\"c",NULL,12}), sent as one
 * text parameter. The drivers would build the same text, escaping every element with two
 * regular expressions; most of an import's values need none, and that escaping was ~7 % of
 * the importer's own time. Every string is quoted, so "NULL" and "" stay strings.
 */
export function arrayLiteral(rows: readonly Value[][], i: number): string {
  let out = "{";
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r]![i];
    if (r > 0) out += ",";
    if (value === null || value === undefined) out += "NULL";
    else if (typeof value === "number") out += String(value);
    else out += `"${NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, "\\$&") : value}"`;
  }
  return `${out}}`;
}

/**
 * Insert rows (arrays in `columns` order), updating those whose conflict key exists
 * and differs. The rows go as one array parameter per column through unnest(): the
 * statement text stays a few lines long whatever the batch size (building thousands
 * of placeholders costs more than the insert itself).
 */
export async function upsertRows(db: Db, spec: UpsertSpec, rows: readonly Value[][]): Promise<UpsertOutcome> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const names = spec.columns.map(([name]) => name);
  const updated = names.filter((name) => !spec.keep.includes(name) && !spec.conflict.includes(name));
  const arrays = spec.columns.map(([, cast], i) => sql`${sql.param(arrayLiteral(rows, i))}::${sql.raw(cast)}[]`);
  const quoted = (list: readonly string[], prefix = "") => sql.raw(list.map((name) => `${prefix}"${name}"`).join(", "));
  const assignments = sql.raw(updated.map((name) => `"${name}" = excluded."${name}"`).join(", "));
  const where = spec.conflictWhere ? sql.raw(` where ${spec.conflictWhere}`) : sql``;
  // Counted in the statement: one row back instead of one per row written.
  const query = sql`with written as (insert into ${sql.raw(`"${spec.table}"`)} (${quoted(names)})
    select * from unnest(${sql.join(arrays, sql`, `)})
    on conflict (${quoted(spec.conflict)})${where} do update set ${assignments}
    where (${quoted(updated, `"${spec.table}".`)}) is distinct from (${quoted(updated, "excluded.")})
    returning (xmax = 0) as created)
    select (count(*) filter (where created))::int as created, count(*)::int as written from written`;
  const [result] = await queryRows<{ created: number; written: number }>(db, query);
  return { created: result!.created, updated: result!.written - result!.created };
}

/** Split a list into chunks (for `= any(...)` lookups that stay under parameter limits). */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** `column = any(array)` with the array as one parameter, on both engines. */
export function anyOf(column: string, values: readonly string[]): SQL {
  return sql`${sql.raw(column)} = any(${sql.param(values)}::text[])`;
}
