// One line of the interchange file → one validated record.
import { InterchangeError, issueToError, quoteValue } from "./errors";
import { quickAccept } from "./quick-accept";
import { isRecordType, recordSchemas, type InterchangeRecord } from "./records";

/** Validate one already-decoded JSON value as an interchange record. */
export function parseRecord(value: unknown, line: number): InterchangeRecord {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InterchangeError(line, null, "a record must be a JSON object");
  }
  const type = (value as { type?: unknown }).type;
  if (type === undefined) throw new InterchangeError(line, "type", 'missing "type"');
  if (!isRecordType(type)) throw new InterchangeError(line, "type", `unknown type ${quoteValue(type)}`);
  const quick = quickAccept(value as Record<string, unknown>);
  if (quick) return quick;
  const result = recordSchemas[type].safeParse(value, { reportInput: true });
  if (!result.success) throw issueToError(line, type, result.error.issues);
  return result.data;
}

/** Parse one line of text (without its line break); null for a blank line. */
export function parseInterchangeLine(text: string, line: number): InterchangeRecord | null {
  const body = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new InterchangeError(line, null, "not valid JSON");
  }
  return parseRecord(value, line);
}
