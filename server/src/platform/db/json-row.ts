// A table row that came back as JSON (row_to_json in a CTE that writes two tables in one
// statement) turned into the row Drizzle would have returned: database column names to
// property names, timestamps to Dates. Other values arrive as JSON already in their shape
// (numbers, strings, booleans, jsonb objects, null).
import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

export function fromJsonRow<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value !== null && value !== undefined && column.columnType === "PgTimestamp" ? new Date(value as string) : (value ?? null);
  }
  return row as InferSelectModel<T>;
}
