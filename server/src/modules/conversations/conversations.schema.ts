// A conversation between one buyer and the shop's team; messages carry a
// per-conversation sequence number assigned in the transaction that stores them.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ConversationPriority, MessageKind, OrderCard, PresalesStage, ProductCard } from "./chat-protocol";

export const conversations = pgTable(
  "conversations",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    customerId: text("customer_id").notNull(),
    externalId: text("external_id"),
    team: text("team").$type<"presales" | "aftersales">().notNull().default("presales"),
    status: text("status").$type<"waiting" | "open" | "closed">().notNull().default("waiting"),
    assigneeId: text("assignee_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    /** The buyer's first unanswered message: the waiting timer runs from here. */
    waitingSince: timestamp("waiting_since", { withTimezone: true }),
    agentReadSeq: integer("agent_read_seq").notNull().default(0),
    buyerReadSeq: integer("buyer_read_seq").notNull().default(0),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Where the pre-sales flow stands (seed 002); null for after-sales. */
    stage: text("stage").$type<PresalesStage>(),
    /** converted or not_converted, recorded when closing. */
    outcome: text("outcome").$type<"converted" | "not_converted">(),
    /** Why the buyer did not buy (price, quality…), and the agent's note. */
    lostReason: text("lost_reason"),
    outcomeNote: text("outcome_note"),
    /** An agent asked a supervisor to step in. */
    escalated: boolean("escalated").notNull().default(false),
    /** Raised to "urgent" when the buyer writes in anger or complains (the assistant's sentiment). */
    priority: text("priority").$type<ConversationPriority>().notNull().default("normal"),
  },
  (t) => [
    index("conversations_queue_idx").on(t.workspaceId, t.status, t.lastMessageAt),
    index("conversations_customer_idx").on(t.workspaceId, t.customerId),
    index("conversations_shop_started_idx").on(t.shopId, t.startedAt),
    uniqueIndex("conversations_external_idx").on(t.workspaceId, t.externalId),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    // No foreign key (dropped in 0018, docs/decisions.md 2026-12-03): every write makes the
    // conversation exist by construction (live chat inserts from the conversation row it just
    // updated; an import checks its conversations in one statement at the end). A future
    // deletion of conversations must delete their messages itself.
    conversationId: text("conversation_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    /** The sender's idempotency id; the same one twice stores one message. */
    clientId: text("client_id"),
    externalId: text("external_id"),
    sender: text("sender").$type<"buyer" | "agent" | "bot" | "system">().notNull(),
    agentId: text("agent_id"),
    kind: text("kind").$type<MessageKind>().notNull().default("text"),
    text: text("text").notNull().default(""),
    imageUrl: text("image_url"),
    product: jsonb("product").$type<ProductCard>(),
    /** For kind "order": the order card (an address check or a size change the buyer answers). */
    card: jsonb("card").$type<OrderCard>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("messages_seq_idx").on(t.conversationId, t.seq),
    uniqueIndex("messages_client_idx").on(t.conversationId, t.clientId).where(sql`${t.clientId} is not null`),
    uniqueIndex("messages_external_idx").on(t.workspaceId, t.externalId).where(sql`${t.externalId} is not null`),
    index("messages_workspace_time_idx").on(t.workspaceId, t.createdAt),
  ],
);
