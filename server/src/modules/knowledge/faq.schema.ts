// The FAQ knowledge base (常见问题): questions buyers ask, in several wordings, and the
// answer that works, per shop. Agents propose entries from real chats; a supervisor
// approves or rejects them, and only approved entries reach the chat. Answers are plain
// text with {variables}, never HTML.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export type FaqStatus = "proposed" | "approved" | "rejected";
export type FaqScopeType = "shop" | "category" | "product";
/** Where a proposal came from: the chat and the messages the agent picked. */
export interface FaqSource {
  conversationId: string;
  questionSeqs: number[];
  answerSeqs: number[];
}

export const faqEntries = pgTable(
  "faq_entries",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    status: text("status").$type<FaqStatus>().notNull(),
    /** The buyer's question in the wordings buyers use; the first is the one shown. */
    questions: jsonb("questions").$type<string[]>().notNull(),
    answer: text("answer").notNull(),
    category: text("category").notNull().default(""),
    /** One of the 22 intents of CONTRACTS §6. */
    intent: text("intent").notNull(),
    /** A pre-sales flow stage (conversations' PRESALES_STAGES) when the entry belongs to one. */
    stage: text("stage"),
    /** shop: every item; category: the named product categories; product: the named product ids. */
    scopeType: text("scope_type").$type<FaqScopeType>().notNull().default("shop"),
    scopeValues: jsonb("scope_values").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The script library's id of the entry (seed scripts), so loading it twice adds nothing. */
    libraryKey: text("library_key"),
    source: jsonb("source").$type<FaqSource>(),
    proposedBy: text("proposed_by"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
    /** Times an agent put the answer in a chat input. */
    usageCount: integer("usage_count").notNull().default(0),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("faq_entries_shop_idx").on(t.workspaceId, t.shopId, t.status),
    uniqueIndex("faq_entries_library_idx").on(t.workspaceId, t.shopId, t.libraryKey).where(sql`${t.libraryKey} is not null`),
  ],
);
