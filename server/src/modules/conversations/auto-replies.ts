// Auto-replies (自动回复) are shop settings; the defaults are the seeds' own wording
// (welcome and busy from seed 000, away from seed 004). They go out as bot messages,
// which never count as a human reply.
import { zoneOffsetMs } from "../../platform/time/zone";
import { DEFAULT_AUTO_REPLIES } from "../workspace";

interface AutoReplySettings {
  welcome?: string;
  welcomeBack?: string;
  busy?: string;
  away?: string;
}

const DEFAULTS: Required<AutoReplySettings> = DEFAULT_AUTO_REPLIES;

function replies(settings: Record<string, unknown>): Required<AutoReplySettings> {
  return { ...DEFAULTS, ...((settings.autoReplies ?? {}) as AutoReplySettings) };
}

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, key: string) => vars[key] ?? all);

export function welcomeText(shopName: string, settings: Record<string, unknown>, returning: boolean): string {
  const r = replies(settings);
  return fill(returning ? r.welcomeBack : r.welcome, { shop: shopName });
}

export function busyText(shopName: string, settings: Record<string, unknown>): string {
  return fill(replies(settings).busy, { shop: shopName });
}

export function awayText(shopName: string, settings: Record<string, unknown>): string {
  const hours = serviceHours(settings);
  return fill(replies(settings).away, { shop: shopName, back: hours?.start ?? "09:00" });
}

function serviceHours(settings: Record<string, unknown>): { start: string; end: string } | null {
  const h = settings.serviceHours as { start?: unknown; end?: unknown } | undefined;
  return h && typeof h.start === "string" && typeof h.end === "string" ? { start: h.start, end: h.end } : null;
}

/** Inside the shop's service hours (shop time zone)? Always, when none are set. */
export function withinServiceHours(settings: Record<string, unknown>, timezone: string, at: Date): boolean {
  const hours = serviceHours(settings);
  if (!hours) return true;
  const wall = new Date(at.getTime() + zoneOffsetMs(at.getTime(), timezone));
  const now = `${String(wall.getUTCHours()).padStart(2, "0")}:${String(wall.getUTCMinutes()).padStart(2, "0")}`;
  return hours.start <= hours.end ? now >= hours.start && now < hours.end : now >= hours.start || now < hours.end;
}
