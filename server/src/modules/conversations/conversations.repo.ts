// All SQL of conversations and messages. Every query is scoped by workspace.
import { and, asc, desc, eq, gt, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { agents } from "../staff";
import { customers } from "../customers";
import type { ChatMessage, ConversationSummary } from "./chat-protocol";
import { conversations, messages } from "./conversations.schema";

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

// The queue shows what the buyer or an agent last said; auto-replies would hide the question.
const lastMessage = sql<{ text: string; sender: string; kind: string; at: string } | null>`(
  select json_build_object('text', m.text, 'sender', m.sender, 'kind', m.kind, 'at', m.created_at)
  from ${messages} m where m.conversation_id = "conversations"."id" and m.sender in ('buyer', 'agent')
  order by m.seq desc limit 1)`;
const unread = sql<number>`(
  select count(*)::int from ${messages} m
  where m.conversation_id = "conversations"."id" and m.sender = 'buyer' and m.seq > "conversations"."agent_read_seq")`;

export async function summaries(db: Db, where: SQL | undefined, limit = 200): Promise<ConversationSummary[]> {
  const rows = await db
    .select({ c: conversations, nick: customers.nick, assigneeName: agents.name, lastMessage, unread })
    .from(conversations)
    .innerJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(agents, eq(agents.id, conversations.assigneeId))
    .where(where)
    .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.startedAt})`), desc(conversations.id))
    .limit(limit);
  return rows.map(({ c, nick, assigneeName, lastMessage: last, unread: count }) => toSummary(c, { nick, assigneeName: assigneeName ?? null, last, unread: Number(count) }));
}

/** A conversation as the queue shows it, from its row and what was read beside it. */
export function toSummary(
  c: ConversationRow,
  extra: { nick: string; assigneeName: string | null; last: { text: string; sender: string; kind: string; at: string } | null; unread: number },
): ConversationSummary {
  const { last } = extra;
  return {
    id: c.id,
    shopId: c.shopId,
    customer: { id: c.customerId, nick: extra.nick },
    team: c.team,
    status: c.status,
    assigneeId: c.assigneeId,
    assigneeName: extra.assigneeName,
    lastMessage: last ? { text: last.kind === "text" ? last.text : `[${last.kind}]`, from: last.sender as ChatMessage["from"], at: new Date(last.at).toISOString() } : null,
    lastSeq: c.lastSeq,
    unread: extra.unread,
    waitingSince: c.waitingSince?.toISOString() ?? null,
    startedAt: c.startedAt.toISOString(),
    stage: c.stage ?? null,
    outcome: c.outcome ?? null,
    lostReason: c.lostReason ?? null,
    escalated: c.escalated,
    priority: c.priority,
  };
}

export async function summary(db: Db, workspaceId: string, id: string): Promise<ConversationSummary | null> {
  const [row] = await summaries(db, and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)), 1);
  return row ?? null;
}

export async function findConversation(db: Db, workspaceId: string, id: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
    .limit(1);
  return row ?? null;
}

/** The buyer's latest conversation with the shop (open or not), for the widget's history. */
export async function latestConversationOf(db: Db, workspaceId: string, shopId: string, customerId: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.shopId, shopId), eq(conversations.customerId, customerId)))
    .orderBy(desc(conversations.startedAt), desc(conversations.id))
    .limit(1);
  return row ?? null;
}

/** Buyers never receive the agents' internal notes (sender "system"). */
export async function messagesAfter(db: Db, workspaceId: string, conversationId: string, afterSeq: number, limit: number, forBuyer = false): Promise<ChatMessage[]> {
  const rows = await db
    .select({ m: messages, agentName: agents.name })
    .from(messages)
    .leftJoin(agents, eq(agents.id, messages.agentId))
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq), forBuyer ? ne(messages.sender, "system") : undefined))
    .orderBy(asc(messages.seq))
    .limit(limit);
  return rows.map(({ m, agentName }) => toChatMessage(m, agentName ?? null));
}

export function toChatMessage(m: MessageRow, agentName: string | null): ChatMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    from: m.sender,
    agentId: m.agentId,
    agentName,
    kind: m.kind,
    text: m.text,
    imageUrl: m.imageUrl,
    product: m.product ?? null,
    card: m.card ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

export async function setReadSeq(db: Db, workspaceId: string, id: string, by: "buyer" | "agent", seq: number): Promise<void> {
  const column = by === "agent" ? conversations.agentReadSeq : conversations.buyerReadSeq;
  await db
    .update(conversations)
    .set(by === "agent" ? { agentReadSeq: sql`greatest(${column}, least(${seq}, ${conversations.lastSeq}))` } : { buyerReadSeq: sql`greatest(${column}, least(${seq}, ${conversations.lastSeq}))` })
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
}

export async function updateConversation(db: Db, workspaceId: string, id: string, patch: Partial<typeof conversations.$inferInsert>): Promise<void> {
  await db.update(conversations).set(patch).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
}

export async function openConversationCount(db: Db, workspaceId: string, agentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.assigneeId, agentId), ne(conversations.status, "closed")));
  return Number(row?.n ?? 0);
}
