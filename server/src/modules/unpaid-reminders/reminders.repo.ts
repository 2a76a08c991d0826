// The SQL of 催付: the reminders of an order, the pending timers, the unpaid list.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { jobs } from "../../platform/jobs/jobs.schema";
import { customers } from "../customers";
import { orders, unpaidReminders, type OrderRow } from "../orders";
import { agents } from "../staff";

export const REMINDER_QUEUE = "unpaid-reminder";

export type ReminderRow = typeof unpaidReminders.$inferSelect;

export function remindersOf(db: Db, orderId: string): Promise<ReminderRow[]> {
  return db.select().from(unpaidReminders).where(eq(unpaidReminders.orderId, orderId)).orderBy(asc(unpaidReminders.ordinal));
}

export async function insertReminder(db: Db, order: OrderRow, r: { ordinal: number; automatic: boolean; agentId: string | null; template: string | null; text: string; conversationId: string; messageId: string; sentAt: Date }): Promise<ReminderRow> {
  const [row] = await db
    .insert(unpaidReminders)
    .values({ id: newId("urem"), workspaceId: order.workspaceId, shopId: order.shopId, orderId: order.id, ...r })
    .returning();
  return row!;
}

/** The pending automatic reminder's time per order (the job's run_at), for the list. */
export async function pendingTimers(db: Db, orderIds: string[]): Promise<Map<string, Date>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .select({ key: jobs.singletonKey, runAt: jobs.runAt })
    .from(jobs)
    .where(and(eq(jobs.queue, REMINDER_QUEUE), eq(jobs.state, "pending"), inArray(jobs.singletonKey, orderIds)));
  return new Map(rows.map((r) => [r.key!, r.runAt]));
}

export async function remindersByOrder(db: Db, orderIds: string[]) {
  const byOrder = new Map<string, { ordinal: number; automatic: boolean; agentId: string | null; agentName: string | null; template: string | null; sentAt: string }[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select({ r: unpaidReminders, agentName: agents.name })
    .from(unpaidReminders)
    .leftJoin(agents, eq(agents.id, unpaidReminders.agentId))
    .where(inArray(unpaidReminders.orderId, orderIds))
    .orderBy(asc(unpaidReminders.orderId), asc(unpaidReminders.ordinal));
  for (const { r, agentName } of rows) {
    const list = byOrder.get(r.orderId) ?? [];
    list.push({ ordinal: r.ordinal, automatic: r.automatic, agentId: r.agentId, agentName: agentName ?? null, template: r.template, sentAt: r.sentAt.toISOString() });
    byOrder.set(r.orderId, list);
  }
  return byOrder;
}

/** Created-but-unpaid orders of the workspace (or one shop), newest first, with the buyer's nick. */
export function unpaidOrders(db: Db, workspaceId: string, shopId: string | undefined, limit: number, orderId?: string) {
  return db
    .select({ order: orders, nick: customers.nick })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(
      and(
        eq(orders.workspaceId, workspaceId),
        shopId ? eq(orders.shopId, shopId) : undefined,
        orderId ? eq(orders.id, orderId) : undefined,
        inArray(orders.status, ["created", "awaiting_payment"]),
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}
