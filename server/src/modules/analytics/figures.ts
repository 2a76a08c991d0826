// The figures of `qindesk report` and of the dashboards (CONTRACTS.md §4), as a
// pure function of one shop's conversations, messages and orders. The database
// side only has to load the rows; every rule lives here, once.
import { attributeOrders, type AttributedOrder } from "./attribution";
import { analyseConversations, type ConversationFacts, type QuickTally } from "./conversation-facts";
import { checkExtraDays, reportPeriod } from "./period";
import { amountPer, centsToAmount, meanSeconds, rate, type Tally } from "./rounding";
import type { Figures, FiguresData, FiguresQuery } from "./types";

interface Facts extends ConversationFacts {
  attributed: AttributedOrder[];
}

function gatherFacts(data: FiguresData, query: FiguresQuery, byAgent: boolean): Facts {
  const period = reportPeriod(query.from, query.to, data.timezone);
  const extraDays = checkExtraDays(data.attributionExtraDays ?? 0);
  const conversationFacts = analyseConversations(data.conversations, data.messages, period, byAgent);
  const attributed = attributeOrders(
    data.orders,
    conversationFacts.inquiriesByCustomer,
    byAgent ? conversationFacts.humanMessagesByCustomer : null,
    { timezone: data.timezone, extraDays },
  );
  return { ...conversationFacts, attributed };
}

interface Counts {
  inquiringBuyers: number;
  orderingBuyers: number;
  payingBuyers: number;
  /** null for the per-agent split, where the contract has no reply rate. */
  repliedBuyers: number | null;
  firstResponse: Tally | undefined;
  turnResponse: Tally | undefined;
  salesCents: number;
  orders: number;
}

function toFigures(c: Counts): Figures {
  return {
    inquiringBuyers: c.inquiringBuyers,
    orderingBuyers: c.orderingBuyers,
    payingBuyers: c.payingBuyers,
    inquiryToOrderRate: rate(c.orderingBuyers, c.inquiringBuyers),
    inquiryToPaymentRate: rate(c.payingBuyers, c.inquiringBuyers),
    replyRate: c.repliedBuyers === null ? null : rate(c.repliedBuyers, c.inquiringBuyers),
    avgFirstResponseSeconds: meanSeconds(c.firstResponse),
    avgResponseSeconds: meanSeconds(c.turnResponse),
    sales: centsToAmount(c.salesCents),
    orders: c.orders,
    salesPerBuyer: amountPer(c.salesCents, c.payingBuyers),
    salesPerOrder: amountPer(c.salesCents, c.orders),
  };
}

function shopFigures(facts: Facts): Figures {
  const orderingBuyers = new Set<string>();
  const payingBuyers = new Set<string>();
  let salesCents = 0;
  let orders = 0;
  for (const { order, createdInWindow, paidInWindow } of facts.attributed) {
    if (createdInWindow) orderingBuyers.add(order.customer);
    if (paidInWindow) {
      payingBuyers.add(order.customer);
      salesCents += order.totalCents;
      orders += 1;
    }
  }
  return toFigures({
    inquiringBuyers: facts.inquiriesByCustomer.size,
    orderingBuyers: orderingBuyers.size,
    payingBuyers: payingBuyers.size,
    repliedBuyers: facts.repliedBuyers.size,
    firstResponse: facts.firstResponse,
    turnResponse: facts.turnResponse,
    salesCents,
    orders,
  });
}

function agentFigures(facts: Facts, agent: string): Figures {
  // The agent's inquiring buyers: those the agent answered after an inquiry, in that conversation.
  const inquiring = facts.buyersRepliedByAgent.get(agent) ?? new Set<string>();
  const orderingBuyers = new Set<string>();
  const payingBuyers = new Set<string>();
  let salesCents = 0;
  let orders = 0;
  for (const item of facts.attributed) {
    const customer = item.order.customer;
    if (!inquiring.has(customer)) continue;
    if (item.createdInWindow && item.agentAtCreation === agent) orderingBuyers.add(customer);
    if (item.paidInWindow && item.agentAtPayment === agent) {
      payingBuyers.add(customer);
      salesCents += item.order.totalCents;
      orders += 1;
    }
  }
  return toFigures({
    inquiringBuyers: inquiring.size,
    orderingBuyers: orderingBuyers.size,
    payingBuyers: payingBuyers.size,
    repliedBuyers: null,
    firstResponse: facts.firstResponseByAgent.get(agent),
    turnResponse: facts.turnResponseByAgent.get(agent),
    salesCents,
    orders,
  });
}

/** The shop's figures for the period; with `query.agent`, that agent's (as computeAgentFigures). */
export function computeFigures(data: FiguresData, query: FiguresQuery): Figures {
  if (query.agent !== undefined) return computeAgentFigures(data, { ...query, agent: query.agent });
  return shopFigures(gatherFacts(data, query, false));
}

/** The figures of one agent (`qindesk report --agent ID`). An agent with no activity gets zeros and nulls. */
export function computeAgentFigures(data: FiguresData, query: FiguresQuery & { agent: string }): Figures {
  return agentFigures(gatherFacts(data, query, true), query.agent);
}

/**
 * The shop's figures and every agent's, from one pass (for dashboards and CSV).
 * Agents listed are those who answered an inquiring buyer; any other agent's
 * figures are all zero, as computeAgentFigures would return.
 */
export function computeFiguresByAgent(
  data: FiguresData,
  query: Pick<FiguresQuery, "from" | "to">,
): { shop: Figures; agents: Map<string, Figures> } {
  const facts = gatherFacts(data, query, true);
  const agents = new Map<string, Figures>();
  for (const agent of [...facts.buyersRepliedByAgent.keys()].sort()) agents.set(agent, agentFigures(facts, agent));
  return { shop: shopFigures(facts), agents };
}

/** Dashboard figures beyond CONTRACTS §4, from the same pass over the same rows. */
export interface ServiceFigures {
  /** Share of conversations with an inquiry whose first human reply came within 3 minutes (千牛 3分钟响应率). */
  responseWithin3MinRate: number | null;
}

const serviceFigures = (tally: QuickTally | undefined): ServiceFigures => ({
  responseWithin3MinRate: tally ? rate(tally.quick, tally.conversations) : null,
});

export interface FiguresBreakdown {
  shop: Figures;
  shopService: ServiceFigures;
  /** Agents who answered an inquiring buyer, by id (empty unless asked for). */
  agents: Map<string, { figures: Figures; service: ServiceFigures }>;
}

/** The shop's figures, its service figures and, when asked, every agent's, from one pass. */
export function computeBreakdown(data: FiguresData, query: Pick<FiguresQuery, "from" | "to">, withAgents: boolean): FiguresBreakdown {
  const facts = gatherFacts(data, query, withAgents);
  const agents = new Map<string, { figures: Figures; service: ServiceFigures }>();
  if (withAgents) {
    for (const agent of [...facts.buyersRepliedByAgent.keys()].sort()) {
      agents.set(agent, { figures: agentFigures(facts, agent), service: serviceFigures(facts.quickFirstResponseByAgent.get(agent)) });
    }
  }
  return { shop: shopFigures(facts), shopService: serviceFigures(facts.quickFirstResponse), agents };
}
