// Storing a message is the heart of "no message lost": one statement moves the
// conversation (next sequence number, waiting timer, status) and inserts the message with
// that number, atomically; the caller acknowledges only after it returns, i.e. after
// commit. A repeated client id (the send was retried) breaks the unique index, so the
// statement writes nothing and the message already stored is returned instead.
//
// One statement rather than a transaction of four: PGlite runs a transaction exclusively,
// so every round trip inside it held up every other chat (bench/chat.ts).
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { fromJsonRow } from "../../platform/db/json-row";
import { HttpError, notFound } from "../../platform/http/errors";
import type { ConversationSummary, MessageKind, MessageSender, OrderCard, ProductCard } from "./chat-protocol";
import { toSummary, type ConversationRow, type MessageRow } from "./conversations.repo";
import { conversations, messages } from "./conversations.schema";

export interface NewMessage {
  workspaceId: string;
  /** The conversation; null with `ownedBy`: the buyer's open conversation, if they have one (else nothing is stored). */
  conversationId: string | null;
  clientId: string | null;
  sender: MessageSender;
  agentId: string | null;
  kind: MessageKind;
  text: string;
  imageUrl?: string | null;
  product?: ProductCard | null;
  card?: OrderCard | null;
  /** Store only if the conversation is this buyer's (the buyer's own sends). */
  ownedBy?: { customerId: string; shopId: string };
  /** Also answer the conversation's queue summary, read in the same statement (one round trip less per message). */
  summarize?: boolean;
}

export interface StoredMessage {
  message: MessageRow;
  conversation: ConversationRow;
  /** True when this client id was already stored: nothing new was written. */
  duplicate: boolean;
  /** With `summarize`: the conversation as the queue shows it, after this message. */
  summary?: ConversationSummary;
}

/** How a new message moves the conversation: the waiting timer, assignment, reopening. */
function afterMessage(m: NewMessage, now: Date): SQL {
  switch (m.sender) {
    case "buyer":
      // A buyer writing into a closed conversation reopens it; the timer starts at their
      // first unanswered message. (SET expressions read the row as it was.)
      return sql`, waiting_since = coalesce(waiting_since, ${now.toISOString()}::timestamptz), closed_at = null,
        status = case when status = 'closed' then (case when assignee_id is null then 'waiting' else 'open' end) else status end`;
    case "agent":
      if (!m.agentId) throw new HttpError(500, "internal", "agent message without agent");
      return sql`, waiting_since = null, agent_read_seq = last_seq + 1, assignee_id = coalesce(assignee_id, ${m.agentId}), status = 'open'`;
    default:
      // Bots and system notes neither answer the buyer nor stop the timer.
      return sql``;
  }
}

const UNIQUE_VIOLATION = "23505";

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** The queue summary from the row just written and what the same statement read beside it. */
export function summaryOf(c: ConversationRow, m: MessageRow, extra: SummaryColumns): ConversationSummary {
  // The statement's snapshot does not see its own insert: a buyer's or agent's message is
  // the queue's last message itself, and a buyer's adds one to the unread count.
  const human = m.sender === "buyer" || m.sender === "agent";
  const last = human ? { text: m.text, sender: m.sender, kind: m.kind, at: m.createdAt.toISOString() } : extra.last_before;
  const unread = m.sender === "agent" ? 0 : Number(extra.unread_before) + (m.sender === "buyer" && m.seq > c.agentReadSeq ? 1 : 0);
  return toSummary(c, { nick: extra.nick ?? "", assigneeName: extra.assignee_name ?? null, last, unread });
}

export interface SummaryColumns {
  nick: string | null;
  assignee_name: string | null;
  unread_before: number;
  last_before: { text: string; sender: string; kind: string; at: string } | null;
}

/**
 * The summary's columns of the conversation row `c`, read in the same statement; what a
 * message from `sender` settles itself is not read (without a sender: all are read, for a
 * statement that stores messages of several senders).
 */
export function summaryColumns(sender?: MessageSender): SQL {
  const names = sql`, (select nick from customers cu where cu.id = c.customer_id) as nick, (select name from agents a where a.id = c.assignee_id) as assignee_name`;
  const unread =
    sender === "agent"
      ? sql`, 0 as unread_before`
      : sql`, (select count(*)::int from messages um where um.conversation_id = c.id and um.sender = 'buyer' and um.seq > c.agent_read_seq) as unread_before`;
  const last =
    sender === "buyer" || sender === "agent"
      ? sql`, null as last_before`
      : sql`, (select json_build_object('text', lm.text, 'sender', lm.sender, 'kind', lm.kind, 'at', lm.created_at) from messages lm
           where lm.conversation_id = c.id and lm.sender in ('buyer', 'agent') order by lm.seq desc limit 1) as last_before`;
  return sql`${names}${unread}${last}`;
}

export async function storeMessage(db: Db, input: NewMessage): Promise<StoredMessage> {
  const now = new Date();
  const owned = input.ownedBy ? sql` and customer_id = ${input.ownedBy.customerId} and shop_id = ${input.ownedBy.shopId}` : sql``;
  if (input.conversationId === null && !input.ownedBy) throw new HttpError(500, "internal", "a message needs a conversation or a buyer");
  // The buyer's open conversation, found inside the same statement (no lookup first).
  const target =
    input.conversationId !== null
      ? sql`${input.conversationId}`
      : sql`(select id from conversations where workspace_id = ${input.workspaceId} and customer_id = ${input.ownedBy!.customerId} and shop_id = ${input.ownedBy!.shopId}
              and status <> 'closed' order by started_at desc, id desc limit 1)`;
  try {
    const [row] = await queryRows<{ c: Record<string, unknown>; m: Record<string, unknown> } & SummaryColumns>(
      db,
      sql`with c as (
            update conversations set last_seq = last_seq + 1, last_message_at = ${now.toISOString()}::timestamptz${afterMessage(input, now)}
            where workspace_id = ${input.workspaceId} and id = ${target}${owned}
            returning *
          ), m as (
            insert into messages (id, workspace_id, conversation_id, seq, client_id, sender, agent_id, kind, text, image_url, product, card, created_at)
            select ${newId("msg")}, ${input.workspaceId}, c.id, c.last_seq, ${input.clientId}, ${input.sender}, ${input.agentId}, ${input.kind},
                   ${input.text}, ${input.imageUrl ?? null}, ${input.product ? JSON.stringify(input.product) : null}::jsonb,
                   ${input.card ? JSON.stringify(input.card) : null}::jsonb, ${now.toISOString()}::timestamptz
            from c
            returning *
          )
          select row_to_json(c) as c, row_to_json(m) as m${input.summarize ? summaryColumns(input.sender) : sql``} from c, m`,
    );
    if (!row) throw notFound("conversation");
    const conversation = fromJsonRow(conversations, row.c);
    const message = fromJsonRow(messages, row.m);
    return { conversation, message, duplicate: false, ...(input.summarize && { summary: summaryOf(conversation, message, row) }) };
  } catch (err) {
    if (!input.clientId || !isUniqueViolation(err)) throw err;
    const [existing] = await db
      .select({ message: messages, conversation: conversations })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(
        and(
          eq(messages.workspaceId, input.workspaceId),
          input.conversationId !== null
            ? eq(messages.conversationId, input.conversationId)
            : and(eq(conversations.customerId, input.ownedBy!.customerId), eq(conversations.shopId, input.ownedBy!.shopId)),
          eq(messages.clientId, input.clientId),
        ),
      )
      .orderBy(desc(messages.seq))
      .limit(1);
    if (!existing) throw err;
    return { ...existing, duplicate: true };
  }
}
