// The 催付 rules at the minute: quiet hours at the shop-time boundary (a window across
// midnight and one inside a day, in Shanghai and in a zone with summer time), the timing
// of the two reminders, the cap counting hand-sent ones, stop on payment/cancellation.
import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_RULES, isQuietAt, nextAutomatic, outOfQuietHours, reminderRulesOf, STALE_AFTER_MS, type ReminderRules } from "./rules";

const SH = "Asia/Shanghai";
/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => Date.parse(`${local}+08:00`);
const night = { start: "22:00", end: "09:00" };

describe("quiet hours", () => {
  it("22:00–09:00 shop time: 21:59 is not quiet, 22:00 is, 08:59 is, 09:00 is not", () => {
    expect(isQuietAt(sh("2027-01-05T21:59:00"), SH, night)).toBe(false);
    expect(isQuietAt(sh("2027-01-05T21:59:59"), SH, night)).toBe(false);
    expect(isQuietAt(sh("2027-01-05T22:00:00"), SH, night)).toBe(true);
    expect(isQuietAt(sh("2027-01-06T00:00:00"), SH, night)).toBe(true);
    expect(isQuietAt(sh("2027-01-06T08:59:00"), SH, night)).toBe(true);
    expect(isQuietAt(sh("2027-01-06T09:00:00"), SH, night)).toBe(false);
    expect(isQuietAt(sh("2027-01-06T13:00:00"), SH, night)).toBe(false);
  });

  it("a reminder falling in quiet hours waits until they end, across midnight or after it", () => {
    expect(outOfQuietHours(sh("2027-01-05T21:59:00"), SH, night)).toBe(sh("2027-01-05T21:59:00"));
    expect(outOfQuietHours(sh("2027-01-05T22:00:00"), SH, night)).toBe(sh("2027-01-06T09:00:00"));
    expect(outOfQuietHours(sh("2027-01-05T23:30:00"), SH, night)).toBe(sh("2027-01-06T09:00:00"));
    expect(outOfQuietHours(sh("2027-01-06T03:00:00"), SH, night)).toBe(sh("2027-01-06T09:00:00"));
    expect(outOfQuietHours(sh("2027-01-06T09:00:00"), SH, night)).toBe(sh("2027-01-06T09:00:00"));
    // Across a month's end.
    expect(outOfQuietHours(sh("2027-01-31T22:10:00"), SH, night)).toBe(sh("2027-02-01T09:00:00"));
  });

  it("a window inside one day (12:00–14:00) and an empty one (start = end)", () => {
    const lunch = { start: "12:00", end: "14:00" };
    expect(isQuietAt(sh("2027-01-05T11:59:00"), SH, lunch)).toBe(false);
    expect(isQuietAt(sh("2027-01-05T12:00:00"), SH, lunch)).toBe(true);
    expect(isQuietAt(sh("2027-01-05T14:00:00"), SH, lunch)).toBe(false);
    expect(outOfQuietHours(sh("2027-01-05T13:10:00"), SH, lunch)).toBe(sh("2027-01-05T14:00:00"));
    const none = { start: "00:00", end: "00:00" };
    expect(isQuietAt(sh("2027-01-05T03:00:00"), SH, none)).toBe(false);
  });

  it("counts in the shop's zone, not the server's or UTC: New York with summer time", () => {
    const NY = "America/New_York";
    // 22:00 in New York is 03:00 UTC in winter (EST, −5) and 02:00 UTC in summer (EDT, −4).
    expect(isQuietAt(Date.parse("2027-01-06T02:59:00Z"), NY, night)).toBe(false);
    expect(isQuietAt(Date.parse("2027-01-06T03:00:00Z"), NY, night)).toBe(true);
    expect(isQuietAt(Date.parse("2027-07-06T01:59:00Z"), NY, night)).toBe(false);
    expect(isQuietAt(Date.parse("2027-07-06T02:00:00Z"), NY, night)).toBe(true);
    // The same instant is 10:59 in Shanghai: not quiet there.
    expect(isQuietAt(Date.parse("2027-01-06T02:59:00Z"), SH, night)).toBe(false);
    // A night across the spring change (14 March 2027, clocks 02:00 → 03:00): quiet ends at 09:00 EDT = 13:00 UTC.
    expect(outOfQuietHours(Date.parse("2027-03-14T04:00:00Z"), NY, night)).toBe(Date.parse("2027-03-14T13:00:00Z"));
    // Europe/Berlin in winter: 09:00 CET is 08:00 UTC.
    expect(outOfQuietHours(Date.parse("2027-01-06T05:00:00Z"), "Europe/Berlin", night)).toBe(Date.parse("2027-01-06T08:00:00Z"));
  });
});

