// A promotion's window is written in the shop's wall-clock time ("双11 00:00" means
// midnight in the shop, wherever the server runs) and judged as instants: the start is
// inclusive, the end exclusive, so back-to-back windows never overlap.
import { localDate, parseLocalDate, zoneOffsetMs, zonedTime } from "../../platform/time/zone";

export const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

export interface LocalTime {
  date: { year: number; month: number; day: number };
  hour: number;
  minute: number;
}

/** "YYYY-MM-DDTHH:mm" strictly (a real date, a real time of day), or null. */
export function parseLocalTime(text: string): LocalTime | null {
  const m = LOCAL_TIME.exec(text);
  if (!m) return null;
  const date = parseLocalDate(m[1]!);
  return date ? { date, hour: Number(m[2]), minute: Number(m[3]) } : null;
}

/** The instant of a shop wall-clock time in `timeZone` (epoch ms); throws on a malformed time. */
export function shopInstant(text: string, timeZone: string): number {
  const local = parseLocalTime(text);
  if (!local) throw new Error(`not a shop time: ${text}`);
  return zonedTime(local.date, timeZone, local.hour, local.minute);
}

/** The shop wall-clock time of an instant, "YYYY-MM-DDTHH:mm" (seconds dropped). */
export function shopTimeOf(epochMs: number, timeZone: string): string {
  const { year, month, day } = localDate(epochMs, timeZone);
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}-${pad(day)}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export interface Windowed {
  enabled: boolean;
  startsAt: string;
  endsAt: string | null;
}

/** True when the promotion is switched on and `at` lies in [start, end) in the shop's zone. */
export function isActiveAt(rule: Windowed, at: number, timeZone: string): boolean {
  if (!rule.enabled) return false;
  if (at < shopInstant(rule.startsAt, timeZone)) return false;
  return rule.endsAt === null || at < shopInstant(rule.endsAt, timeZone);
}
