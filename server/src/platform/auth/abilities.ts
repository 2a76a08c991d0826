// The one place that says what each role and team may do. The server checks these on
// every endpoint and socket event, and sends the list to the workbench so the UI shows
// and hides by the same rules instead of guessing.
export const ABILITIES = [
  "conversations.reply",
  "conversations.view_team",
  "conversations.view_all",
  "conversations.assign",
  "customers.view",
  "customers.reveal_contact",
  "products.view",
  "products.view_floor_price",
  "products.manage",
  "orders.view",
  "orders.update",
  "orders.ship",
  "aftersales.handle",
  "aftersales.evidence",
  "reviews.view",
  "reviews.reply",
  "agents.view",
  "agents.manage",
  "shops.manage",
  "reports.view_own",
  "reports.view_all",
  "data.import",
  "data.export",
  "quick_replies.manage",
  "promotions.manage",
  "faq.manage",
] as const;
export type Ability = (typeof ABILITIES)[number];

export type Role = "owner" | "supervisor" | "agent";
export type Team = "presales" | "aftersales";

const EVERY_AGENT: Ability[] = [
  "conversations.reply",
  "conversations.view_team",
  "customers.view",
  "products.view",
  "orders.view",
  // Any agent adds a remark, sets the courier, sends an address check or a size change,
  // cancels an unpaid order from the chat (seed 000 §5.3, 002).
  "orders.update",
  // Any agent opens an after-sales case from the chat they are in (SPEC §4).
  "aftersales.handle",
  "reviews.view",
  "reports.view_own",
];

const SUPERVISOR: Ability[] = [
  ...EVERY_AGENT,
  "conversations.view_all",
  "conversations.assign",
  "customers.reveal_contact",
  "products.view_floor_price",
  "agents.view",
  "reviews.reply",
  "aftersales.evidence",
  "reports.view_all",
  "data.export",
  // The warehouse hand-off (pick list → shipped) is the supervisors' and the owner's.
  "orders.ship",
  // Supervisors curate the team's phrase library (SPEC: supervisors curate quick replies).
  "quick_replies.manage",
  // Owners set promotions (SPEC: who uses it); supervisors run them day to day.
  "promotions.manage",
  // The catalog (products, SKUs, stock, CSV import): owners set prices, supervisors keep
  // stock and product knowledge up to date for the team (SPEC §2).
  "products.manage",
  // Supervisors approve the FAQ that agents propose from chats (SPEC §7).
  "faq.manage",
];

export function abilitiesFor(agent: { role: Role; team: Team }): Ability[] {
  switch (agent.role) {
    case "owner":
      return [...ABILITIES];
    case "supervisor":
      return SUPERVISOR;
    case "agent":
      // Pre-sales agents bargain, so they see how low they may go (seed 000 §5.4);
      // after-sales agents handle delivered orders, need the contact details and answer
      // reviews (bad-review follow-up is after-sales work, seed 002).
      return agent.team === "presales"
        ? [...EVERY_AGENT, "products.view_floor_price"]
        : [...EVERY_AGENT, "customers.reveal_contact", "reviews.reply", "aftersales.evidence"];
  }
}
