// Buyer reviews per order (item optional), good / neutral / bad.
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const reviews = pgTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    orderId: text("order_id").notNull(),
    externalId: text("external_id"),
    item: text("item"),
    rating: text("rating").$type<"good" | "neutral" | "bad">().notNull(),
    text: text("text"),
    /** The shop's public answer to the review, who wrote it and when. */
    reply: text("reply"),
    repliedBy: text("replied_by"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("reviews_order_idx").on(t.orderId), uniqueIndex("reviews_external_idx").on(t.workspaceId, t.externalId)],
);
