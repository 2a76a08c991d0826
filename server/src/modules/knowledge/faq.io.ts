// FAQ files: CSV for Excel/WPS (the formula guard of csv.ts; several questions or scope
// values in one cell, one per line) and JSON. Every row is checked before anything is
// written; the first problem names its row (and line, for CSV) and its field. A row
// updates the entry its id names in this shop, else the entry with the same first
// question and answer (several answers to one question are several entries, as seed
// 000's three price replies), else it is new: exporting and importing back changes
// nothing, and a file imported twice, into any shop, adds nothing the second time.
import { z } from "zod";
import { CsvError, formatCsvTable, parseCsvTable } from "./csv";
import type { FaqRow } from "./faq.repo";
import { answerShape, categoryShape, intentShape, questionsShape, scopeShape, stageShape, statusShape, type FaqContent } from "./faq.shapes";
import type { FaqStatus } from "./faq.schema";

export const FAQ_CSV_COLUMNS = ["id", "status", "category", "intent", "stage", "scope", "scope_values", "questions", "answer", "usage_count"] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportedEntry extends FaqContent {
  id: string | null;
  status: FaqStatus;
}

/** A bad file: which row (1 = the first entry), which field, and for CSV which line. */
export class FaqImportError extends Error {
  constructor(
    readonly row: number,
    readonly field: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${line !== undefined ? `line ${line}, ` : ""}row ${row}, field ${field}: ${detail}`);
  }
}

const rowShape = z.strictObject({
  id: z.string().trim().max(100).nullable().default(null),
  status: statusShape.default("approved"),
  questions: questionsShape,
  answer: answerShape,
  category: categoryShape.default(""),
  intent: intentShape,
  stage: stageShape.default(null),
  scope: scopeShape.default({ type: "shop", values: [] }),
  // Written by the export for the reader; the counts themselves are never imported.
  usageCount: z.number().optional(),
  lastUsedAt: z.string().nullable().optional(),
});

function checked(input: unknown, row: number, fieldOf: (path: string) => string, line?: number): ImportedEntry {
  const parsed = rowShape.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const path = [...issue.path.map(String), ...keys.slice(0, 1)].join(".");
    throw new FaqImportError(row, fieldOf(path || "row"), issue.code === "unrecognized_keys" ? "unknown field" : issue.message, line);
  }
  const { usageCount: _usage, lastUsedAt: _last, ...entry } = parsed.data;
  return { ...entry, id: entry.id || null };
}

const lines = (cell: string) =>
  cell
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

// A CSV cell's problem is named by its column.
const csvField = (path: string) => (path.startsWith("scope.values") ? "scope_values" : path.split(".")[0]!);

export interface ReadFile {
  rows: ImportedEntry[];
  /** The line each row starts on (CSV; empty for JSON). */
  lines: number[];
}

export function readFaqCsv(text: string): ReadFile {
  let records;
  try {
    records = parseCsvTable(FAQ_CSV_COLUMNS, text);
  } catch (err) {
    if (err instanceof CsvError) throw new FaqImportError(err.record ?? 0, err.column, err.message.replace(/^line \d+, column [^:]+: /, ""), err.line);
    throw err;
  }
  if (records.length > MAX_IMPORT_ROWS) throw new FaqImportError(MAX_IMPORT_ROWS + 1, "id", `at most ${MAX_IMPORT_ROWS} entries per file`, records[MAX_IMPORT_ROWS]!.line);
  const rows = records.map(({ line, record }, index) => {
    const input = {
      id: record.id.trim() || null,
      status: record.status.trim() || undefined,
      category: record.category.trim(),
      intent: record.intent.trim(),
      stage: record.stage.trim() || null,
      scope: { type: record.scope.trim() || "shop", values: lines(record.scope_values) },
      questions: lines(record.questions),
      answer: record.answer,
    };
    return checked(input, index + 1, csvField, line);
  });
  return { rows, lines: records.map((r) => r.line) };
}

export function readFaqJson(text: string): ReadFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FaqImportError(0, "file", `not JSON (${(err as Error).message})`);
  }
  const entries = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) throw new FaqImportError(0, "entries", 'expected {"entries": [...]} or an array of entries');
  if (entries.length > MAX_IMPORT_ROWS) throw new FaqImportError(MAX_IMPORT_ROWS + 1, "entries", `at most ${MAX_IMPORT_ROWS} entries per file`);
  return { rows: entries.map((entry, index) => checked(entry, index + 1, (path) => path)), lines: [] };
}

/** Ids, and first question with answer, each appear once in a file. */
export function checkDuplicates(rows: readonly ImportedEntry[], lineOf: (row: number) => number | undefined): void {
  const ids = new Map<string, number>();
  const questions = new Map<string, number>();
  rows.forEach((row, index) => {
    const n = index + 1;
    if (row.id) {
      const first = ids.get(row.id);
      if (first !== undefined) throw new FaqImportError(n, "id", `id ${row.id} is already row ${first}`, lineOf(n));
      ids.set(row.id, n);
    }
    const key = entryKey(row);
    const first = questions.get(key);
    if (first !== undefined) throw new FaqImportError(n, "questions", `the question "${row.questions[0]}" with this answer is already row ${first}`, lineOf(n));
    questions.set(key, n);
  });
}

const loose = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
/** When a row without a known id is an entry the shop has: the same first question and answer, case, width and spacing aside. */
export const entryKey = (entry: { questions: readonly string[]; answer: string }) => `${loose(entry.questions[0] ?? "")}\n${loose(entry.answer)}`;

export function exportRecord(row: FaqRow) {
  return {
    id: row.id,
    status: row.status,
    questions: row.questions,
    answer: row.answer,
    category: row.category,
    intent: row.intent,
    stage: row.stage,
    scope: { type: row.scopeType, values: row.scopeValues },
    usageCount: row.usageCount,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function formatFaqCsv(rows: readonly FaqRow[]): string {
  return formatCsvTable(
    FAQ_CSV_COLUMNS,
    rows.map((row) => ({
      id: row.id,
      status: row.status,
      category: row.category,
      intent: row.intent,
      stage: row.stage ?? "",
      scope: row.scopeType,
      scope_values: row.scopeValues.join("\n"),
      questions: row.questions.join("\n"),
      answer: row.answer,
      usage_count: String(row.usageCount),
    })),
  );
}

export function formatFaqJson(shop: { id: string; name: string }, rows: readonly FaqRow[]): string {
  return JSON.stringify({ format: "qindesk-faq", version: 1, shop, entries: rows.map(exportRecord) }, null, 2) + "\n";
}

/** Whether an import row would change the entry it matches. */
export function differs(row: ImportedEntry, existing: FaqRow): boolean {
  return (
    row.status !== existing.status ||
    row.answer !== existing.answer ||
    row.category !== existing.category ||
    row.intent !== existing.intent ||
    row.stage !== existing.stage ||
    row.scope.type !== existing.scopeType ||
    JSON.stringify(row.scope.values) !== JSON.stringify(existing.scopeValues) ||
    JSON.stringify(row.questions) !== JSON.stringify(existing.questions)
  );
}
