// Who may see and answer a conversation. Visibility failures answer 404 (the id might
// as well not exist), so the rules here are the only place that decides.
import type { AuthContext } from "../../platform/auth/auth-context";

export interface ConversationAccessFacts {
  team: "presales" | "aftersales";
  assigneeId: string | null;
}

export function canSeeConversation(auth: AuthContext, c: ConversationAccessFacts): boolean {
  if (auth.abilities.has("conversations.view_all")) return true;
  if (c.assigneeId === auth.agent.id) return true;
  return auth.abilities.has("conversations.view_team") && c.team === auth.agent.team;
}

/** Agents answer their own and unassigned conversations; supervisors may take over any. */
export function canReplyTo(auth: AuthContext, c: ConversationAccessFacts): boolean {
  if (!auth.abilities.has("conversations.reply") || !canSeeConversation(auth, c)) return false;
  return c.assigneeId === null || c.assigneeId === auth.agent.id || auth.abilities.has("conversations.assign");
}
