// Small pure rules the order drawer words: where the parcel is now, whether an order
// paid now still ships today (the shop's cut-off, seed 003), and what the agent may do.
import type { OrderStatus } from "../../platform/types";
import type { OrderView, TimelineEvent } from "./orders-api";

/** The newest courier event, or null before the parcel moved. */
export function latestLogistics(timeline: readonly TimelineEvent[]): TimelineEvent | null {
  let latest: TimelineEvent | null = null;
  for (const event of timeline) if (event.kind === "logistics" && (!latest || event.at >= latest.at)) latest = event;
  return latest;
}

/** HH:MM of an instant on the shop's clock. */
export function shopClock(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** Paid now, does it ship today? And how many minutes are left before the cut-off. */
export function cutoffNow(cutoff: string | undefined, now: Date, timeZone: string): { shipsToday: boolean; minutesLeft: number } | null {
  if (!cutoff || !/^\d{2}:\d{2}$/.test(cutoff)) return null;
  const [h, m] = shopClock(now, timeZone).split(":").map(Number) as [number, number];
  const [ch, cm] = cutoff.split(":").map(Number) as [number, number];
  const left = ch * 60 + cm - (h * 60 + m);
  return { shipsToday: left > 0, minutesLeft: Math.max(0, left) };
}

const UNPAID: OrderStatus[] = ["created", "awaiting_payment"];

/** What the agent may do to the order now; the server checks the same rules. */
export function orderActionsFor(order: Pick<OrderView, "status" | "shippedAt" | "recipient" | "items">) {
  const unpaid = UNPAID.includes(order.status);
  const paidUnshipped = order.status === "paid" && order.shippedAt === null;
  return {
    cancel: unpaid,
    addressCheck: paidUnshipped && order.recipient !== null,
    skuChange: paidUnshipped && order.items.some((i) => i.skuId !== null && i.productId !== null),
    remark: order.shippedAt === null && !["cancelled", "refunded"].includes(order.status),
    courier: (unpaid || order.status === "paid") && order.shippedAt === null,
    ship: paidUnshipped,
  };
}

/** 957 → { hours: 15, minutes: 57 }: what is left before the cut-off, as a clock reads it. */
export function hoursAndMinutes(totalMinutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.floor(totalMinutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}
