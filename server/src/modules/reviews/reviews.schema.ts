// Buyer reviews per order (item optional), good / neutral / bad, and the after-sales
// follow-up of the neutral and bad ones (seeds 000, 001, 002).
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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

export type FollowUpStatus = "open" | "closed";
export type FollowUpOutcome = "modified" | "explained" | "declined" | "malicious";

/**
 * One task per neutral or bad review: contact the buyer with the apology, record how it
 * ended, before the platform's modification deadline (`dueAt`).
 */
export const reviewFollowUps = pgTable(
  "review_follow_ups",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    orderId: text("order_id").notNull(),
    customerId: text("customer_id").notNull(),
    /** The review's rating when last looked at: a change (bad → good) is recorded as a step. */
    rating: text("rating").$type<"good" | "neutral" | "bad">().notNull(),
    status: text("status").$type<FollowUpStatus>().notNull().default("open"),
    outcome: text("outcome").$type<FollowUpOutcome>(),
    outcomeNote: text("outcome_note"),
    assigneeId: text("assignee_id"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: text("closed_by"),
    /** Optimistic locking: an action names the version it saw. */
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("review_follow_ups_review_idx").on(t.reviewId), index("review_follow_ups_open_idx").on(t.workspaceId, t.status, t.dueAt)],
);

/** Who did what when on a follow-up (agentId null: QinDesk itself, e.g. the review changed). */
export const reviewFollowUpSteps = pgTable(
  "review_follow_up_steps",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    followUpId: text("follow_up_id")
      .notNull()
      .references(() => reviewFollowUps.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    agentId: text("agent_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("review_follow_up_steps_idx").on(t.followUpId, t.at)],
);
