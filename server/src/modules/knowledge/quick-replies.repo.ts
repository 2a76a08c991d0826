// All SQL of quick replies. Every query is scoped by workspace; "the caller's library"
// is their team's phrases plus their own personal ones.
import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Team } from "../../platform/auth/abilities";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { quickReplies } from "./knowledge.schema";

export type QuickReplyRow = typeof quickReplies.$inferSelect;
export type QuickReplyScope = "team" | "personal";

/** Whose library: the team's (scope team) or one agent's (scope personal). */
export interface Library {
  workspaceId: string;
  team: Team;
  agentId: string;
}

export interface QuickReplyContent {
  category: string;
  shortcut: string;
  text: string;
}

function visibleTo(library: Library): SQL {
  return and(
    eq(quickReplies.workspaceId, library.workspaceId),
    or(
      and(eq(quickReplies.scope, "team"), eq(quickReplies.team, library.team)),
      and(eq(quickReplies.scope, "personal"), eq(quickReplies.ownerId, library.agentId)),
    ),
  )!;
}

export function listQuickReplies(db: Db, library: Library): Promise<QuickReplyRow[]> {
  return db
    .select()
    .from(quickReplies)
    .where(visibleTo(library))
    .orderBy(asc(quickReplies.scope), asc(quickReplies.category), asc(quickReplies.shortcut));
}

/** A phrase the caller can see (their team's or their own), or null: others' answer 404. */
export async function findVisibleQuickReply(db: Db, library: Library, id: string): Promise<QuickReplyRow | null> {
  const [row] = await db
    .select()
    .from(quickReplies)
    .where(and(visibleTo(library), eq(quickReplies.id, id)))
    .limit(1);
  return row ?? null;
}

/** The row a shortcut names in one library (for conflicts and imports). */
export async function findByShortcut(db: Db, library: Library, scope: QuickReplyScope, shortcut: string): Promise<QuickReplyRow | null> {
  const [row] = await db
    .select()
    .from(quickReplies)
    .where(and(eq(quickReplies.workspaceId, library.workspaceId), libraryOf(library, scope), eq(quickReplies.shortcut, shortcut)))
    .limit(1);
  return row ?? null;
}

function libraryOf(library: Library, scope: QuickReplyScope): SQL {
  return scope === "team"
    ? and(eq(quickReplies.scope, "team"), eq(quickReplies.team, library.team))!
    : and(eq(quickReplies.scope, "personal"), eq(quickReplies.ownerId, library.agentId))!;
}

export async function insertQuickReply(db: Db, library: Library, scope: QuickReplyScope, content: QuickReplyContent): Promise<QuickReplyRow> {
  const [row] = await db
    .insert(quickReplies)
    .values({
      id: newId("qr"),
      workspaceId: library.workspaceId,
      scope,
      team: scope === "team" ? library.team : null,
      ownerId: scope === "personal" ? library.agentId : null,
      ...content,
    })
    .returning();
  return row!;
}

export async function updateQuickReply(db: Db, workspaceId: string, id: string, patch: Partial<QuickReplyContent>): Promise<QuickReplyRow | null> {
  const [row] = await db
    .update(quickReplies)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(quickReplies.workspaceId, workspaceId), eq(quickReplies.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteQuickReply(db: Db, workspaceId: string, id: string): Promise<void> {
  await db.delete(quickReplies).where(and(eq(quickReplies.workspaceId, workspaceId), eq(quickReplies.id, id)));
}

export interface ImportRow extends QuickReplyContent {
  scope: QuickReplyScope;
}

/** Upserts by (scope, shortcut) in one transaction: all rows or none. Counts rows created and rows changed. */
export async function upsertQuickReplies(db: Db, library: Library, rows: ImportRow[]): Promise<{ created: number; updated: number }> {
  return db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const row of rows) {
      const existing = await findByShortcut(tx, library, row.scope, row.shortcut);
      if (existing) {
        // Rows the file repeats unchanged are neither written nor counted.
        if (existing.category !== row.category || existing.text !== row.text) {
          await updateQuickReply(tx, library.workspaceId, existing.id, { category: row.category, text: row.text });
          updated++;
        }
      } else {
        await insertQuickReply(tx, library, row.scope, row);
        created++;
      }
    }
    return { created, updated };
  });
}
