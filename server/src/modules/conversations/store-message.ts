// Storing a message is the heart of "no message lost": the conversation row is locked,
// a repeated client id returns the message already stored (the send was retried), and
// otherwise the next sequence number is taken and the message inserted in the same
// transaction. The caller acknowledges only after this returns, i.e. after commit.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import type { MessageKind, MessageSender, ProductCard } from "./chat-protocol";
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
}

export interface StoredMessage {
  message: MessageRow;
  conversation: ConversationRow;
  /** True when this client id was already stored: nothing new was written. */
  duplicate: boolean;
}

export async function storeMessage(db: Db, input: NewMessage): Promise<StoredMessage> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.workspaceId, input.workspaceId), eq(conversations.id, input.conversationId)))
      .for("update");
    if (!conversation) throw notFound("conversation");
    if (input.clientId) {
      const [existing] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversation.id), eq(messages.clientId, input.clientId)))
        .limit(1);
      if (existing) return { message: existing, conversation, duplicate: true };
    }
    const now = new Date();
    const seq = conversation.lastSeq + 1;
    const patch = afterMessage(conversation, input, seq, now);
    const [updated] = await tx.update(conversations).set(patch).where(eq(conversations.id, conversation.id)).returning();
    const [message] = await tx
      .insert(messages)
      .values({
        id: newId("msg"),
        workspaceId: input.workspaceId,
        conversationId: conversation.id,
        seq,
        clientId: input.clientId,
        sender: input.sender,
        agentId: input.agentId,
        kind: input.kind,
        text: input.text,
        imageUrl: input.imageUrl ?? null,
        product: input.product ?? null,
        createdAt: now,
      })
      .returning();
    return { message: message!, conversation: updated!, duplicate: false };
  });
}

/** How a new message moves the conversation: the waiting timer, assignment, reopening. */
function afterMessage(c: ConversationRow, m: NewMessage, seq: number, now: Date): Partial<ConversationRow> {
  const base = { lastSeq: seq, lastMessageAt: now };
  switch (m.sender) {
    case "buyer":
      // A buyer writing into a closed conversation reopens it; the timer starts at
      // their first unanswered message.
      return {
        ...base,
        waitingSince: c.waitingSince ?? now,
        status: c.status === "closed" ? (c.assigneeId ? "open" : "waiting") : c.status,
        closedAt: null,
      };
    case "agent":
      if (!m.agentId) throw new HttpError(500, "internal", "agent message without agent");
      return { ...base, waitingSince: null, agentReadSeq: seq, assigneeId: c.assigneeId ?? m.agentId, status: "open" };
    default:
      // Bots and system notes neither answer the buyer nor stop the timer.
      return base;
  }
}
