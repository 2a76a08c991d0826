// Random small shops, checked against the literal oracle and against
// invariants that must hold whatever the data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAgentFigures, computeFigures, computeFiguresByAgent } from "./figures";
import { oracleFigures } from "./figures.oracle";
import type { FiguresData, FiguresQuery } from "./types";

const ZONES = ["Asia/Shanghai", "America/New_York", "UTC"];
const AGENTS = ["a0", "a1", "a2"];
// Half-hour steps over six days around New York's spring-forward (2026-03-08):
// they land on every zone's midnights and make messages and orders share instants.
const BASE = Date.parse("2026-03-05T00:00:00Z");
const STEP = 30 * 60_000;
const instant = fc.integer({ min: 0, max: 6 * 48 }).map((k) => BASE + k * STEP);

const sender = fc.oneof(
  { weight: 5, arbitrary: fc.constant("buyer" as const) },
  { weight: 4, arbitrary: fc.constant("agent" as const) },
  { weight: 1, arbitrary: fc.constant("bot" as const) },
);

const shop = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    extraDays: fc.integer({ min: 0, max: 2 }),
    conversations: fc.array(
      fc.record({ customer: fc.integer({ min: 0, max: 3 }), presales: fc.integer({ min: 0, max: 4 }).map((n) => n > 0) }),
      { minLength: 1, maxLength: 6 },
    ),
    messages: fc.array(
      fc.record({
        conversation: fc.nat(), // modulo the conversations; a few point at none
        from: sender,
        agent: fc.constantFrom(...AGENTS),
        at: instant,
      }),
      { maxLength: 40, size: "medium" },
    ),
    orders: fc.array(
      fc.record({
        customer: fc.integer({ min: 0, max: 4 }), // c4 never chats: silent orders
        createdAt: instant,
        paidAt: fc.option(instant, { nil: null, freq: 4 }),
        totalCents: fc.integer({ min: 0, max: 100_000 }),
      }),
      { maxLength: 10, size: "medium" },
    ),
  })
  .map(
    (raw): FiguresData => ({
      timezone: raw.timezone,
      attributionExtraDays: raw.extraDays,
      conversations: raw.conversations.map((c, i) => ({
        id: `v${i}`,
        customer: `c${c.customer}`,
        team: c.presales ? "presales" : "aftersales",
        startedAt: BASE,
      })),
      messages: raw.messages.map((m, i) => ({
        conversation: `v${m.conversation % (raw.conversations.length + 1)}`,
        from: m.from,
        ...(m.from === "agent" && { agent: m.agent }),
        at: m.at,
        seq: i + 1,
      })),
      orders: raw.orders.map((o, i) => ({ ...o, id: `o${i}`, customer: `c${o.customer}` })),
    }),
  );

const period = fc.record({ start: fc.integer({ min: 0, max: 5 }), days: fc.integer({ min: 0, max: 3 }) }).map(
  ({ start, days }): FiguresQuery => {
    const day = (n: number) => `2026-03-${String(5 + n).padStart(2, "0")}`;
    return { from: day(start), to: day(start + days) };
  },
);

function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

describe("figures, property-based", () => {
  it("agree with the literal oracle for the shop", () => {
    fc.assert(
      fc.property(shop, period, (data, query) => {
        expect(computeFigures(data, query)).toEqual(oracleFigures(data, query));
      }),
      { numRuns: 1000 },
    );
  });

  it("agree with the literal oracle for each agent", () => {
    fc.assert(
      fc.property(shop, period, fc.constantFrom(...AGENTS), (data, query, agent) => {
        expect(computeAgentFigures(data, { ...query, agent })).toEqual(oracleFigures(data, { ...query, agent }));
      }),
      { numRuns: 1000 },
    );
  });

  it("agree with the oracle when rows come in time order or grouped by conversation (no sorting needed)", () => {
    fc.assert(
      fc.property(shop, period, fc.constantFrom(undefined, ...AGENTS), (data, query, agent) => {
        const q = { ...query, agent };
        const expected = oracleFigures(data, q);
        const inTimeOrder = [...data.messages].sort((a, b) => a.at - b.at || a.seq - b.seq);
        const byConversation = [...inTimeOrder].sort((a, b) => (a.conversation < b.conversation ? -1 : a.conversation > b.conversation ? 1 : 0));
        expect(computeFigures({ ...data, messages: inTimeOrder }, q)).toEqual(expected);
        expect(computeFigures({ ...data, messages: byConversation }, q)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("hold their invariants: counts nest, rates are fractions, agents never exceed the shop", () => {
    fc.assert(
      fc.property(shop, period, (data, query) => {
        const { shop: f, agents } = computeFiguresByAgent(data, query);
        for (const figures of [f, ...agents.values()]) {
          expect(figures.payingBuyers).toBeLessThanOrEqual(figures.inquiringBuyers);
          expect(figures.orderingBuyers).toBeLessThanOrEqual(figures.inquiringBuyers);
          expect(figures.payingBuyers).toBeLessThanOrEqual(figures.orders);
          for (const r of [figures.inquiryToOrderRate, figures.inquiryToPaymentRate, figures.replyRate]) {
            if (r !== null) {
              expect(r).toBeGreaterThanOrEqual(0);
              expect(r).toBeLessThanOrEqual(1);
            }
          }
          for (const s of [figures.avgFirstResponseSeconds, figures.avgResponseSeconds]) if (s !== null) expect(s).toBeGreaterThanOrEqual(0);
          expect(figures.inquiringBuyers).toBeLessThanOrEqual(f.inquiringBuyers);
        }
        const agentList = [...agents.values()];
        expect(agentList.reduce((n, a) => n + a.orders, 0)).toBeLessThanOrEqual(f.orders);
        expect(Math.round(agentList.reduce((n, a) => n + a.sales * 100, 0))).toBeLessThanOrEqual(Math.round(f.sales * 100));
        // Every inquiring buyer who got a reply got it from some agent.
        expect(f.replyRate === null || f.replyRate === 0 || agentList.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("do not depend on the order of the input arrays (seq kept)", () => {
    fc.assert(
      fc.property(shop, period, fc.array(fc.integer(), { minLength: 1, maxLength: 40 }), (data, query, keys) => {
        const mixed: FiguresData = {
          ...data,
          conversations: shuffled(data.conversations, keys),
          messages: shuffled(data.messages, keys),
          orders: shuffled(data.orders, keys),
        };
        expect(computeFigures(mixed, query)).toEqual(computeFigures(data, query));
        for (const agent of AGENTS) {
          expect(computeAgentFigures(mixed, { ...query, agent })).toEqual(computeAgentFigures(data, { ...query, agent }));
        }
      }),
      { numRuns: 300 },
    );
  });
});
