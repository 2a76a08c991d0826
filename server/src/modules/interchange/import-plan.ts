// Pass 1 of an import: read the whole file once, validating every line, and keep only
// what the reference checks need (the ids each line defines, the references not yet
// defined when they were read, agent emails). Nothing is written here, so a bad line
// anywhere stops the import before the database is touched.
import { createHash } from "node:crypto";
import type { InterchangeError } from "./errors";
import { fieldError } from "./errors";
import { readInterchange, type InterchangeLine } from "./reader";
import { RECORD_TYPES, type ConversationRecord, type InterchangeRecord, type RecordType } from "./records";

/** The record kinds other records point at (sku ids live inside product records). */
export const REF_TYPES = ["shop", "agent", "customer", "product", "sku", "conversation", "order"] as const;
export type RefType = (typeof REF_TYPES)[number];

export interface PendingRef {
  line: number;
  field: string;
}

export type Counts = Record<RecordType, number>;

export interface ImportPlan {
  /** Records per type in the file (a repeated id counts each time). */
  counts: Counts;
  records: number;
  /** Ids the file defines, per kind. */
  defined: Record<RefType, Set<string>>;
  /** References to ids not defined earlier in the file; those never defined must be in the database. */
  pending: Record<RefType, Map<string, PendingRef>>;
  /** Agent emails of the file (lower-cased) → the agent and line, for the unique-email check. */
  agentEmails: Map<string, { agent: string; line: number }>;
  /**
   * Conversations that messages name before the conversation's own line: pass 2 writes
   * them first, since a message row needs its conversation row. Only these are kept.
   */
  early: Map<string, ConversationRecord>;
}

export type ImportSource = () => NodeJS.ReadableStream | string;

export interface Progress {
  (phase: "checking" | "writing", done: number, total: number | null): void;
}

export function emptyCounts(): Counts {
  return Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Counts;
}

function newPlan(): ImportPlan {
  const sets = () => Object.fromEntries(REF_TYPES.map((type) => [type, new Set<string>()])) as ImportPlan["defined"];
  const maps = () => Object.fromEntries(REF_TYPES.map((type) => [type, new Map()])) as ImportPlan["pending"];
  return { counts: emptyCounts(), records: 0, defined: sets(), pending: maps(), agentEmails: new Map(), early: new Map() };
}

function refer(plan: ImportPlan, type: RefType, id: string | undefined, line: number, field: string): void {
  if (id === undefined || plan.defined[type].has(id) || plan.pending[type].has(id)) return;
  plan.pending[type].set(id, { line, field });
}

function define(plan: ImportPlan, type: RefType, id: string): void {
  plan.defined[type].add(id);
}

function noteRecord(plan: ImportPlan, { line, record: r }: InterchangeLine): void {
  plan.counts[r.type] += 1;
  plan.records += 1;
  switch (r.type) {
    case "shop":
      define(plan, "shop", r.id);
      break;
    case "agent":
      define(plan, "agent", r.id);
      if (r.email !== undefined) {
        const email = r.email.toLowerCase();
        const other = plan.agentEmails.get(email);
        if (other && other.agent !== r.id) {
          throw fieldError(line, "agent.email", `${email} is already the email of agent "${other.agent}" (line ${other.line})`);
        }
        plan.agentEmails.set(email, { agent: r.id, line });
      }
      break;
    case "customer":
      define(plan, "customer", r.id);
      break;
    case "product": {
      refer(plan, "shop", r.shop, line, "product.shop");
      define(plan, "product", r.id);
      const seen = new Set<string>();
      r.skus.forEach((sku, i) => {
        if (seen.has(sku.id)) throw fieldError(line, `product.skus[${i}].id`, `"${sku.id}" is listed twice`);
        seen.add(sku.id);
        define(plan, "sku", sku.id);
      });
      break;
    }
    case "conversation":
      refer(plan, "shop", r.shop, line, "conversation.shop");
      refer(plan, "customer", r.customer, line, "conversation.customer");
      define(plan, "conversation", r.id);
      if (plan.pending.conversation.has(r.id)) plan.early.set(r.id, r);
      break;
    case "message":
      refer(plan, "conversation", r.conversation, line, "message.conversation");
      refer(plan, "agent", r.agent, line, "message.agent");
      break;
    case "order":
      refer(plan, "shop", r.shop, line, "order.shop");
      refer(plan, "customer", r.customer, line, "order.customer");
      r.items.forEach((item, i) => {
        refer(plan, "product", item.product, line, `order.items[${i}].product`);
        refer(plan, "sku", item.sku, line, `order.items[${i}].sku`);
      });
      define(plan, "order", r.id);
      break;
    case "return":
      refer(plan, "order", r.order, line, "return.order");
      r.items.forEach((item, i) => refer(plan, "sku", item.sku, line, `return.items[${i}].sku`));
      break;
    case "review":
      refer(plan, "order", r.order, line, "review.order");
      break;
  }
}

/** Pass 1: validate every line and collect the ids; throws InterchangeError at the first bad line. */
export async function planImport(source: ImportSource, progress?: Progress): Promise<ImportPlan> {
  const plan = newPlan();
  for await (const entry of readInterchange(source())) {
    noteRecord(plan, entry);
    if (progress && plan.records % 10_000 === 0) progress("checking", plan.records, null);
  }
  return plan;
}

/** References the file never defines: they must name rows of the workspace. */
export function undefinedRefs(plan: ImportPlan, type: RefType): Map<string, PendingRef> {
  const missing = new Map<string, PendingRef>();
  for (const [id, ref] of plan.pending[type]) if (!plan.defined[type].has(id)) missing.set(id, ref);
  return missing;
}

/** "line 12: message.conversation: "v9" is neither in the file nor in the workspace" */
export function unknownRefError(type: RefType, id: string, ref: PendingRef): InterchangeError {
  return fieldError(ref.line, ref.field, `${type} "${id}" is neither in the file nor in the workspace`);
}

/**
 * Ids for messages the file gives none. The id is built from the message itself
 * (conversation, instant, sender and text), not from its place in the file: a later
 * file that only adds new messages must not overwrite the earlier ones. The same
 * message again at the same instant (a double send) gets "~2", "~3"…; each
 * conversation remembers only the messages of its latest instant, so memory grows
 * with conversations, not messages. Without an id a message cannot be edited by a
 * re-import (a changed text is a different message): sources that edit messages
 * must give ids.
 */
export class MessageIdDeriver {
  private readonly latest = new Map<string, { atMs: number; seen: Map<string, number> }>();

  next(conversation: string, from: string, agent: string | undefined, atMs: number, text: string): string {
    const digest = createHash("sha1").update(`${from}\u0000${agent ?? ""}\u0000${text}`).digest("base64url").slice(0, 12);
    const base = `${conversation}@${atMs.toString(36)}.${digest}`;
    let instant = this.latest.get(conversation);
    if (!instant || instant.atMs !== atMs) this.latest.set(conversation, (instant = { atMs, seen: new Map() }));
    const repeat = (instant.seen.get(base) ?? 0) + 1;
    instant.seen.set(base, repeat);
    return repeat === 1 ? base : `${base}~${repeat}`;
  }
}

export type { InterchangeRecord };
