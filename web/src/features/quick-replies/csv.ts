// Quick-reply CSV (docs/api.md: scope,category,shortcut,text). The server does the import;
// this reads the file first so the agent sees how many rows it holds, and catches a
// wrong file (no header, wrong columns) before anything is sent.

export const CSV_HEADER = ["scope", "category", "shortcut", "text"] as const;

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. A BOM is ignored. */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (a trailing newline, spacing) are not rows.
  return rows.filter((r) => r.some((cell) => cell.trim() !== ""));
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export type CsvCheck = { ok: true; rows: number } | { ok: false; problem: "empty" | "header"; line?: number };

/** Whether the file looks like a quick-reply CSV, and how many replies it holds. */
export function checkQuickReplyCsv(input: string): CsvCheck {
  const rows = parseCsv(input);
  if (rows.length === 0) return { ok: false, problem: "empty" };
  const header = rows[0]!.map((cell) => cell.trim().toLowerCase());
  if (CSV_HEADER.some((name, i) => header[i] !== name)) return { ok: false, problem: "header", line: 1 };
  return rows.length > 1 ? { ok: true, rows: rows.length - 1 } : { ok: false, problem: "empty" };
}
