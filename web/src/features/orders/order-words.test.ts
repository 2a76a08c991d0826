import { describe, expect, it } from "vitest";
import { cutoffNow, hoursAndMinutes, latestLogistics, orderActionsFor, shopClock } from "./order-words";

const ev = (at: string, kind = "logistics", location: string | null = "杭州") => ({ id: at, kind, status: null, location, description: "x", agentId: null, at });

describe("order words", () => {
  it("finds the newest courier event, ignoring status changes", () => {
    expect(latestLogistics([ev("2026-12-01T01:00:00Z"), ev("2026-12-02T01:00:00Z", "status"), ev("2026-12-01T05:00:00Z", "logistics", "上海")])?.location).toBe("上海");
    expect(latestLogistics([ev("2026-12-01T01:00:00Z", "status")])).toBeNull();
  });

  it("reads the cut-off on the shop's clock, not the agent's", () => {
    // 07:30 UTC is 15:30 in Shanghai: 30 minutes before a 16:00 cut-off.
    const now = new Date("2026-12-02T07:30:00Z");
    expect(shopClock(now, "Asia/Shanghai")).toBe("15:30");
    expect(cutoffNow("16:00", now, "Asia/Shanghai")).toEqual({ shipsToday: true, minutesLeft: 30 });
    expect(cutoffNow("16:00", new Date("2026-12-02T08:00:00Z"), "Asia/Shanghai")).toEqual({ shipsToday: false, minutesLeft: 0 });
    expect(cutoffNow("16:00", now, "Europe/Berlin")).toEqual({ shipsToday: true, minutesLeft: 450 });
    expect(cutoffNow(undefined, now, "Asia/Shanghai")).toBeNull();
  });

  it("reads the time left as hours and minutes", () => {
    expect(hoursAndMinutes(957)).toEqual({ hours: 15, minutes: 57 });
    expect(hoursAndMinutes(45)).toEqual({ hours: 0, minutes: 45 });
    expect(hoursAndMinutes(-3)).toEqual({ hours: 0, minutes: 0 });
  });

  it("offers only the actions the order's state allows", () => {
    const item = { position: 0, productId: "p", skuId: "s", title: "t", color: "黑", size: "M", qty: 1, priceCents: 100 };
    const recipient = { name: "王", phone: "139****5678", address: "上海市****", revealed: false };
    expect(orderActionsFor({ status: "awaiting_payment", shippedAt: null, recipient, items: [item] })).toMatchObject({ cancel: true, addressCheck: false, skuChange: false, courier: true });
    expect(orderActionsFor({ status: "paid", shippedAt: null, recipient, items: [item] })).toMatchObject({ cancel: false, addressCheck: true, skuChange: true, remark: true, ship: true });
    expect(orderActionsFor({ status: "shipped", shippedAt: "2026-12-01T00:00:00Z", recipient, items: [item] })).toMatchObject({ addressCheck: false, skuChange: false, remark: false, courier: false });
    expect(orderActionsFor({ status: "paid", shippedAt: null, recipient: null, items: [item] }).addressCheck).toBe(false);
  });
});