describe("the automatic sequence", () => {
  const rules: ReminderRules = { ...DEFAULT_REMINDER_RULES, firstAfterMinutes: 30, secondAfterMinutes: 720 };
  const base = { status: "awaiting_payment" as const, rules, timeZone: SH };
  const createdAt = new Date(sh("2027-01-05T10:00:00"));

  it("the first 30 minutes after the order, the second 12 hours after the first (22:30 is quiet: 09:00)", () => {
    expect(nextAutomatic({ ...base, createdAt, sent: [], now: createdAt.getTime() })).toEqual({ kind: "due", ordinal: 1, at: sh("2027-01-05T10:30:00") });
    const first = { ordinal: 1, sentAt: new Date(sh("2027-01-05T10:30:00")) };
    expect(nextAutomatic({ ...base, createdAt, sent: [first], now: sh("2027-01-05T10:30:00") })).toEqual({ kind: "due", ordinal: 2, at: sh("2027-01-06T09:00:00") });
  });

  it("an order at 21:45 is not reminded at 22:15 but at 09:00; one at 21:29 is reminded at 21:59", () => {
    expect(nextAutomatic({ ...base, createdAt: new Date(sh("2027-01-05T21:45:00")), sent: [], now: sh("2027-01-05T21:45:00") })).toMatchObject({ at: sh("2027-01-06T09:00:00") });
    expect(nextAutomatic({ ...base, createdAt: new Date(sh("2027-01-05T21:29:00")), sent: [], now: sh("2027-01-05T21:29:00") })).toMatchObject({ at: sh("2027-01-05T21:59:00") });
    expect(nextAutomatic({ ...base, createdAt: new Date(sh("2027-01-05T21:30:00")), sent: [], now: sh("2027-01-05T21:30:00") })).toMatchObject({ at: sh("2027-01-06T09:00:00") });
    expect(nextAutomatic({ ...base, createdAt: new Date(sh("2027-01-06T08:30:00")), sent: [], now: sh("2027-01-06T08:30:00") })).toMatchObject({ at: sh("2027-01-06T09:00:00") });
  });

  it("a reminder by hand counts: after one, the automatic one is the second; after two, none (the cap)", () => {
    const byHand = { ordinal: 1, sentAt: new Date(sh("2027-01-05T10:05:00")) };
    expect(nextAutomatic({ ...base, createdAt, sent: [byHand], now: sh("2027-01-05T10:05:00") })).toEqual({ kind: "due", ordinal: 2, at: sh("2027-01-06T09:00:00") });
    const second = { ordinal: 2, sentAt: new Date(sh("2027-01-05T11:00:00")) };
    expect(nextAutomatic({ ...base, createdAt, sent: [byHand, second], now: sh("2027-01-05T11:00:00") })).toEqual({ kind: "none", reason: "cap" });
  });

  it("stops once the order is paid, and never starts for a cancelled one", () => {
    for (const status of ["paid", "cancelled", "shipped", "refunded"] as const) {
      expect(nextAutomatic({ ...base, status, createdAt, sent: [], now: createdAt.getTime() })).toEqual({ kind: "none", reason: "not_unpaid" });
    }
    expect(nextAutomatic({ ...base, status: "created", createdAt, sent: [], now: createdAt.getTime() })).toMatchObject({ kind: "due", ordinal: 1 });
  });

  it("a late order is reminded now (out of quiet hours); one more than a day late is not reminded automatically", () => {
    // Reported at 15:00 for an order of 10:00: due since 10:30, sent at once.
    expect(nextAutomatic({ ...base, createdAt, sent: [], now: sh("2027-01-05T15:00:00") })).toMatchObject({ at: sh("2027-01-05T15:00:00") });
    // Reported at 23:00: waits for the morning.
    expect(nextAutomatic({ ...base, createdAt, sent: [], now: sh("2027-01-05T23:00:00") })).toMatchObject({ at: sh("2027-01-06T09:00:00") });
    const due = sh("2027-01-05T10:30:00");
    expect(nextAutomatic({ ...base, createdAt, sent: [], now: due + STALE_AFTER_MS })).toMatchObject({ kind: "due" });
    expect(nextAutomatic({ ...base, createdAt, sent: [], now: due + STALE_AFTER_MS + 1 })).toEqual({ kind: "none", reason: "stale" });
  });

  it("switched off by the shop: none", () => {
    expect(nextAutomatic({ ...base, rules: { ...rules, enabled: false }, createdAt, sent: [], now: createdAt.getTime() })).toEqual({ kind: "none", reason: "disabled" });
  });
});

describe("the shop's settings", () => {
  it("defaults: on, 30 minutes, 12 hours, 22:00–09:00", () => {
    expect(reminderRulesOf({})).toEqual({ enabled: true, firstAfterMinutes: 30, secondAfterMinutes: 720, quietHours: { start: "22:00", end: "09:00" } });
  });
  it("stored values over the defaults; broken ones fall back", () => {
    expect(reminderRulesOf({ unpaidReminders: { enabled: false, firstAfterMinutes: 60, quietHours: { start: "23:00", end: "08:00" } } })).toEqual({
      enabled: false,
      firstAfterMinutes: 60,
      secondAfterMinutes: 720,
      quietHours: { start: "23:00", end: "08:00" },
    });
    expect(reminderRulesOf({ unpaidReminders: { firstAfterMinutes: -5, quietHours: { start: "25:00", end: "08:00" } } })).toMatchObject({ firstAfterMinutes: 30, quietHours: night });
  });
});
