// Shapes of /api answers the workbench reads. Chat shapes come from the server's one
// typed event map, so a change there breaks this build instead of the running page.
export type {
  AgentStatus,
  ChatMessage,
  ClientEvent,
  ConversationStatus,
  ConversationSummary,
  MessageKind,
  MessageSender,
  ProductCard,
  ServerEvent,
  Team,
} from "../../../server/src/modules/conversations/chat-protocol";
import type { AgentStatus, ConversationSummary, Team } from "../../../server/src/modules/conversations/chat-protocol";

export type AgentRole = "owner" | "supervisor" | "agent";

export interface Agent {
  id: string;
  workspaceId: string;
  name: string;
  email: string | null;
  role: AgentRole;
  team: Team;
  status: AgentStatus;
  maxChats: number;
  /** Present in the agent list; a deactivated agent can no longer sign in. */
  active?: boolean;
}

export interface Shop {
  id: string;
  name: string;
  platform: string | null;
  timezone: string;
  currency: string;
}

export interface Me {
  agent: Agent;
  abilities: string[];
  csrfToken: string;
  shops: Shop[];
}

export interface CustomerContact {
  id: string;
  nick: string;
  name: string | null;
  phone: string | null;
  address: string | null;
  /** True after POST /customers/{id}/reveal (ability customers.reveal_contact). */
  revealed?: boolean;
}

export interface CustomerDetail {
  customer: CustomerContact;
  conversations: ConversationSummary[];
}

export type QueueView = "waiting" | "mine" | "team" | "all";

export const ABILITY = {
  viewAll: "conversations.view_all",
  reply: "conversations.reply",
  assign: "conversations.assign",
  manageAgents: "agents.manage",
  revealContact: "customers.reveal_contact",
} as const;
