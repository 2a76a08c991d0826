// Test oracle: CONTRACTS.md §4 transcribed as literally and slowly as possible
// (every clause a scan over all messages, quadratic and proud of it). The
// property tests check the real implementation against it on random shops.
// It shares nothing with the implementation but the zone helpers.
import { localDate, parseLocalDate, zonedTime } from "../../platform/time/zone";
import type { Figures, FiguresData, FiguresMessage, FiguresOrder, FiguresQuery } from "./types";

type Fraction = [number, number];

function roundHalfAway([num, den]: Fraction, places: number): number | null {
  if (den === 0) return null;
  const scale = 10n ** BigInt(places);
  const n = BigInt(Math.round(num)) * scale;
  const d = BigInt(den);
  const sign = n < 0n ? -1n : 1n;
  const a = n * sign;
  const q = (2n * a + d) / (2n * d); // floor(a/d + 1/2) for a ≥ 0
  return Number(sign * q) / Number(scale);
}

export function oracleFigures(data: FiguresData, query: FiguresQuery): Figures {
  const tz = data.timezone;
  const extra = data.attributionExtraDays ?? 0;
  const from = parseLocalDate(query.from)!;
  const to = parseLocalDate(query.to)!;
  const periodStart = zonedTime(from, tz);
  const periodEnd = zonedTime({ ...to, day: to.day + 1 }, tz);

  const conversationOf = (m: FiguresMessage) => data.conversations.find((c) => c.id === m.conversation);
  const isPresales = (m: FiguresMessage) => conversationOf(m)?.team === "presales";
  const customerOf = (m: FiguresMessage) => conversationOf(m)!.customer;
  const before = (a: FiguresMessage, b: FiguresMessage) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const isHuman = (m: FiguresMessage) => m.from === "agent";

  const inquiries = data.messages.filter((m) => m.from === "buyer" && isPresales(m) && m.at >= periodStart && m.at < periodEnd);
  const inquiringBuyers = new Set(inquiries.map(customerOf));

  const windowEnd = (m: FiguresMessage) => {
    const d = localDate(m.at, tz);
    return zonedTime({ ...d, day: d.day + 2 + extra }, tz);
  };
  const inAWindow = (customer: string, t: number) =>
    inquiries.some((q) => customerOf(q) === customer && q.at <= t && t < windowEnd(q));

  const created = data.orders.filter((o) => inAWindow(o.customer, o.createdAt));
  const paid = data.orders.filter((o) => o.paidAt !== null && inAWindow(o.customer, o.paidAt));

  const lastHumanAgent = (customer: string, t: number): string | undefined => {
    let last: FiguresMessage | undefined;
    for (const m of data.messages) {
      if (isHuman(m) && isPresales(m) && customerOf(m) === customer && m.at <= t && (!last || before(last, m))) last = m;
    }
    return last?.agent;
  };

  const humanAfter = (q: FiguresMessage, agent?: string) =>
    data.messages.some((h) => isHuman(h) && h.conversation === q.conversation && before(q, h) && (agent === undefined || h.agent === agent));

  // First response per pre-sales conversation with an inquiry.
  const firstGaps: { agent: string | undefined; ms: number }[] = [];
  for (const conversationId of new Set(inquiries.map((q) => q.conversation))) {
    const own = inquiries.filter((q) => q.conversation === conversationId);
    const first = own.reduce((a, b) => (before(b, a) ? b : a));
    const replies = data.messages.filter((h) => isHuman(h) && h.conversation === conversationId && before(first, h));
    if (replies.length === 0) continue;
    const reply = replies.reduce((a, b) => (before(b, a) ? b : a));
    firstGaps.push({ agent: reply.agent, ms: reply.at - first.at });
  }

  // Turns, simulated per conversation.
  const turnGaps: { agent: string | undefined; ms: number }[] = [];
  for (const conversation of data.conversations) {
    const ordered = data.messages
      .filter((m) => m.conversation === conversation.id)
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    let open: FiguresMessage | null = null;
    for (const m of ordered) {
      if (m.from === "buyer" && open === null) open = m;
      else if (m.from === "agent" && open !== null) {
        if (inquiries.includes(open)) turnGaps.push({ agent: m.agent, ms: m.at - open.at });
        open = null;
      }
    }
  }

  const mean = (gaps: { ms: number }[]) => roundHalfAway([gaps.reduce((s, g) => s + g.ms, 0), gaps.length * 1000], 1);
  const sum = (orders: FiguresOrder[]) => orders.reduce((s, o) => s + o.totalCents, 0);

  let inquiring: Set<string>;
  let ordering: Set<string>;
  let paying: Set<string>;
  let counted: FiguresOrder[];
  let replied: number | null;
  let firsts = firstGaps;
  let turns = turnGaps;
  if (query.agent === undefined) {
    inquiring = inquiringBuyers;
    ordering = new Set(created.map((o) => o.customer));
    counted = paid;
    paying = new Set(paid.map((o) => o.customer));
    replied = [...inquiringBuyers].filter((c) => inquiries.some((q) => customerOf(q) === c && humanAfter(q))).length;
  } else {
    const agent = query.agent;
    inquiring = new Set(inquiries.filter((q) => humanAfter(q, agent)).map(customerOf));
    ordering = new Set(created.filter((o) => inquiring.has(o.customer) && lastHumanAgent(o.customer, o.createdAt) === agent).map((o) => o.customer));
    counted = paid.filter((o) => inquiring.has(o.customer) && lastHumanAgent(o.customer, o.paidAt!) === agent);
    paying = new Set(counted.map((o) => o.customer));
    replied = null;
    firsts = firstGaps.filter((g) => g.agent === agent);
    turns = turnGaps.filter((g) => g.agent === agent);
  }

  const salesCents = sum(counted);
  return {
    inquiringBuyers: inquiring.size,
    orderingBuyers: ordering.size,
    payingBuyers: paying.size,
    inquiryToOrderRate: roundHalfAway([ordering.size, inquiring.size], 4),
    inquiryToPaymentRate: roundHalfAway([paying.size, inquiring.size], 4),
    replyRate: replied === null ? null : roundHalfAway([replied, inquiring.size], 4),
    avgFirstResponseSeconds: mean(firsts),
    avgResponseSeconds: mean(turns),
    sales: salesCents / 100,
    orders: counted.length,
    salesPerBuyer: roundHalfAway([salesCents, paying.size * 100], 2),
    salesPerOrder: roundHalfAway([salesCents, counted.length * 100], 2),
  };
}
