// The rules of 催付 (seed 002; caps, quiet hours and timing are this product's design,
// SPEC §11), pure so they are tested at the minute: when an order's next automatic
// reminder is due, whether a moment is inside the shop's quiet hours, and when those end.
// Every time here is an instant (epoch ms); wall-clock times are the shop's zone.
import { localDate, zoneOffsetMs, zonedTime } from "../../platform/time/zone";
import { isUnpaid, type OrderStatus } from "../orders";

/** An order gets at most two reminders in all, by hand and automatic together. */
export const MAX_REMINDERS = 2;

/**
 * An automatic reminder more than a day late is dropped, not sent: a batch of old unpaid
 * orders reported by the shop's system, or a server that was off for days, must not
 * message every buyer at once about orders they forgot long ago. Agents may still send one.
 */
export const STALE_AFTER_MS = 24 * 3_600_000;

export interface QuietHours {
  /** "HH:MM" shop time; start > end runs across midnight; start = end means none. */
  start: string;
  end: string;
}

export interface ReminderRules {
  enabled: boolean;
  /** The first reminder: this long after the order was created. */
  firstAfterMinutes: number;
  /** The second: this long after the first (whoever sent it). */
  secondAfterMinutes: number;
  quietHours: QuietHours;
}

/**
 * Seed 002 gives no times: its morning routine reminds yesterday's unpaid orders. So the
 * first comes half an hour after the order (the buyer may just be on the way to pay), the
 * second 12 hours after the first, which with quiet hours 22:00–09:00 lands most second
 * reminders on the next morning, as in the seed's routine.
 */
export const DEFAULT_REMINDER_RULES: ReminderRules = {
  enabled: true,
  firstAfterMinutes: 30,
  secondAfterMinutes: 12 * 60,
  quietHours: { start: "22:00", end: "09:00" },
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The shop's stored settings over the defaults; a stored value that no longer parses falls back. */
export function reminderRulesOf(settings: Record<string, unknown>): ReminderRules {
  const stored = (settings.unpaidReminders ?? {}) as Record<string, unknown>;
  const num = (v: unknown, fallback: number) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : fallback);
  const quiet = stored.quietHours as Partial<QuietHours> | undefined;
  const quietOk = quiet && typeof quiet.start === "string" && typeof quiet.end === "string" && minutesOf(quiet.start) !== null && minutesOf(quiet.end) !== null;
  return {
    enabled: typeof stored.enabled === "boolean" ? stored.enabled : DEFAULT_REMINDER_RULES.enabled,
    firstAfterMinutes: num(stored.firstAfterMinutes, DEFAULT_REMINDER_RULES.firstAfterMinutes),
    secondAfterMinutes: num(stored.secondAfterMinutes, DEFAULT_REMINDER_RULES.secondAfterMinutes),
    quietHours: quietOk ? { start: quiet.start!, end: quiet.end! } : { ...DEFAULT_REMINDER_RULES.quietHours },
  };
}

/** Minutes since local midnight at the instant, in the zone. */
function localMinutes(at: number, timeZone: string): number {
  const local = new Date(at + zoneOffsetMs(at, timeZone));
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** Inside quiet hours: from start (inclusive) to end (exclusive), shop time. */
export function isQuietAt(at: number, timeZone: string, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start)!;
  const end = minutesOf(quiet.end)!;
  if (start === end) return false;
  const m = localMinutes(at, timeZone);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The instant itself when it is outside quiet hours, else the moment they end (shop time). */
export function outOfQuietHours(at: number, timeZone: string, quiet: QuietHours): number {
  if (!isQuietAt(at, timeZone, quiet)) return at;
  const start = minutesOf(quiet.start)!;
  const end = minutesOf(quiet.end)!;
  const m = localMinutes(at, timeZone);
  // Across midnight and still before it: the quiet hours end tomorrow morning.
  const days = start > end && m >= start ? 1 : 0;
  const date = localDate(at, timeZone);
  const ends = zonedTime({ ...date, day: date.day + days }, timeZone, Math.floor(end / 60), end % 60);
  // A DST gap can put the wall-clock end before `at` by the shifted hour; never go back.
  return Math.max(ends, at);
}

export interface SentReminder {
  ordinal: number;
  sentAt: Date;
}

export type NextReminder =
  | { kind: "none"; reason: "not_unpaid" | "disabled" | "cap" | "stale" }
  /** The next automatic reminder and when; `at` ≤ now means send it now. */
  | { kind: "due"; ordinal: number; at: number };

/**
 * The order's next automatic reminder at `now`: none once it is paid or cancelled, when
 * the shop switched the sequence off, after two reminders, or when it is a day late;
 * else the first `firstAfterMinutes` after the order, the second `secondAfterMinutes`
 * after the latest reminder, moved out of quiet hours.
 */
export function nextAutomatic(input: { status: OrderStatus; createdAt: Date; sent: SentReminder[]; rules: ReminderRules; timeZone: string; now: number }): NextReminder {
  const { rules, sent } = input;
  if (!isUnpaid(input.status)) return { kind: "none", reason: "not_unpaid" };
  if (!rules.enabled) return { kind: "none", reason: "disabled" };
  if (sent.length >= MAX_REMINDERS) return { kind: "none", reason: "cap" };
  const latest = sent.reduce<number | null>((max, r) => (max === null || r.sentAt.getTime() > max ? r.sentAt.getTime() : max), null);
  const due = latest === null ? input.createdAt.getTime() + rules.firstAfterMinutes * 60_000 : latest + rules.secondAfterMinutes * 60_000;
  if (input.now - due > STALE_AFTER_MS) return { kind: "none", reason: "stale" };
  return { kind: "due", ordinal: sent.length + 1, at: outOfQuietHours(Math.max(due, input.now), input.timeZone, rules.quietHours) };
}
