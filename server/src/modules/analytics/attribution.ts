// Which orders the customer service earned (客服销售额): an order counts when it
// was created (for orderingBuyers) or paid (for payingBuyers and sales) inside
// the attribution window of one of its buyer's inquiries. Buyers who never
// inquired (静默下单) have no windows, so their orders are never attributed.
import type { HumanMark } from "./conversation-facts";
import { attributionWindowEnd } from "./period";
import type { FiguresOrder } from "./types";

export interface AttributedOrder {
  order: FiguresOrder;
  /** createdAt falls in a window: counts for orderingBuyers. */
  createdInWindow: boolean;
  /** paidAt falls in a window: counts for payingBuyers, sales and orders (even when created before the chat, 催付). */
  paidInWindow: boolean;
  /** Agent of the last human message at or before creation; only with `byAgent`. */
  agentAtCreation?: string;
  /** Agent of the last human message at or before payment; only with `byAgent`. */
  agentAtPayment?: string;
}

/** Number of items of an ascending list that are ≤ `t` (= index of the first one after it). */
function countAtOrBefore<T>(list: readonly T[], t: number, timeOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(list[mid] as T) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const itself = (t: number) => t;
const markTime = (mark: HumanMark) => mark.at;

export interface AttributionSettings {
  timezone: string;
  extraDays: number;
}

/**
 * Is `t` inside the window of one of these inquiries (ascending)? A message at
 * the same instant as the order counts as before it, so an inquiry at `t`
 * opens a window containing `t`. Windows end at a shop-calendar midnight that
 * never moves earlier for a later inquiry, so the latest inquiry at or before
 * `t` has the window that reaches furthest: it is the only one to check.
 */
export function inAttributionWindow(inquiries: readonly number[], t: number, settings: AttributionSettings): boolean {
  const n = countAtOrBefore(inquiries, t, itself);
  if (n === 0) return false;
  return t < attributionWindowEnd(inquiries[n - 1] as number, settings.timezone, settings.extraDays);
}

/**
 * The agent of the last human message at or before `t` in the buyer's pre-sales
 * conversations (messages at the same instant count as before, and the latest
 * of them by arrival is the last). Undefined when there is none, or when that
 * message names no agent.
 */
export function lastHumanAgent(humans: readonly HumanMark[] | undefined, t: number): string | undefined {
  if (!humans) return undefined;
  const n = countAtOrBefore(humans, t, markTime);
  return n === 0 ? undefined : humans[n - 1]?.agent;
}

/** The orders attributed through at least one window, each once. */
export function attributeOrders(
  orders: readonly FiguresOrder[],
  inquiriesByCustomer: ReadonlyMap<string, readonly number[]>,
  humanMessagesByCustomer: ReadonlyMap<string, readonly HumanMark[]> | null,
  settings: AttributionSettings,
): AttributedOrder[] {
  const attributed: AttributedOrder[] = [];
  for (const order of orders) {
    const inquiries = inquiriesByCustomer.get(order.customer);
    if (!inquiries) continue;
    const createdInWindow = inAttributionWindow(inquiries, order.createdAt, settings);
    const paidInWindow = order.paidAt !== null && inAttributionWindow(inquiries, order.paidAt, settings);
    if (!createdInWindow && !paidInWindow) continue;
    const item: AttributedOrder = { order, createdInWindow, paidInWindow };
    if (humanMessagesByCustomer) {
      const humans = humanMessagesByCustomer.get(order.customer);
      if (createdInWindow) item.agentAtCreation = lastHumanAgent(humans, order.createdAt);
      if (paidInWindow && order.paidAt !== null) item.agentAtPayment = lastHumanAgent(humans, order.paidAt);
    }
    attributed.push(item);
  }
  return attributed;
}
