// The shapes of `qindesk report` (CONTRACTS.md §4): what the figures are computed
// from, for ONE shop, and what comes out.

export type Team = "presales" | "aftersales";

export interface FiguresConversation {
  id: string;
  customer: string;
  team: Team;
  startedAt: number; // epoch ms
}

export interface FiguresMessage {
  conversation: string;
  from: "buyer" | "agent" | "bot";
  /** The agent who wrote it; set for `from: "agent"` (a human message). */
  agent?: string;
  at: number; // epoch ms
  /** Order of arrival (or line in the file); unique. Breaks ties between messages at the same instant. */
  seq: number;
}

export interface FiguresOrder {
  id: string;
  customer: string;
  createdAt: number; // epoch ms
  paidAt: number | null; // epoch ms; set = paid, whatever the later status
  totalCents: number;
}

export interface FiguresData {
  /** The shop's IANA zone: days of the period and of attribution windows are its days. */
  timezone: string;
  /** Shop setting: whole days added to the attribution window (default 0). */
  attributionExtraDays?: number;
  conversations: readonly FiguresConversation[];
  messages: readonly FiguresMessage[];
  orders: readonly FiguresOrder[];
}

export interface FiguresQuery {
  from: string; // YYYY-MM-DD, shop time
  to: string; // YYYY-MM-DD, inclusive
  agent?: string;
}

/** The `--json` object of `qindesk report`, keys in the contract's order. */
export interface Figures {
  inquiringBuyers: number;
  orderingBuyers: number;
  payingBuyers: number;
  inquiryToOrderRate: number | null;
  inquiryToPaymentRate: number | null;
  replyRate: number | null;
  avgFirstResponseSeconds: number | null;
  avgResponseSeconds: number | null;
  sales: number;
  orders: number;
  salesPerBuyer: number | null;
  salesPerOrder: number | null;
}

export const FIGURE_KEYS = [
  "inquiringBuyers",
  "orderingBuyers",
  "payingBuyers",
  "inquiryToOrderRate",
  "inquiryToPaymentRate",
  "replyRate",
  "avgFirstResponseSeconds",
  "avgResponseSeconds",
  "sales",
  "orders",
  "salesPerBuyer",
  "salesPerOrder",
] as const satisfies readonly (keyof Figures)[];
