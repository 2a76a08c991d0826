// "A neutral or bad review came in": a live alert for those who follow reviews up —
// after-sales agents and whoever oversees every conversation (supervisors, owners), the
// same people who get the SLA warnings. The event goes through the bus, so agents on
// other app nodes hear it too; one alert per shop and batch (an import of many reviews
// is one notice with a count, not a hundred).
import type { AuthContext } from "../../platform/auth/auth-context";
import type { EventBus } from "../../platform/events/bus";
import { REVIEW_FOLLOW_UPS_OPENED } from "../../platform/events/topics";
import type { ChatHub, ReviewAlertItem, ServerEvent } from "../conversations";
import type { OpenedFollowUp } from "./follow-up.service";

/** How many follow-ups an alert names; the rest are counted. */
export const ALERT_ITEMS = 5;

export interface ReviewAlert {
  shopId: string;
  total: number;
  items: ReviewAlertItem[];
}

export function followsReviewsUp(auth: AuthContext): boolean {
  return auth.abilities.has("reviews.reply") && (auth.agent.team === "aftersales" || auth.abilities.has("conversations.view_all"));
}

export async function publishReviewAlerts(bus: EventBus, opened: readonly OpenedFollowUp[]): Promise<void> {
  const groups = new Map<string, OpenedFollowUp[]>();
  for (const o of opened) {
    const key = `${o.workspaceId}\n${o.shopId}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  for (const list of groups.values()) {
    const { workspaceId, shopId } = list[0]!;
    const items = list.slice(0, ALERT_ITEMS).map(({ followUpId, reviewId, rating, nick, text, dueAt }) => ({ followUpId, reviewId, rating: rating as "neutral" | "bad", nick, text, dueAt }));
    const payload: ReviewAlert = { shopId, total: list.length, items };
    await bus.publish({ topic: REVIEW_FOLLOW_UPS_OPENED, workspaceId, payload });
  }
}

export function startReviewAlerts(bus: EventBus, hub: ChatHub): () => void {
  return bus.subscribe((message) => {
    if (message.topic !== REVIEW_FOLLOW_UPS_OPENED) return;
    const alert = message.payload as ReviewAlert;
    const event: ServerEvent = { type: "review.alert", ...alert };
    for (const connection of hub.inWorkspace(message.workspaceId)) {
      if (connection.meta.kind === "agent" && followsReviewsUp(connection.meta.auth)) hub.send(connection, event);
    }
  });
}
