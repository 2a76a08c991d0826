// One pass over the shop's messages collects what every figure needs: the
// inquiries, whether and when a human answered, and the turns. Each pre-sales
// conversation is a small state machine kept in typed arrays indexed by
// conversation, fed its messages in message order. After-sales conversations
// never hold inquiries, and every figure is about inquiries, so they are
// dropped at the door.
import { compareMessages, sortedMessageOrder, sortIfNeeded } from "./message-order";
import type { Period } from "./period";
import { addToTally, emptyTally, type Tally } from "./rounding";
import type { FiguresConversation, FiguresMessage } from "./types";

/** A human message as far as order attribution cares. */
export interface HumanMark {
  at: number;
  seq: number;
  agent: string | undefined;
}

export interface ConversationFacts {
  /** Each inquiring buyer's inquiry times, ascending. Its size is inquiringBuyers. */
  inquiriesByCustomer: Map<string, number[]>;
  /** Buyers who got a human message after an inquiry in the same conversation. */
  repliedBuyers: Set<string>;
  /** Conversation's first inquiry → first human message after it. */
  firstResponse: Tally;
  /** Answered turns that began with an inquiry. */
  turnResponse: Tally;
  /**
   * Qianniu's 3-minute response rate (dashboards only, not a CONTRACTS §4 key):
   * conversations with an inquiry, and those whose first human message after the first
   * inquiry came within three minutes. Unanswered conversations count as late.
   */
  quickFirstResponse: QuickTally;
  // Split by agent; filled only when asked for, the shop figures do not need them.
  buyersRepliedByAgent: Map<string, Set<string>>;
  firstResponseByAgent: Map<string, Tally>;
  turnResponseByAgent: Map<string, Tally>;
  /** Per agent, over the conversations whose first human reply was the agent's. */
  quickFirstResponseByAgent: Map<string, QuickTally>;
  /** Human messages of each buyer's pre-sales conversations, any time, in (at, seq) order. */
  humanMessagesByCustomer: Map<string, HumanMark[]>;
}

export interface QuickTally {
  conversations: number;
  quick: number;
}

/** Three minutes: Qianniu's response-time yardstick for a first reply. */
export const QUICK_RESPONSE_MS = 180_000;

function sortedTimes(times: number[]): number[] {
  for (let i = 1; i < times.length; i++) if (times[i - 1] > times[i]) return times.sort((a, b) => a - b);
  return times;
}

function tallyFor(tallies: Map<string, Tally>, agent: string): Tally {
  let tally = tallies.get(agent);
  if (!tally) tallies.set(agent, (tally = emptyTally()));
  return tally;
}

function addBuyerOfAgent(facts: ConversationFacts, agent: string, customer: string): void {
  let buyers = facts.buyersRepliedByAgent.get(agent);
  if (!buyers) facts.buyersRepliedByAgent.set(agent, (buyers = new Set()));
  buyers.add(customer);
}

/** Pre-sales conversations numbered 0..n-1, and their customers numbered too. */
function numberPresales(conversations: readonly FiguresConversation[]) {
  const conversationIndex = new Map<string, number>();
  const customerIndex = new Map<string, number>();
  const customers: string[] = [];
  const customerOf: number[] = [];
  for (const conversation of conversations) {
    if (conversation.team !== "presales") continue;
    let c = customerIndex.get(conversation.customer);
    if (c === undefined) {
      c = customers.length;
      customerIndex.set(conversation.customer, c);
      customers.push(conversation.customer);
    }
    const existing = conversationIndex.get(conversation.id);
    if (existing !== undefined) customerOf[existing] = c; // a repeated id: the last row wins
    else {
      conversationIndex.set(conversation.id, customerOf.length);
      customerOf.push(c);
    }
  }
  return { conversationIndex, customers, customerOf };
}

/**
 * The pre-sales conversation number of each message (-1: not a pre-sales
 * conversation of the shop), and whether every conversation's messages already
 * come in (at, seq) order.
 */
function conversationOfEachMessage(messages: readonly FiguresMessage[], conversationIndex: Map<string, number>, count: number) {
  const owner = new Int32Array(messages.length);
  const lastAt = new Float64Array(count).fill(-Infinity);
  const lastSeq = new Float64Array(count);
  let inOrder = true;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    const k = conversationIndex.get(message.conversation);
    if (k === undefined) {
      owner[i] = -1;
      continue;
    }
    owner[i] = k;
    if (message.at < lastAt[k] || (message.at === lastAt[k] && message.seq < lastSeq[k])) inOrder = false;
    lastAt[k] = message.at;
    lastSeq[k] = message.seq;
  }
  return { owner, inOrder };
}

