// Colours and texts of ratings and follow-up states, shared by the lists, the drawer and the alerts.
import type { FollowUpState, Rating } from "./reviews-api";

export const RATING_COLOR: Record<Rating, string> = { good: "green", neutral: "orange", bad: "red" };
export const STATE_COLOR: Record<FollowUpState, string> = { ok: "blue", due_soon: "orange", overdue: "red", closed: "default" };

/** A period of whole days in the agent's browser → ISO bounds (from inclusive, to exclusive). */
export function periodBounds(from: Date | null, to: Date | null): { from: string | null; to: string | null } {
  const start = from ? new Date(from.getFullYear(), from.getMonth(), from.getDate()) : null;
  const end = to ? new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) : null;
  return { from: start?.toISOString() ?? null, to: end?.toISOString() ?? null };
}

/** The route section of a follow-up (#/reviews/<id>) or of a tab. */
export type ReviewsSection = { tab: "follow-ups"; followUpId: string | null } | { tab: "all" } | { tab: "settings" };

export function parseReviewsSection(section: string | null): ReviewsSection {
  if (section === "all") return { tab: "all" };
  if (section === "settings") return { tab: "settings" };
  if (section && section !== "follow-ups") return { tab: "follow-ups", followUpId: section };
  return { tab: "follow-ups", followUpId: null };
}
