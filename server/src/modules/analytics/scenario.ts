// Test helper: builds FiguresData in the order a story is told, so each test
// reads like the chat it describes. Messages get their `seq` in call order.
import type { FiguresConversation, FiguresData, FiguresMessage, FiguresOrder, Team } from "./types";

/** An instant from a wall-clock text with an explicit offset, e.g. at("2026-09-01 10:00", "+08:00"). */
export function at(local: string, offset = "+08:00"): number {
  const [date, time = "00:00"] = local.split(" ");
  const t = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${offset}`);
  if (Number.isNaN(t)) throw new Error(`bad test time ${local}`);
  return t;
}

export class Scenario {
  readonly conversations: FiguresConversation[] = [];
  readonly messages: FiguresMessage[] = [];
  readonly orders: FiguresOrder[] = [];
  private seq = 0;

  constructor(
    readonly timezone = "Asia/Shanghai",
    readonly attributionExtraDays = 0,
  ) {}

  chat(id: string, customer: string, team: Team = "presales", startedAt = 0): this {
    this.conversations.push({ id, customer, team, startedAt });
    return this;
  }

  buyer(conversation: string, time: number): this {
    this.messages.push({ conversation, from: "buyer", at: time, seq: ++this.seq });
    return this;
  }

  agent(conversation: string, agent: string, time: number): this {
    this.messages.push({ conversation, from: "agent", agent, at: time, seq: ++this.seq });
    return this;
  }

  bot(conversation: string, time: number): this {
    this.messages.push({ conversation, from: "bot", at: time, seq: ++this.seq });
    return this;
  }

  order(id: string, customer: string, createdAt: number, paidAt: number | null, totalCents: number): this {
    this.orders.push({ id, customer, createdAt, paidAt, totalCents });
    return this;
  }

  get data(): FiguresData {
    return {
      timezone: this.timezone,
      attributionExtraDays: this.attributionExtraDays,
      conversations: this.conversations,
      messages: this.messages,
      orders: this.orders,
    };
  }
}
