// When an agent comes online (or raises their limit) waiting buyers of their team are
// handed out at once. Staff publishes the change on the bus; this listens.
import { AGENT_CAPACITY_CHANGED } from "../../platform/events/topics";
import { assignWaiting } from "./assignment";
import type { ChatDeps } from "./chat.service";

export function startAssignmentOnCapacity(deps: ChatDeps, log: (err: unknown) => void): () => void {
  return deps.bus.subscribe((message) => {
    if (message.topic !== AGENT_CAPACITY_CHANGED) return;
    const { team } = message.payload as { team: "presales" | "aftersales" };
    assignWaiting(deps, message.workspaceId, team).catch(log);
  });
}