export function analyseConversations(
  conversations: readonly FiguresConversation[],
  messages: readonly FiguresMessage[],
  period: Period,
  byAgent: boolean,
): ConversationFacts {
  const facts: ConversationFacts = {
    inquiriesByCustomer: new Map(),
    repliedBuyers: new Set(),
    firstResponse: emptyTally(),
    turnResponse: emptyTally(),
    buyersRepliedByAgent: new Map(),
    firstResponseByAgent: new Map(),
    turnResponseByAgent: new Map(),
    quickFirstResponse: { conversations: 0, quick: 0 },
    quickFirstResponseByAgent: new Map(),
    humanMessagesByCustomer: new Map(),
  };
  const { conversationIndex, customers, customerOf } = numberPresales(conversations);
  const count = customerOf.length;
  // Per conversation; NaN = none yet.
  const firstInquiryAt = new Float64Array(count).fill(NaN);
  const answered = new Uint8Array(count);
  const turnStartAt = new Float64Array(count).fill(NaN); // the open turn's first buyer message
  const turnIsInquiry = new Uint8Array(count);
  // Per customer; sorted at the end when a customer's conversations interleave.
  const inquiriesOf: (number[] | undefined)[] = new Array(customers.length);
  const humansOf: (HumanMark[] | undefined)[] = new Array(byAgent ? customers.length : 0);
  const { start: periodStart, end: periodEnd } = period;

  const { owner, inOrder } = conversationOfEachMessage(messages, conversationIndex, count);
  const order = inOrder ? null : sortedMessageOrder(messages);
  for (let n = 0; n < messages.length; n++) {
    const i = order === null ? n : order[n];
    const k = owner[i];
    if (k < 0) continue;
    const message = messages[i];
    const at = message.at;
    if (message.from === "buyer") {
      const isInquiry = at >= periodStart && at < periodEnd;
      if (isInquiry) {
        const c = customerOf[k];
        (inquiriesOf[c] ??= []).push(at);
        if (Number.isNaN(firstInquiryAt[k])) {
          firstInquiryAt[k] = at;
          facts.quickFirstResponse.conversations += 1;
        }
      }
      // A buyer's follow-ups while waiting do not restart the clock of the open turn.
      if (Number.isNaN(turnStartAt[k])) {
        turnStartAt[k] = at;
        turnIsInquiry[k] = isInquiry ? 1 : 0;
      }
    } else if (message.from === "agent") {
      const agent = message.agent;
      const inquiredAt = firstInquiryAt[k];
      if (!Number.isNaN(inquiredAt)) {
        const customer = customers[customerOf[k]];
        if (!answered[k]) {
          answered[k] = 1;
          facts.repliedBuyers.add(customer);
          addToTally(facts.firstResponse, at - inquiredAt);
          const quick = at - inquiredAt <= QUICK_RESPONSE_MS ? 1 : 0;
          facts.quickFirstResponse.quick += quick;
          if (byAgent && agent !== undefined) {
            addToTally(tallyFor(facts.firstResponseByAgent, agent), at - inquiredAt);
            const agentQuick = facts.quickFirstResponseByAgent.get(agent) ?? { conversations: 0, quick: 0 };
            agentQuick.conversations += 1;
            agentQuick.quick += quick;
            facts.quickFirstResponseByAgent.set(agent, agentQuick);
          }
        }
        if (byAgent && agent !== undefined) addBuyerOfAgent(facts, agent, customer);
      }
      const turnStart = turnStartAt[k];
      if (!Number.isNaN(turnStart)) {
        if (turnIsInquiry[k]) {
          addToTally(facts.turnResponse, at - turnStart);
          if (byAgent && agent !== undefined) addToTally(tallyFor(facts.turnResponseByAgent, agent), at - turnStart);
        }
        turnStartAt[k] = NaN;
      }
      if (byAgent) (humansOf[customerOf[k]] ??= []).push({ at, seq: message.seq, agent });
    }
    // Bot messages neither answer nor close a turn, and are never human.
  }

  for (let c = 0; c < customers.length; c++) {
    const inquiries = inquiriesOf[c];
    if (inquiries) facts.inquiriesByCustomer.set(customers[c], sortedTimes(inquiries));
    const humans = humansOf[c];
    if (humans) {
      sortIfNeeded(humans, compareMessages);
      facts.humanMessagesByCustomer.set(customers[c], humans);
    }
  }
  return facts;
}
