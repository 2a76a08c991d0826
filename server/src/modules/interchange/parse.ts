// One line of the interchange file → one validated record.
import { fieldError, InterchangeError, issueToError, quoteValue } from "./errors";
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
  const record = parseRecord(value, line);
  // A NUL can only come in as the escape \u0000; the walk runs for such rare lines only.
  if (body.includes("\\u0000")) {
    const field = nulField(value, record.type);
    if (field) throw fieldError(line, field, "must not contain the character U+0000");
  }
  return record;
}

/**
 * The first field whose text (or, in free-form objects, whose key) holds U+0000:
 * PostgreSQL text and jsonb cannot store it, and the file check should say where it is.
 */
function nulField(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulField(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes("\u0000")) return `${path}.${JSON.stringify(key)}`;
      const found = nulField(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
