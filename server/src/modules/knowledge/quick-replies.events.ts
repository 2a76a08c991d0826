// "The library changed" reaches every agent of the team at once (seed 002: the team's
// quick replies must be in sync before each shift). The event goes through the bus so
// agents connected to other app nodes hear it too; a personal phrase concerns only its
// owner, whose other tabs and devices refresh.
import type { Team } from "../../platform/auth/abilities";
import type { EventBus } from "../../platform/events/bus";
import { QUICK_REPLIES_CHANGED } from "../../platform/events/topics";
import { sendToAgents, type ChatHub } from "../conversations";

export type QuickRepliesChanged = { team: Team; agentId?: undefined } | { agentId: string; team?: undefined };

export async function publishQuickRepliesChanged(bus: EventBus, workspaceId: string, payload: QuickRepliesChanged): Promise<void> {
  await bus.publish({ topic: QUICK_REPLIES_CHANGED, workspaceId, payload });
}

export function startQuickReplyEvents(bus: EventBus, hub: ChatHub): () => void {
  return bus.subscribe((message) => {
    if (message.topic !== QUICK_REPLIES_CHANGED) return;
    const payload = message.payload as QuickRepliesChanged;
    sendToAgents(hub, message.workspaceId, (agent) => (payload.team ? agent.team === payload.team : agent.id === payload.agentId), { type: "quick_replies.changed" });
  });
}
