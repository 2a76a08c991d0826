// How long a buyer has been waiting for an answer, and how urgent that looks. The
// thresholds are the seed shops' reply targets: 1 minute is fine, 5 minutes is a lost buyer.

export type WaitingLevel = "normal" | "warn" | "danger";

export const WARN_AFTER_MS = 60_000;
export const DANGER_AFTER_MS = 5 * 60_000;

export function waitingLevel(elapsedMs: number): WaitingLevel {
  if (elapsedMs >= DANGER_AFTER_MS) return "danger";
  if (elapsedMs >= WARN_AFTER_MS) return "warn";
  return "normal";
}

export const WAITING_COLORS: Record<WaitingLevel, string> = {
  normal: "#8c8c8c",
  warn: "#d48806",
  danger: "#cf1322",
};

/** Colour of the timer for a buyer waiting since `waitingSince` (ISO) at `now` (ms). */
export function waitingColor(waitingSince: string, now: number): string {
  return WAITING_COLORS[waitingLevel(elapsedSince(waitingSince, now))];
}

export function elapsedSince(iso: string, now: number): number {
  const start = Date.parse(iso);
  return Number.isFinite(start) ? Math.max(0, now - start) : 0;
}

/** 0:07, 4:59, 1:02:03 — a clock, not a sentence, so it needs no translation. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
