// Storing a message is the heart of "no message lost": one statement moves the
// conversation (next sequence number, waiting timer, status) and inserts the message with
// that number, atomically; the caller acknowledges only after it returns, i.e. after
// commit. A repeated client id (the send was retried) breaks the unique index, so the
// statement writes nothing and the message already stored is returned instead.
//
// One statement rather than a transaction of four: PGlite runs a transaction exclusively,
// so every round trip inside it held up every other chat (bench/chat.ts).
import { and, eq, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { fromJsonRow } from "../../platform/db/json-row";
import { HttpError, notFound } from "../../platform/http/errors";
import type { MessageKind, MessageSender, OrderCard, ProductCard } from "./chat-protocol";
import type { ConversationRow, MessageRow } from "./conversations.repo";
import { conversations, messages } from "./conversations.schema";

export interface NewMessage {
  workspaceId: string;
  conversationId: string;
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
}

export interface StoredMessage {
  message: MessageRow;
  conversation: ConversationRow;
  /** True when this client id was already stored: nothing new was written. */
  duplicate: boolean;
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

export async function storeMessage(db: Db, input: NewMessage): Promise<StoredMessage> {
  const now = new Date();
  const owned = input.ownedBy ? sql` and customer_id = ${input.ownedBy.customerId} and shop_id = ${input.ownedBy.shopId}` : sql``;
  try {
    const [row] = await queryRows<{ c: Record<string, unknown>; m: Record<string, unknown> }>(
      db,
      sql`with c as (
            update conversations set last_seq = last_seq + 1, last_message_at = ${now.toISOString()}::timestamptz${afterMessage(input, now)}
            where workspace_id = ${input.workspaceId} and id = ${input.conversationId}${owned}
            returning *
          ), m as (
            insert into messages (id, workspace_id, conversation_id, seq, client_id, sender, agent_id, kind, text, image_url, product, card, created_at)
            select ${newId("msg")}, ${input.workspaceId}, c.id, c.last_seq, ${input.clientId}, ${input.sender}, ${input.agentId}, ${input.kind},
                   ${input.text}, ${input.imageUrl ?? null}, ${input.product ? JSON.stringify(input.product) : null}::jsonb,
                   ${input.card ? JSON.stringify(input.card) : null}::jsonb, ${now.toISOString()}::timestamptz
            from c
            returning *
          )
          select row_to_json(c) as c, row_to_json(m) as m from c, m`,
    );
    if (!row) throw notFound("conversation");
    return { conversation: fromJsonRow(conversations, row.c), message: fromJsonRow(messages, row.m), duplicate: false };
  } catch (err) {
    if (!input.clientId || !isUniqueViolation(err)) throw err;
    const [existing] = await db
      .select({ message: messages, conversation: conversations })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.workspaceId, input.workspaceId), eq(messages.conversationId, input.conversationId), eq(messages.clientId, input.clientId)))
      .limit(1);
    if (!existing) throw err;
    return { ...existing, duplicate: true };
  }
}
