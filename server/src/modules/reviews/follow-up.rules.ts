// The rules of the neutral/bad review follow-up (SPEC §5; seeds 000, 001, 002), pure.
//
// Seed 000 §6 中差评处理: contact the buyer at once, find out what happened, explain and
// move them ("晓之于理，动之于情") — most then change the review; for malicious reviews
// collect evidence for the appeal. Seed 001's FAQ gives the words for the first contact.
// Seed 002: explain bad reviews, contact the buyer yourself, deal with them in time.
//
// No seed states how long the buyer may still change a review. Taobao's published rule
// is 30 days after a neutral or bad review, so that is the default of the shop setting
// `reviews.modifyDeadlineDays`; the task is due then.
import type { FollowUpOutcome, FollowUpStatus } from "./reviews.schema";

export type Rating = "good" | "neutral" | "bad";

/** Seed 001, 客服常见问题集, "中差评时：不管是电话还是网上用语". */
export const SEED_APOLOGY = "非常抱歉，我的东西没能让您满意，影响了您的购物心情，您看看怎么解决合适呢？";
export const DEFAULT_MODIFY_DEADLINE_DAYS = 30;

const DAY = 86_400_000;
/** Two days before the deadline: enough to reach a buyer who answers slowly. */
export const FOLLOW_UP_DUE_SOON_MS = 2 * DAY;

export interface ReviewSettings {
  modifyDeadlineDays: number;
  apologyTemplate: string;
}

/** The shop's stored `reviews` settings over the defaults; a stored value that does not fit falls back. */
export function reviewSettingsOf(settings: Record<string, unknown>): ReviewSettings {
  const stored = (settings.reviews ?? {}) as Record<string, unknown>;
  const days = stored.modifyDeadlineDays;
  const template = stored.apologyTemplate;
  return {
    modifyDeadlineDays: typeof days === "number" && Number.isInteger(days) && days >= 1 ? days : DEFAULT_MODIFY_DEADLINE_DAYS,
    apologyTemplate: typeof template === "string" && template.trim() !== "" ? template : SEED_APOLOGY,
  };
}

export function needsFollowUp(rating: Rating): boolean {
  return rating === "neutral" || rating === "bad";
}

/** The platform's modification deadline: the review's time plus the shop's days (24 h each). */
export function modifyDeadline(reviewAt: number, settings: ReviewSettings): number {
  return reviewAt + settings.modifyDeadlineDays * DAY;
}

/**
 * A task is opened only while the buyer can still change the review: an old bad review
 * imported long after its deadline is listed with the reviews but asks nobody to call.
 */
export function opensFollowUp(rating: Rating, reviewAt: number, settings: ReviewSettings, now: number): boolean {
  return needsFollowUp(rating) && modifyDeadline(reviewAt, settings) > now;
}

export type FollowUpState = "ok" | "due_soon" | "overdue" | "closed";

export function followUpState(status: FollowUpStatus, dueAt: number, now: number): FollowUpState {
  if (status === "closed") return "closed";
  if (now >= dueAt) return "overdue";
  return dueAt - now <= FOLLOW_UP_DUE_SOON_MS ? "due_soon" : "ok";
}

export const FOLLOW_UP_OUTCOMES = ["modified", "explained", "declined", "malicious"] as const satisfies readonly FollowUpOutcome[];
export const FOLLOW_UP_ACTIONS = ["take", "contact", "evidence", "outcome", "reopen"] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/** What can be done now: open tasks are worked on; a closed one can be reopened, and a malicious one gathers more evidence. */
export function followUpActions(task: { status: FollowUpStatus; outcome: FollowUpOutcome | null }): FollowUpAction[] {
  if (task.status === "open") return ["take", "contact", "evidence", "outcome"];
  return task.outcome === "malicious" ? ["evidence", "reopen"] : ["reopen"];
}

/** What a change of the review's rating does to its task (re-import or API update of the same review). */
export type RatingChange = { kind: "close_modified" } | { kind: "reopen" } | { kind: "record" };

export function onRatingChange(task: { status: FollowUpStatus; outcome: FollowUpOutcome | null }, to: Rating): RatingChange {
  // The buyer changed a neutral/bad review to good: that is the outcome the task was for.
  if (to === "good") return task.status === "open" ? { kind: "close_modified" } : { kind: "record" };
  // Back to neutral/bad after the task was closed as "modified": the work is not done.
  if (task.status === "closed" && task.outcome === "modified") return { kind: "reopen" };
  return { kind: "record" };
}
