// One bad line stops an import, and the person fixing the file needs exactly
// one line of text that says where and what: "line 12: order.paidAt: "2026-13-01"
// is not an ISO 8601 time with an offset".
import type { z } from "zod";

export class InterchangeError extends Error {
  constructor(
    /** 1-based line of the file; 0 when the file itself could not be read. */
    readonly line: number,
    /** `type.path` of the offending field ("order.items[0].qty"), null for a whole-line problem. */
    readonly field: string | null,
    /** What is wrong, without the line number. */
    readonly detail: string,
  ) {
    super(line > 0 ? `line ${line}: ${detail}` : detail);
    this.name = "InterchangeError";
  }
}

/** "line 12: order.paidAt: <problem>" */
export function fieldError(line: number, field: string, problem: string): InterchangeError {
  return new InterchangeError(line, field, `${field}: ${problem}`);
}

function fieldPath(type: string, path: readonly PropertyKey[]): string {
  let text = type;
  for (const key of path) text += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return text;
}

/** A value as it appeared in the file, shortened so the message stays one line. */
export function quoteValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${quoteValue(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  object: "an object",
  array: "an array",
  record: "an object",
  nonoptional: "a value",
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return issue.path.at(-1) === "paidAt" ? "is required (null when unpaid)" : "is required";
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${kindOf(input)}`;
    case "invalid_value":
      return `${quoteValue(input)} is not one of ${issue.values.map(String).join(", ")}`;
    case "too_small":
      if (issue.origin === "string") return "must not be empty";
      return `${quoteValue(input)} must be at least ${String(issue.minimum)}`;
    case "too_big":
      return `${quoteValue(input)} must be at most ${String(issue.maximum)}`;
    case "custom":
      // A record-level check (message.agent) reports the whole record as its input: not worth quoting.
      return input === undefined || typeof input === "object" ? issue.message : `${quoteValue(input)} ${issue.message}`;
    default:
      return issue.message;
  }
}

/**
 * The first problem of a failed parse as an InterchangeError. Unknown fields
 * are reported first: "paid_at" is a more useful message than "paidAt is required".
 */
export function issueToError(line: number, type: string, issues: readonly z.core.$ZodIssue[]): InterchangeError {
  const unknownKey = issues.find((issue) => issue.code === "unrecognized_keys");
  if (unknownKey?.code === "unrecognized_keys") {
    return fieldError(line, fieldPath(type, [...unknownKey.path, unknownKey.keys[0]]), "unknown field");
  }
  const first = issues[0];
  if (!first) return new InterchangeError(line, null, `not a valid ${type} record`);
  return fieldError(line, fieldPath(type, first.path), describeIssue(first));
}
