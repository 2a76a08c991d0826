import { describe, expect, it } from "vitest";
import { canMove, isBeforeShipping, isPaidUnshipped, isUnpaid } from "./order-status";

describe("order status moves", () => {
  it("goes forward from checkout to completion", () => {
    expect(canMove("awaiting_payment", "paid")).toBe(true);
    expect(canMove("paid", "shipped")).toBe(true);
    expect(canMove("shipped", "delivered")).toBe(true);
    expect(canMove("delivered", "completed")).toBe(true);
  });

  it("cancels only what is not paid", () => {
    expect(canMove("created", "cancelled")).toBe(true);
    expect(canMove("awaiting_payment", "cancelled")).toBe(true);
    expect(canMove("paid", "cancelled")).toBe(false);
    expect(canMove("shipped", "cancelled")).toBe(false);
  });

  it("never leaves a final status, nor goes back to unpaid", () => {
    for (const to of ["paid", "created", "shipped"] as const) {
      expect(canMove("cancelled", to)).toBe(false);
      expect(canMove("refunded", to)).toBe(false);
    }
    expect(canMove("paid", "awaiting_payment")).toBe(false);
  });

  it("puts a refused refund back", () => {
    expect(canMove("refunding", "shipped")).toBe(true);
    expect(canMove("refunding", "refunded")).toBe(true);
  });

  it("tells unpaid, paid-unshipped and before-shipping apart", () => {
    expect(isUnpaid("awaiting_payment")).toBe(true);
    expect(isUnpaid("paid")).toBe(false);
    expect(isPaidUnshipped({ status: "paid", shippedAt: null })).toBe(true);
    expect(isPaidUnshipped({ status: "paid", shippedAt: new Date() })).toBe(false);
    expect(isPaidUnshipped({ status: "shipped", shippedAt: new Date() })).toBe(false);
    expect(isBeforeShipping({ status: "awaiting_payment", shippedAt: null })).toBe(true);
    expect(isBeforeShipping({ status: "shipped", shippedAt: new Date() })).toBe(false);
  });
});
