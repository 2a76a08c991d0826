// The search index of messages: each message's words, already segmented (jieba for
// Chinese, bigrams for Korean, lower-cased words otherwise) and joined by spaces, so
// PostgreSQL's 'simple' text search configuration can index them on PGlite and
// PostgreSQL 15 alike without a Chinese parser extension.
import { sql } from "drizzle-orm";
import { index, pgTable, text } from "drizzle-orm/pg-core";

export const messageSearch = pgTable(
  "message_search",
  {
    messageId: text("message_id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    tokens: text("tokens").notNull(),
  },
  (t) => [
    index("message_search_tokens_idx").using("gin", sql`to_tsvector('simple', ${t.tokens})`),
    index("message_search_conversation_idx").on(t.conversationId),
  ],
);
