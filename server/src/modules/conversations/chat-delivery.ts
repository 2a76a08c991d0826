// Who receives a conversation's live events (the Chatwoot "recipient rules", written
// once): the buyer of the conversation gets its messages, typing and read marks; agents
// get everything about the conversations they may see.
import type { AuthContext } from "../../platform/auth/auth-context";
import type { EventBus } from "../../platform/events/bus";
import type { Connection, Hub } from "../../platform/realtime/hub";
import type { ServerEvent } from "./chat-protocol";
import { CONVERSATION_TOPIC, type ConversationEvent } from "./chat.service";
import { canSeeConversation } from "./conversations.policy";

export type ChatConnectionMeta =
  | { kind: "agent"; auth: AuthContext }
  | { kind: "buyer"; customerId: string; shopId: string };

export type ChatHub = Hub<ChatConnectionMeta>;

// An order card's new state (answered, withdrawn, failed) updates the card in the widget too.
const BUYER_EVENTS = new Set<ServerEvent["type"]>(["message.new", "order_action.updated"]);

function forBuyer(event: ServerEvent): boolean {
  // Internal notes (transfers, escalations) are for agents only.
  if (event.type === "message.new") return event.message.from !== "system";
  if (BUYER_EVENTS.has(event.type)) return true;
  // Buyers see the agent typing and the agent's read mark, not their own echoed back.
  if (event.type === "typing") return event.from === "agent";
  if (event.type === "read") return event.by === "agent";
  return false;
}

function forAgent(event: ServerEvent, auth: AuthContext, c: ConversationEvent["conversation"]): boolean {
  if (event.type === "typing") return event.from === "buyer";
  // An upset buyer pages the supervisors (who see every conversation) and the agent serving them.
  if (event.type === "conversation.alert") return auth.abilities.has("conversations.view_all") || c.assigneeId === auth.agent.id;
  return true;
}

export function deliverTo(hub: ChatHub, connection: Connection<ChatConnectionMeta>, payload: ConversationEvent): void {
  const { meta } = connection;
  const c = payload.conversation;
  if (meta.kind === "buyer") {
    if (meta.customerId !== c.customerId || meta.shopId !== c.shopId) return;
    for (const event of payload.events) if (forBuyer(event)) hub.send(connection, event);
    return;
  }
  if (!canSeeConversation(meta.auth, c)) return;
  for (const event of payload.events) if (forAgent(event, meta.auth, c)) hub.send(connection, event);
}

import { AGENT_SESSIONS_ENDED } from "../../platform/events/topics";

export function startChatDelivery(bus: EventBus, hub: ChatHub): () => void {
  return bus.subscribe((message) => {
    if (message.topic === CONVERSATION_TOPIC) {
      const payload = message.payload as ConversationEvent;
      for (const connection of hub.inWorkspace(message.workspaceId)) deliverTo(hub, connection, payload);
    } else if (message.topic === AGENT_SESSIONS_ENDED) {
      const { agentId } = message.payload as { agentId: string };
      for (const connection of hub.inWorkspace(message.workspaceId)) {
        if (connection.meta.kind === "agent" && connection.meta.auth.agent.id === agentId) connection.socket.close(4401, "session ended");
      }
    }
  });
}

/** Sends one event to this node's agent connections in a workspace that `to` picks (a team, one agent). */
export function sendToAgents(hub: ChatHub, workspaceId: string, to: (agent: AuthContext["agent"]) => boolean, event: ServerEvent): void {
  for (const connection of hub.inWorkspace(workspaceId)) {
    if (connection.meta.kind === "agent" && to(connection.meta.auth.agent)) hub.send(connection, event);
  }
}
