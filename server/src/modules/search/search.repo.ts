// All SQL of message search: filling the index (live and backfill) and querying it.
// Every query is scoped by workspace.
import { and, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { messages, conversations, type MessageRow } from "../conversations";
import { agents } from "../staff";
import { messageSearch } from "./search.schema";
import { indexText } from "./tokenize";

/** What of a message is searchable: its text and a product card's title. */
export function searchableText(m: { text: string; product?: { title: string } | null }): string {
  return [m.text, m.product?.title ?? ""].filter((s) => s !== "").join(" ");
}

export interface IndexableMessage {
  id: string;
  workspaceId: string;
  conversationId: string;
  text: string;
  product?: { title: string } | null;
}

/** Adds messages to the index; a message indexed already (live and backfill met) is left as is. */
export async function indexMessages(db: Db, batch: IndexableMessage[]): Promise<number> {
  const rows = batch
    .map((m) => ({ messageId: m.id, workspaceId: m.workspaceId, conversationId: m.conversationId, tokens: indexText(searchableText(m)) }))
    .filter((r) => r.tokens !== "");
  if (rows.length === 0) return 0;
  await db.insert(messageSearch).values(rows).onConflictDoNothing();
  return rows.length;
}

/**
 * Messages not in the index yet, in id order after `afterId` (ids sort by time). Messages
 * with nothing to index (images) are returned too so the backfill moves past them.
 */
export async function unindexedMessages(db: Db, afterId: string | null, limit: number): Promise<IndexableMessage[]> {
  return db
    .select({ id: messages.id, workspaceId: messages.workspaceId, conversationId: messages.conversationId, text: messages.text, product: messages.product })
    .from(messages)
    .leftJoin(messageSearch, eq(messageSearch.messageId, messages.id))
    .where(and(isNull(messageSearch.messageId), afterId ? sql`${messages.id} > ${afterId}` : undefined))
    .orderBy(messages.id)
    .limit(limit);
}

export interface SearchHit {
  message: MessageRow;
  agentName: string | null;
  team: "presales" | "aftersales";
  assigneeId: string | null;
}

export interface HitPage {
  hits: SearchHit[];
  /** Where the next page starts (the last hit's time and id), or null at the end. */
  next: { createdAt: Date; id: string } | null;
}

/** One page of matching messages, newest first; `visible` narrows to conversations the caller may see. */
export async function searchPage(
  db: Db,
  workspaceId: string,
  queryText: string,
  visible: SQL | undefined,
  before: { createdAt: Date; id: string } | null,
  limit: number,
): Promise<HitPage> {
  const rows = await db
    .select({ message: messages, agentName: agents.name, team: conversations.team, assigneeId: conversations.assigneeId })
    .from(messageSearch)
    .innerJoin(messages, eq(messages.id, messageSearch.messageId))
    .innerJoin(conversations, eq(conversations.id, messageSearch.conversationId))
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(
      and(
        eq(messageSearch.workspaceId, workspaceId),
        eq(messages.workspaceId, workspaceId),
        sql`to_tsvector('simple', ${messageSearch.tokens}) @@ plainto_tsquery('simple', ${queryText})`,
        visible,
        before ? or(lt(messages.createdAt, before.createdAt), and(eq(messages.createdAt, before.createdAt), lt(messages.id, before.id))) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);
  const last = rows.at(-1);
  return {
    hits: rows.map((r) => ({ message: r.message, agentName: r.agentName ?? null, team: r.team, assigneeId: r.assigneeId })),
    next: rows.length === limit && last ? { createdAt: last.message.createdAt, id: last.message.id } : null,
  };
}
