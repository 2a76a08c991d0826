// Pure words and choices of the 催付 panel, tested on their own.
import type { FilledTemplate } from "./unpaid-reminders-api";

/** How old an unpaid order is, as an i18n key and count: 45 minutes, 3 hours, 2 days. */
export function ageParts(minutes: number): { key: string; count: number } {
  if (minutes < 60) return { key: "unpaidReminders.age.minutes", count: Math.max(0, Math.floor(minutes)) };
  if (minutes < 48 * 60) return { key: "unpaidReminders.age.hours", count: Math.floor(minutes / 60) };
  return { key: "unpaidReminders.age.days", count: Math.floor(minutes / (24 * 60)) };
}

/** 0.6667 → "66.7%"; no reminded orders → "—" (no rate, not 0%). */
export function ratePercent(rate: number | null): string {
  if (rate === null) return "—";
  const pct = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** A template every variable of which has a value for this order. */
export const isReady = (t: FilledTemplate) => t.missing.length === 0;

/** The template offered first: as the automatic sequence chooses, the first ready one not used for this order yet. */
export function firstChoice(templates: FilledTemplate[], usedKeys: (string | null)[]): FilledTemplate | null {
  const ready = templates.filter(isReady);
  return ready.find((t) => !usedKeys.includes(t.key)) ?? ready[0] ?? templates[0] ?? null;
}

/** {variables} still in a draft: it cannot go out like that. */
export function unfilled(text: string, variables: readonly string[]): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => variables.includes(name)))];
}

/** The reminder variables (server: templates.ts), for checking a draft before sending. */
export const REMINDER_VARIABLES = ["buyer", "shop", "product", "order", "total", "chat_day", "asked_product", "promotion", "promotion_end", "cutoff", "courier"] as const;
