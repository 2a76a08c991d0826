// A rollup for the figures (CONTRACTS §4): each conversation's messages packed in arrival
// order, as loadFiguresData reads them, so a report reads one row per conversation
// instead of joining and aggregating a million messages. It is a cache that is never
// trusted blindly: a row counts only while its `last_seq` equals the conversation's (a new
// message moves that), and an import that rewrites messages drops the rows it touched. A
// report first rebuilds what is stale, so late data always shows.
import { pgTable, text, timestamp, bigint, index } from "drizzle-orm/pg-core";

export const conversationTimelines = pgTable(
  "conversation_timelines",
  {
    conversationId: text("conversation_id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    /** The conversation's last_seq when this row was built. */
    lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
    /** First and last buyer message: a report's period must overlap them for an inquiry. */
    firstBuyerAt: timestamp("first_buyer_at", { withTimezone: true }),
    lastBuyerAt: timestamp("last_buyer_at", { withTimezone: true }),
    /** "u<ms>", "b<ms>", "a<agent id> <ms>", comma-separated, in seq order. */
    packed: text("packed"),
  },
  (t) => [index("conversation_timelines_buyer_idx").on(t.workspaceId, t.lastBuyerAt)],
);
