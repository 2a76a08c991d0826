// All SQL of the FAQ. Every query is scoped by workspace; ids from another workspace
// simply find nothing (the routes answer 404).
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { agents } from "../staff";
import { faqEntries, type FaqSource, type FaqStatus } from "./faq.schema";
import type { FaqContent, FaqPatch } from "./faq.shapes";

export type FaqRow = typeof faqEntries.$inferSelect;

/** Enough entries for any shop's FAQ; ranking and search run over them in code. */
export const MAX_ENTRIES_PER_SHOP = 5000;

export interface FaqFilter {
  shopId?: string;
  status?: FaqStatus;
  category?: string;
  intent?: string;
  scopeType?: string;
  /** Agents without faq.manage see approved entries and their own proposals. */
  visibleTo?: { agentId: string } | null;
  proposedBy?: string;
}

function where(workspaceId: string, f: FaqFilter): SQL {
  return and(
    eq(faqEntries.workspaceId, workspaceId),
    f.shopId ? eq(faqEntries.shopId, f.shopId) : undefined,
    f.status ? eq(faqEntries.status, f.status) : undefined,
    f.category !== undefined ? eq(faqEntries.category, f.category) : undefined,
    f.intent ? eq(faqEntries.intent, f.intent) : undefined,
    f.scopeType ? eq(faqEntries.scopeType, f.scopeType as FaqRow["scopeType"]) : undefined,
    f.proposedBy ? eq(faqEntries.proposedBy, f.proposedBy) : undefined,
    f.visibleTo ? or(eq(faqEntries.status, "approved"), eq(faqEntries.proposedBy, f.visibleTo.agentId)) : undefined,
  )!;
}

export function listEntries(db: Db, workspaceId: string, filter: FaqFilter, order: "usage" | "updated" = "updated"): Promise<FaqRow[]> {
  return db
    .select()
    .from(faqEntries)
    .where(where(workspaceId, filter))
    .orderBy(...(order === "usage" ? [desc(faqEntries.usageCount)] : []), desc(faqEntries.updatedAt), asc(faqEntries.id))
    .limit(MAX_ENTRIES_PER_SHOP);
}

/** How many entries of each status the caller sees (the page's tabs). */
export async function countByStatus(db: Db, workspaceId: string, filter: FaqFilter): Promise<Record<FaqStatus, number>> {
  const rows = await db
    .select({ status: faqEntries.status, count: sql<number>`count(*)::int` })
    .from(faqEntries)
    .where(where(workspaceId, { ...filter, status: undefined }))
    .groupBy(faqEntries.status);
  const counts: Record<FaqStatus, number> = { proposed: 0, approved: 0, rejected: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export async function findEntry(db: Db, workspaceId: string, id: string): Promise<FaqRow | null> {
  const [row] = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.workspaceId, workspaceId), eq(faqEntries.id, id)))
    .limit(1);
  return row ?? null;
}

export interface NewEntry extends FaqContent {
  shopId: string;
  status: FaqStatus;
  proposedBy?: string | null;
  source?: FaqSource | null;
  reviewedBy?: string | null;
}

function columns(content: FaqContent) {
  return {
    questions: content.questions,
    answer: content.answer,
    category: content.category,
    intent: content.intent,
    stage: content.stage,
    scopeType: content.scope.type,
    scopeValues: content.scope.values,
  };
}

export async function insertEntry(db: Db, workspaceId: string, entry: NewEntry): Promise<FaqRow> {
  const [row] = await db
    .insert(faqEntries)
    .values({
      id: newId("faq"),
      workspaceId,
      shopId: entry.shopId,
      status: entry.status,
      ...columns(entry),
      proposedBy: entry.proposedBy ?? null,
      source: entry.source ?? null,
      reviewedBy: entry.reviewedBy ?? null,
      reviewedAt: entry.reviewedBy ? sql`now()` : null,
    })
    .returning();
  return row!;
}

export async function updateEntry(db: Db, workspaceId: string, id: string, patch: FaqPatch & { status?: FaqStatus }): Promise<FaqRow | null> {
  const set: Partial<typeof faqEntries.$inferInsert> = {};
  if (patch.questions) set.questions = patch.questions;
  if (patch.answer !== undefined) set.answer = patch.answer;
  if (patch.category !== undefined) set.category = patch.category;
  if (patch.intent) set.intent = patch.intent;
  if (patch.stage !== undefined) set.stage = patch.stage;
  if (patch.scope) {
    set.scopeType = patch.scope.type;
    set.scopeValues = patch.scope.values;
  }
  if (patch.status) set.status = patch.status;
  const [row] = await db
    .update(faqEntries)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(faqEntries.workspaceId, workspaceId), eq(faqEntries.id, id)))
    .returning();
  return row ?? null;
}

export async function reviewEntry(db: Db, workspaceId: string, id: string, review: { status: FaqStatus; by: string; note: string | null }): Promise<FaqRow | null> {
  const [row] = await db
    .update(faqEntries)
    .set({ status: review.status, reviewedBy: review.by, reviewedAt: sql`now()`, reviewNote: review.note, updatedAt: sql`now()` })
    .where(and(eq(faqEntries.workspaceId, workspaceId), eq(faqEntries.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteEntry(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(faqEntries).where(and(eq(faqEntries.workspaceId, workspaceId), eq(faqEntries.id, id)));
}

/** One more use, counted in the database so two agents inserting at once both count. */
export async function countUse(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .update(faqEntries)
    .set({ usageCount: sql`${faqEntries.usageCount} + 1`, lastUsedAt: sql`now()` })
    .where(and(eq(faqEntries.workspaceId, workspaceId), eq(faqEntries.id, id)));
}

/** Names of the agents who proposed and reviewed, for the entries shown. */
export async function agentNames(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), inArray(agents.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
