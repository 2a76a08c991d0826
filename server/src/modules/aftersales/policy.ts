// Is an after-sales request eligible, and why (SPEC §4, seed 000's 7-day no-reason
// return)? The agent sees "eligible because…" / "not eligible because…" as reason codes
// the workbench translates. The window is counted the way Taobao counts 七天无理由: from
// the day after the buyer signed for the parcel, in the shop's calendar days, so a parcel
// signed on the 1st may be returned until the 8th ends (shop time), whatever the hour.
import { startOfLocalDay } from "../../platform/time/zone";
import type { CaseKind } from "./workflow";

/** Why the buyer wants it (recorded honestly, seed 002: whatever the shop would prefer). */
export const REASON_CODES = [
  "no_reason",
  "size_fit",
  "color_style",
  "changed_mind",
  "quality",
  "damaged",
  "wrong_item",
  "missing_item",
  "not_as_described",
  "logistics",
  "service_attitude",
  "other",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Reasons that are the shop's doing: eligible outside the no-reason window, shop pays the return. */
const SHOP_FAULT = new Set<ReasonCode>(["quality", "damaged", "wrong_item", "missing_item", "not_as_described", "logistics"]);

export type ItemCondition = "unused" | "used" | "damaged_by_buyer";
export type EligibilityNote =
  | { code: "unpaid" }
  | { code: "not_shipped_refund" }
  | { code: "not_delivered" }
  | { code: "shop_fault" }
  | { code: "within_window"; deadline: string; days: number }
  | { code: "window_passed"; deadline: string; days: number }
  | { code: "not_resaleable" }
  | { code: "condition_unknown" };

export interface Eligibility {
  eligible: boolean;
  notes: EligibilityNote[];
  /** Who pays to send the goods back; null when nothing goes back. */
  returnShippingPaidBy: "buyer" | "shop" | null;
  /** End (exclusive) of the no-reason window, when it applies. */
  deadline: string | null;
}

export interface EligibilityInput {
  kind: CaseKind;
  reason: ReasonCode;
  order: { paidAt: number | null; shippedAt: number | null; deliveredAt: number | null };
  now: number;
  timezone: string;
  /** Shop setting, possibly per category (default 7). */
  windowDays: number;
  condition: ItemCondition | null;
}

const GOODS_COME_BACK = new Set<CaseKind>(["return", "exchange", "quality_complaint", "wrong_item"]);

export function checkEligibility(input: EligibilityInput): Eligibility {
  const { order, reason } = input;
  const goodsBack = GOODS_COME_BACK.has(input.kind);
  if (order.paidAt === null) return { eligible: false, notes: [{ code: "unpaid" }], returnShippingPaidBy: null, deadline: null };
  // Paid but not shipped: the money goes back and nothing needs returning.
  if (order.shippedAt === null) return { eligible: true, notes: [{ code: "not_shipped_refund" }], returnShippingPaidBy: null, deadline: null };
  if (SHOP_FAULT.has(reason)) return { eligible: true, notes: [{ code: "shop_fault" }], returnShippingPaidBy: goodsBack ? "shop" : null, deadline: null };
  if (order.deliveredAt === null) return { eligible: false, notes: [{ code: "not_delivered" }], returnShippingPaidBy: null, deadline: null };

  const deadlineMs = startOfLocalDay(order.deliveredAt, input.timezone, 1 + input.windowDays);
  const deadline = new Date(deadlineMs).toISOString();
  const notes: EligibilityNote[] = [];
  const inWindow = input.now < deadlineMs;
  notes.push(inWindow ? { code: "within_window", deadline, days: input.windowDays } : { code: "window_passed", deadline, days: input.windowDays });
  let eligible = inWindow;
  if (goodsBack) {
    if (input.condition === null) notes.push({ code: "condition_unknown" });
    else if (input.condition !== "unused") {
      notes.push({ code: "not_resaleable" });
      eligible = false;
    }
  }
  return { eligible, notes, returnShippingPaidBy: goodsBack ? "buyer" : null, deadline };
}
