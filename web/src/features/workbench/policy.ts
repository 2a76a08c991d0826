// Mirrors the server's canReplyTo (conversations.policy.ts) so the UI offers only what
// the server will accept: own and unassigned conversations; any with "conversations.assign".
import { ABILITY, type ConversationSummary, type Me } from "../../platform/types";

export function canReplyTo(me: Pick<Me, "agent" | "abilities">, conversation: Pick<ConversationSummary, "assigneeId">): boolean {
  if (!me.abilities.includes(ABILITY.reply)) return false;
  const { assigneeId } = conversation;
  return assigneeId === null || assigneeId === me.agent.id || me.abilities.includes(ABILITY.assign);
}
