// The one typed event map of the chat WebSocket, shared by the server, the agent
// workbench (web/) and the buyer widget (widget/). Types only: the widget imports it
// with `import type` so nothing here lands in its bundle; the server validates the
// client events with zod in chat-events.schema.ts.

export type MessageSender = "buyer" | "agent" | "bot" | "system";
export type MessageKind = "text" | "image" | "product" | "order";
export type ConversationStatus = "waiting" | "open" | "closed";
export type Team = "presales" | "aftersales";
export type AgentStatus = "online" | "busy" | "away" | "offline";

export interface ProductCard {
  productId: string;
  title: string;
  priceCents: number;
  imageUrl: string | null;
}

/** What an order card asks of the buyer; its state lives on the server (order_actions). */
export type OrderCardKind = "address_check" | "sku_change";
export type OrderActionState = "pending" | "confirmed" | "corrected" | "declined" | "withdrawn" | "failed";

/**
 * An order card in the chat. It carries no address or phone: the buyer's widget reads
 * those for its own order, agents see them masked from the order itself.
 */
export interface OrderCard {
  actionId: string;
  kind: OrderCardKind;
  orderId: string;
  /** The shop's order number when it has one, else QinDesk's id. */
  orderRef: string;
  /** For a size change: the item, and the colour/size before and after ("黑色 / M"). */
  title: string | null;
  from: string | null;
  to: string | null;
  state: OrderActionState;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** Per-conversation sequence number, 1, 2, 3…; assigned in the transaction that stores the message. */
  seq: number;
  /** The sender's idempotency id (null for messages the server makes itself). */
  clientId: string | null;
  from: MessageSender;
  agentId: string | null;
  agentName: string | null;
  kind: MessageKind;
  text: string;
  /** For kind "image": a data: URL or an /uploads/ path; for "product": the card. */
  imageUrl: string | null;
  product: ProductCard | null;
  /** For kind "order": the card, with its state when the message was read. */
  card: OrderCard | null;
  createdAt: string;
}

/** The pre-sales flow of seed 002: 欢迎 → 介绍 → 议价 → 下单 → 付款 → 核对信息 → 快递 → 告别 → 备注 → 发货. */
export const PRESALES_STAGES = ["welcome", "introduce", "negotiate", "order", "payment", "verify", "courier", "farewell", "remark", "shipped"] as const;
export type PresalesStage = (typeof PRESALES_STAGES)[number];

export interface ConversationSummary {
  id: string;
  shopId: string;
  customer: { id: string; nick: string };
  team: Team;
  status: ConversationStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  lastMessage: { text: string; from: MessageSender; at: string } | null;
  lastSeq: number;
  /** Messages from the buyer after the last one the agents have read. */
  unread: number;
  /** Time of the buyer's first unanswered message (the waiting timer starts here), or null. */
  waitingSince: string | null;
  startedAt: string;
  /** Pre-sales stage (null for after-sales conversations). */
  stage: PresalesStage | null;
  /** When closed: "converted" or "not_converted". */
  outcome: "converted" | "not_converted" | null;
  /** Why the buyer did not buy (seed 002 reasons, shop-configurable). */
  lostReason: string | null;
  /** Set when an agent asked a supervisor for help. */
  escalated: boolean;
  /** "urgent" once the buyer wrote in anger or complained: answer first, a supervisor was alerted. */
  priority: ConversationPriority;
}

export type ConversationPriority = "normal" | "urgent";

/** Events a client (agent or buyer) sends. */
export interface ClientEvents {
  /** Resume: for each conversation the client knows, the last seq it has. Buyers send their one conversation. */
  hello: { type: "hello"; lastSeq: Record<string, number> };
  "message.send": {
    type: "message.send";
    /** Client idempotency id (8–64 chars); the same id sent twice stores one message. */
    clientId: string;
    /** Required for agents; buyers may omit it (their open conversation, created if needed). */
    conversationId?: string;
    kind?: MessageKind;
    text?: string;
    imageUrl?: string;
    productId?: string;
  };
  typing: { type: "typing"; conversationId: string; typing: boolean };
  read: { type: "read"; conversationId: string; seq: number };
  ping: { type: "ping" };
}
export type ClientEvent = ClientEvents[keyof ClientEvents];

/** Events the server sends. */
export interface ServerEvents {
  ready: { type: "ready"; role: "agent" | "buyer" };
  /** Sent only after the message is committed. */
  "message.ack": { type: "message.ack"; clientId: string; message: ChatMessage };
  "message.new": { type: "message.new"; message: ChatMessage };
  /** After a hello: all missed messages were sent (as message.new) before this. */
  "resume.done": { type: "resume.done" };
  "conversation.updated": { type: "conversation.updated"; conversation: ConversationSummary };
  typing: { type: "typing"; conversationId: string; from: "buyer" | "agent"; typing: boolean };
  read: { type: "read"; conversationId: string; by: "buyer" | "agent"; seq: number };
  pong: { type: "pong" };
  /** The team's quick-reply library changed: fetch it again. */
  "quick_replies.changed": { type: "quick_replies.changed" };
  /** An order of this customer changed (status, remark, courier, logistics…): refresh what shows it. */
  "order.changed": { type: "order.changed"; orderId: string; customerId: string; status: string };
  /** An order card was answered or withdrawn: show its new state. */
  "order_action.updated": { type: "order_action.updated"; conversationId: string; card: OrderCard };
  /** For supervisors and the assignee: a buyer is upset (strong negative sentiment or a complaint). */
  "conversation.alert": { type: "conversation.alert"; conversationId: string; reason: "upset_buyer"; nick: string; text: string };
  /** For after-sales and supervisors: neutral/bad reviews arrived and follow-up tasks were opened (reviews module). */
  "review.alert": { type: "review.alert"; shopId: string; total: number; items: ReviewAlertItem[] };
  error: { type: "error"; code: ChatErrorCode; message: string; clientId?: string };
}

/** One of the first few follow-ups of a review.alert (the rest are counted in `total`). */
export interface ReviewAlertItem {
  followUpId: string;
  reviewId: string;
  rating: "neutral" | "bad";
  nick: string;
  text: string;
  dueAt: string;
}
export type ServerEvent = ServerEvents[keyof ServerEvents];

export type ChatErrorCode =
  | "bad_event"
  | "too_large"
  | "rate_limited"
  | "forbidden"
  | "not_found"
  | "closed"
  | "internal";

/** Limits shared by both ends so the client can refuse before sending. */
export const CHAT_LIMITS = {
  maxTextLength: 2000,
  maxImageBytes: 2 * 1024 * 1024,
  /** Buyer messages per 10 seconds. */
  buyerBurst: 10,
  heartbeatMs: 25_000,
} as const;
