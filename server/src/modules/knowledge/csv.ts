// CSV as shop owners edit it in Excel or WPS, for any fixed list of columns: RFC 4180
// quoting, CRLF lines, UTF-8 with a BOM (Excel needs it to read Chinese; a BOM on import
// is tolerated). Exported cells that a spreadsheet would run as a formula (= + - @, and
// the tab/CR variants OWASP lists) get a leading apostrophe; import takes it off again so
// a file round-trips unchanged.
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = "\uFEFF";

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

function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? "'" + cell : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function formatCsvTable<C extends string>(columns: readonly C[], records: readonly Record<C, string>[]): string {
  const lines = [columns.join(",")];
  for (const record of records) lines.push(columns.map((c) => quote(neutralise(record[c]))).join(","));
  return BOM + lines.join("\r\n") + "\r\n";
}

interface RawRecord {
  line: number;
  cells: string[];
}

/** Splits CSV text into records (RFC 4180), each with the line it starts on. */
function splitRecords(text: string, columnName: (index: number) => string): RawRecord[] {
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedFrom = 0;
  let cellStarted = false;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    cellStarted = false;
  };
  const endRecord = () => {
    endCell();
    // A blank line (or the file's trailing newline) is not a record.
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && !cellStarted && cell === "") {
      quotedFrom = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(quotedFrom, columnName(cells.length), "a quoted cell is never closed");
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n") line++;
        cell += q;
        i++;
      }
      cellStarted = true;
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        throw new CsvError(line, columnName(cells.length), "text after a closing quote (write a quote inside a quoted cell as \"\")");
      }
      continue;
    }
    if (ch === ",") {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      if (ch === '"') throw new CsvError(line, columnName(cells.length), "a quote inside an unquoted cell (quote the whole cell)");
      cell += ch;
      cellStarted = true;
      i++;
    }
  }
  if (cellStarted || cells.length > 0) endRecord();
  return records;
}

/**
 * Parses CSV whose first line must be exactly `columns` (in that order, so a cell's
 * position names its column in error messages); throws CsvError naming line and column.
 */
export function parseCsvTable<C extends string>(columns: readonly C[], raw: string): { line: number; record: Record<C, string> }[] {
  const columnName = (index: number) => columns[index] ?? `#${index + 1}`;
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  const [header, ...rows] = splitRecords(text, columnName);
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
    columns.forEach((column, index) => {
      const cell = cells[index]!;
      // Undo the export's formula guard.
      record[column] = cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
    });
    return { line, record };
  });
}
