// The after-sales case as a state machine (SPEC §4): which actions a case of each kind
// allows in each status, and where they lead. Retention comes first (seed 000, 002): a
// return or refund is offered an exchange for an item of the same price before anything
// else, and the buyer's answer decides the path. Pure: the service applies a transition
// inside a transaction with a version check, so two agents cannot both move one case.

export const CASE_KINDS = [
  "return",
  "exchange",
  "refund_only",
  "resend_missing",
  "logistics",
  "wrong_item",
  "quality_complaint",
  "complaint",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  "opened",
  "retention_offered",
  "awaiting_refund",
  "return_authorised",
  "return_shipped",
  "received",
  "inspected",
  "refunded",
  "replacement_shipped",
  "resent",
  "handling",
  "closed",
  "cancelled",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  "offer_retention",
  "buyer_accepts_exchange",
  "buyer_declines",
  "authorise_return",
  "mark_return_shipped",
  "receive_return",
  "inspect",
  "refund",
  "ship_replacement",
  "resend",
  "start_handling",
  "close",
  "cancel",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

type Moves = Partial<Record<CaseAction, CaseStatus>>;
type Table = Partial<Record<CaseStatus, Moves>>;

// Goods come back, are checked, and then money or a replacement goes out.
const RETURN_LEG: Table = {
  return_authorised: { mark_return_shipped: "return_shipped" },
  return_shipped: { receive_return: "received" },
  received: { inspect: "inspected" },
  refunded: { close: "closed" },
  replacement_shipped: { close: "closed" },
};

const RETENTION: Table = {
  opened: { offer_retention: "retention_offered" },
  // Accepting: the item comes back and a same-price replacement goes out.
  retention_offered: { buyer_accepts_exchange: "return_authorised", buyer_declines: "return_authorised" },
};

const TABLES: Record<CaseKind, Table> = {
  return: { ...RETURN_LEG, ...RETENTION, inspected: { refund: "refunded", ship_replacement: "replacement_shipped" } },
  quality_complaint: { ...RETURN_LEG, ...RETENTION, inspected: { refund: "refunded", ship_replacement: "replacement_shipped" } },
  refund_only: {
    ...RETURN_LEG,
    opened: { offer_retention: "retention_offered" },
    // Declining a refund-only case needs no return: the refund is next.
    retention_offered: { buyer_accepts_exchange: "return_authorised", buyer_declines: "awaiting_refund" },
    awaiting_refund: { refund: "refunded" },
    inspected: { ship_replacement: "replacement_shipped" },
  },
  exchange: { ...RETURN_LEG, opened: { authorise_return: "return_authorised" }, inspected: { ship_replacement: "replacement_shipped" } },
  wrong_item: { ...RETURN_LEG, opened: { authorise_return: "return_authorised" }, inspected: { ship_replacement: "replacement_shipped" } },
  resend_missing: { opened: { resend: "resent" }, resent: { close: "closed" } },
  logistics: { opened: { start_handling: "handling" }, handling: { resend: "resent", refund: "refunded", close: "closed" }, resent: { close: "closed" }, refunded: { close: "closed" } },
  complaint: { opened: { start_handling: "handling" }, handling: { close: "closed" } },
};

export class TransitionError extends Error {
  override name = "TransitionError";
}

export interface CaseState {
  kind: CaseKind;
  status: CaseStatus;
  /** The buyer's answer to the retention offer, once given. */
  retention: "accepted" | "declined" | null;
}

/** Actions open to a case now; cancelling is open until it is closed. */
export function availableActions(state: CaseState): CaseAction[] {
  if (state.status === "closed" || state.status === "cancelled") return [];
  let actions = Object.keys(TABLES[state.kind][state.status] ?? {}) as CaseAction[];
  if (state.status === "inspected") {
    // The buyer's answer to the exchange offer decides what goes out: never a refund to
    // someone who took the exchange, nor a replacement to someone who turned it down.
    if (state.retention === "accepted") actions = actions.filter((a) => a !== "refund");
    if (state.retention === "declined") actions = actions.filter((a) => a !== "ship_replacement");
  }
  return [...actions, "cancel"];
}

/** The state after `action`, or a TransitionError saying what is possible instead. */
export function transition(state: CaseState, action: CaseAction): CaseState {
  const allowed = availableActions(state);
  if (!allowed.includes(action)) {
    const possible = allowed.length ? `; possible now: ${allowed.join(", ")}` : "";
    throw new TransitionError(`"${action}" is not possible for a ${state.kind} case that is ${state.status}${possible}`);
  }
  if (action === "cancel") return { ...state, status: "cancelled" };
  const status = TABLES[state.kind][state.status]![action]!;
  const retention = action === "buyer_accepts_exchange" ? "accepted" : action === "buyer_declines" ? "declined" : state.retention;
  return { ...state, status, retention };
}
