// CSV of a fixed list of columns (quick replies, FAQ entries) on the shared reader and
// writer (platform/csv.ts: RFC 4180, BOM, formula cells neutralised and restored). The
// first line must name the columns in order, so a cell's position names its column in
// error messages, which say the text line an owner sees in an editor.
import { CsvSyntaxError, formatCsv, readCsv, restoreCell } from "../../platform/csv";

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    message: string,
    /** Which data record (1 = the first after the header), when the problem is in one. */
    readonly record?: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const SYNTAX: Record<CsvSyntaxError["code"], string> = {
  unclosed_quote: "a quoted cell is never closed",
  text_after_quote: 'text after a closing quote (write a quote inside a quoted cell as "")',
  stray_quote: "a quote inside an unquoted cell (quote the whole cell)",
};

export function formatCsvTable<C extends string>(columns: readonly C[], records: readonly Record<C, string>[]): string {
  return formatCsv(columns, records.map((record) => columns.map((c) => record[c])));
}

/** Parses CSV whose first line must be exactly `columns`; throws CsvError naming line and column. */
export function parseCsvTable<C extends string>(columns: readonly C[], raw: string): { line: number; record: Record<C, string> }[] {
  const columnName = (index: number) => columns[index] ?? `#${index + 1}`;
  let records;
  try {
    records = readCsv(raw);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new CsvError(err.line, columnName(err.cell), SYNTAX[err.code]);
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvError(1, columns[0]!, `the file is empty; the first line must be ${columns.join(",")}`);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  columns.forEach((column, index) => {
    if (names[index] !== column) throw new CsvError(header.line, column, `the first line must be ${columns.join(",")}`);
  });
  if (names.length > columns.length) throw new CsvError(header.line, columnName(columns.length), `unknown column; the first line must be ${columns.join(",")}`);
  return rows.map(({ line, cells }, index) => {
    if (cells.length !== columns.length) {
      throw new CsvError(line, columnName(Math.min(cells.length, columns.length)), `expected ${columns.length} cells, found ${cells.length}`, index + 1);
    }
    const record = {} as Record<C, string>;
    columns.forEach((column, i) => (record[column] = restoreCell(cells[i]!)));
    return { line, record };
  });
}
