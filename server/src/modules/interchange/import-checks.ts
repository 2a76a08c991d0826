// What an import checks within the file itself, line by line as it reads: the rules
// the record schemas cannot see because they span lines (an agent email used by two
// agents) or items (a SKU id listed twice in one product). Also the shared words of
// the importer: counts per type, progress, the kinds of record other records name.
import { fieldError } from "./errors";
import { RECORD_TYPES, type InterchangeRecord, type RecordType } from "./records";

/** The record kinds other records point at (sku ids live inside product records). */
export const REF_TYPES = ["shop", "agent", "customer", "product", "sku", "conversation", "order"] as const;
export type RefType = (typeof REF_TYPES)[number];

export type Counts = Record<RecordType, number>;

/** A path, or a stream such as an upload. */
export type ImportSource = NodeJS.ReadableStream | string;

export interface Progress {
  /** `share`: how much of the file has been read (0…1), null when its size is unknown. */
  (records: number, share: number | null): void;
}

export function emptyCounts(): Counts {
  return Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Counts;
}

export class FileChecks {
  /** Agent emails of the file (lower-cased) → the agent and line. */
  private readonly agentEmails = new Map<string, { agent: string; line: number }>();

  check(line: number, r: InterchangeRecord): void {
    if (r.type === "agent" && r.email !== undefined) {
      const email = r.email.toLowerCase();
      const other = this.agentEmails.get(email);
      if (other && other.agent !== r.id) {
        throw fieldError(line, "agent.email", `${email} is already the email of agent "${other.agent}" (line ${other.line})`);
      }
      this.agentEmails.set(email, { agent: r.id, line });
    }
    if (r.type === "product") {
      const seen = new Set<string>();
      r.skus.forEach((sku, i) => {
        if (seen.has(sku.id)) throw fieldError(line, `product.skus[${i}].id`, `"${sku.id}" is listed twice`);
        seen.add(sku.id);
      });
    }
  }
}
