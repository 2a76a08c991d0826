// CSV as shop owners edit it in Excel or WPS: RFC 4180 quoting, CRLF lines, UTF-8 with a
// BOM (Excel needs it to read Chinese; a BOM on input is tolerated). Cells a spreadsheet
// would run as a formula (= + - @, and the tab/CR variants OWASP lists) are written with
// a leading apostrophe, which reading takes off again so a file round-trips unchanged.
// Knows no module; a module maps its own columns onto the cells.
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = "\uFEFF";

export class CsvSyntaxError extends Error {
  constructor(
    /** Record number in the file, 1 = the header (a spreadsheet's row number). */
    readonly row: number,
    /** 0-based position of the cell in its record. */
    readonly cell: number,
    readonly code: "unclosed_quote" | "text_after_quote" | "stray_quote",
    /** The text line (1-based) the problem is on: where an unclosed quote opened. */
    readonly line: number = row,
  ) {
    super(`row ${row}, cell ${cell + 1}: ${code.replaceAll("_", " ")}`);
  }
}

export interface CsvRecord {
  /** 1 = the header. A quoted cell may hold line breaks, so this is not the text line. */
  row: number;
  /** The text line the record starts on (what a text editor shows). */
  line: number;
  cells: string[];
}

export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? "'" + cell : cell;
}

/** Undoes the export's formula guard. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A whole file: header and rows, every cell neutralised and quoted as needed. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map((c) => quote(neutraliseCell(c))).join(","));
  return BOM + lines.join("\r\n") + "\r\n";
}

/** Splits CSV text into records (blank lines skipped). Cells come back as written, apostrophes and all. */
export function readCsv(raw: string): CsvRecord[] {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let started = false;
  let i = 0;
  let line = 1;
  let recordLine = 1;
  const row = () => records.length + 1;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    started = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === "")) records.push({ row: row(), line: recordLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && !started) {
      const quotedFrom = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(row(), cells.length, "unclosed_quote", quotedFrom);
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
      started = true;
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") throw new CsvSyntaxError(row(), cells.length, "text_after_quote", line);
    } else if (ch === ",") {
      endCell();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      if (ch === '"') throw new CsvSyntaxError(row(), cells.length, "stray_quote", line);
      cell += ch;
      started = true;
      i++;
    }
  }
  if (started || cells.length > 0) endRecord();
  return records;
}

/**
 * The text of an uploaded file: UTF-8 when it is valid UTF-8, else GB18030 (a superset of
 * GBK, what Excel and WPS on a Chinese Windows write for plain "CSV"); null when neither.
 */
export function decodeText(body: Buffer): { text: string; encoding: "utf-8" | "gb18030" } | null {
  for (const encoding of ["utf-8", "gb18030"] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
    } catch {
      // try the next one
    }
  }
  return null;
}
