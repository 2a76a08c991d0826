// Timers that must survive a restart (催付 reminders, webhook retries, the demo courier):
// rows in the same database, taken by a poller with `for update skip locked`.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    /** At most one pending job per key (e.g. one reminder timer per order). */
    singletonKey: text("singleton_key"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    /** pending, done, failed */
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** A worker that took the job holds it until then; after a crash another takes it. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_due_idx").on(t.state, t.runAt), uniqueIndex("jobs_singleton_idx").on(t.queue, t.singletonKey)],
);
