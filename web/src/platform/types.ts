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
  OrderCard,
  PresalesStage,
  ProductCard,
  ServerEvent,
  Team,
} from "../../../server/src/modules/conversations/chat-protocol";
// The one value the workbench takes from the protocol file (it imports nothing itself).
export { PRESALES_STAGES } from "../../../server/src/modules/conversations/chat-protocol";
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
  /** The workbench language the agent chose last (kept on the server, per agent). */
  locale?: "zh-CN" | "en" | "ko";
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

export type OrderStatus =
  | "created"
  | "awaiting_payment"
  | "paid"
  | "shipped"
  | "delivered"
  | "completed"
  | "cancelled"
  | "refunding"
  | "refunded";

export interface OrderItem {
  productId: string | null;
  title: string;
  color: string | null;
  size: string | null;
  qty: number;
  priceCents: number;
}

export interface Order {
  id: string;
  externalId: string | null;
  status: OrderStatus;
  totalCents: number;
  createdAt: string;
  paidAt: string | null;
  items: OrderItem[];
}

export interface CustomerDetail {
  customer: CustomerContact;
  conversations: ConversationSummary[];
  /** Newest first (docs/api.md); absent on servers that predate orders in this answer. */
  orders?: Order[];
}

export interface ShopSettings {
  shippingCutoff?: string;
  defaultCourier?: string;
  responseTargetSeconds?: number;
  lostReasons?: string[];
  autoReplies?: { welcome?: string; welcomeBack?: string; busy?: string; away?: string };
  [key: string]: unknown;
}

/** GET /api/v1/shops/{id}. */
export interface ShopDetail extends Shop {
  settings: ShopSettings;
  lostReasons: string[];
}

export type QueueView = "waiting" | "mine" | "team" | "all";

export const ABILITY = {
  viewAll: "conversations.view_all",
  reply: "conversations.reply",
  assign: "conversations.assign",
  manageAgents: "agents.manage",
  revealContact: "customers.reveal_contact",
  viewAgents: "agents.view",
  manageShops: "shops.manage",
  manageQuickReplies: "quick_replies.manage",
  aftersales: "aftersales.handle",
  aftersalesEvidence: "aftersales.evidence",
  managePromotions: "promotions.manage",
  manageFaq: "faq.manage",
  viewReviews: "reviews.view",
  replyReviews: "reviews.reply",
  viewOrders: "orders.view",
  updateOrders: "orders.update",
  shipOrders: "orders.ship",
} as const;
