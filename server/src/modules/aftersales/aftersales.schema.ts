// After-sales cases (售后) and every step taken on them: who did what, when, from which
// status to which. `version` is the optimistic lock: an action names the version it saw.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { ComplaintStep } from "./complaint";
import type { Eligibility, ReasonCode } from "./policy";
import type { CaseAction, CaseKind, CaseStatus } from "./workflow";

export const aftersalesCases = pgTable(
  "aftersales_cases",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    customerId: text("customer_id").notNull(),
    orderId: text("order_id"),
    conversationId: text("conversation_id"),
    kind: text("kind").$type<CaseKind>().notNull(),
    status: text("status").$type<CaseStatus>().notNull().default("opened"),
    reason: text("reason").$type<ReasonCode>().notNull(),
    /** The buyer's answer to the exchange offered first. */
    retention: text("retention").$type<"accepted" | "declined">(),
    /** What was offered instead of a refund (e.g. "同价位换款：雾霾蓝 M"). */
    retentionOffer: text("retention_offer"),
    trackingNumber: text("tracking_number"),
    refundCents: integer("refund_cents"),
    note: text("note").notNull().default(""),
    /** Eligibility as computed when the case was opened. */
    eligibility: jsonb("eligibility").$type<Eligibility | null>(),
    /** Seed 001 §7's complaint steps ticked so far: step → who and when. */
    checklist: jsonb("checklist").$type<Partial<Record<ComplaintStep, { at: string; agentId: string }>>>().notNull().default({}),
    /** When the buyer must hear back: the end of the shop's day (seed 003), or what an agent promised (seed 004). */
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** Set when the due time is an agent's promise ("I will reply by 15:00"). */
    promisedBy: text("promised_by"),
    version: integer("version").notNull().default(1),
    openedBy: text("opened_by"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("aftersales_cases_due_idx").on(t.workspaceId, t.dueAt),
    index("aftersales_cases_customer_idx").on(t.workspaceId, t.customerId),
    index("aftersales_cases_order_idx").on(t.workspaceId, t.orderId),
    index("aftersales_cases_status_idx").on(t.workspaceId, t.status),
  ],
);

export const aftersalesSteps = pgTable(
  "aftersales_steps",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    caseId: text("case_id")
      .notNull()
      .references(() => aftersalesCases.id, { onDelete: "cascade" }),
    action: text("action").$type<CaseAction | "open" | "promise">().notNull(),
    fromStatus: text("from_status").$type<CaseStatus>(),
    toStatus: text("to_status").$type<CaseStatus>().notNull(),
    agentId: text("agent_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("aftersales_steps_case_idx").on(t.caseId, t.at)],
);

/**
 * Seed 001 (售后服务的具体事项 2): once the parcel is signed for, contact the buyer — are
 * they happy with it, is anything damaged — and if all is well invite them to confirm and
 * review. One task per delivered order; its outcome is recorded.
 */
export const deliveryFollowUps = pgTable(
  "delivery_follow_ups",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    orderId: text("order_id").notNull(),
    customerId: text("customer_id").notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }).notNull(),
    /** Ask within a day of delivery, while the parcel is fresh. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** open, asked (the question went out), done */
    state: text("state").notNull().default("open"),
    /** all_good, problem, no_answer, not_needed */
    outcome: text("outcome"),
    note: text("note"),
    askedBy: text("asked_by"),
    askedAt: timestamp("asked_at", { withTimezone: true }),
    conversationId: text("conversation_id"),
    /** The case opened when the buyer reported a problem. */
    caseId: text("case_id"),
    doneBy: text("done_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("delivery_follow_ups_order_idx").on(t.orderId), index("delivery_follow_ups_due_idx").on(t.workspaceId, t.state, t.dueAt)],
);
