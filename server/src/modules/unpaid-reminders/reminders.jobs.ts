// The automatic sequence's timers: one job per unpaid order in the jobs table (it survives
// a restart), set when the order is created and moved after each reminder. The order
// listener runs inside the order's own transaction, so a payment or a cancellation drops
// the pending reminder in the same commit: there is no moment when the order is paid and
// its reminder still waits.
import type { JobRunner } from "../../platform/jobs/jobs";
import type { ChatDeps } from "../conversations";
import { onOrderChange } from "../orders";
import { findShopById } from "../workspace";
import { REMINDER_QUEUE } from "./reminders.repo";
import { runAutomatic, scheduleNext } from "./reminders.service";

export function startUnpaidReminders(deps: ChatDeps, jobs: JobRunner): void {
  onOrderChange("unpaid-reminders", async (tx, change) => {
    if (change.kind !== "created" && change.kind !== "status") return;
    const shop = await findShopById(tx, change.order.shopId);
    if (!shop) return;
    // Paid, cancelled, refunded: the timer goes; created or awaiting payment: it is (re)set.
    await scheduleNext(tx, change.order, shop, Date.now());
  });

  jobs.handle(REMINDER_QUEUE, async (job) => {
    const { workspaceId, orderId } = job.payload as { workspaceId: string; orderId: string };
    // The runner takes a job once it is due, so in service "now" is the clock; a test's
    // runDue(at) takes jobs early, and their due time is then the moment they run at.
    const now = Math.max(Date.now(), new Date(job.run_at).getTime());
    await runAutomatic(deps, workspaceId, orderId, now);
  });
}
