// CSV for quick replies (scope,category,shortcut,text), with the shared rules of csv.ts:
// RFC 4180, BOM for Excel, the formula guard on export taken off again on import.
import { formatCsvTable, parseCsvTable } from "./csv";

export { CsvError } from "./csv";

export const CSV_COLUMNS = ["scope", "category", "shortcut", "text"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string>;

export function formatCsv(records: CsvRecord[]): string {
  return formatCsvTable(CSV_COLUMNS, records);
}

/** Parses a quick-reply CSV into records keyed by column; throws CsvError naming line and column. */
export function parseCsv(raw: string): { line: number; record: CsvRecord }[] {
  return parseCsvTable(CSV_COLUMNS, raw);
}
