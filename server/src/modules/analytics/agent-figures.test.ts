// `qindesk report --agent ID` on one hand-worked story. Times are Shanghai time.
import { describe, expect, it } from "vitest";
import { computeAgentFigures, computeFigures, computeFiguresByAgent } from "./figures";
import { at, Scenario } from "./scenario";

const SEPTEMBER = { from: "2026-09-01", to: "2026-09-30" };

function story() {
  return (
    new Scenario()
      // b1: a1 answers first, a2 later; o1 is created after a1's message and paid after a2's.
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-02 10:00"))
      .agent("v1", "a1", at("2026-09-02 10:01")) // turn 1: 60 s, first response 60 s (a1)
      .buyer("v1", at("2026-09-02 10:50"))
      .agent("v1", "a2", at("2026-09-02 11:00")) // turn 2: 600 s (a2)
      .chat("after1", "b1", "aftersales")
      .agent("after1", "a4", at("2026-09-02 11:20")) // after-sales: never used for attribution
      .order("o1", "b1", at("2026-09-02 10:30"), at("2026-09-02 11:30"), 10000)
      // b2: a1 answers; a2 writes at exactly the payment instant of o2.
      .chat("v2", "b2")
      .buyer("v2", at("2026-09-03 10:00"))
      .agent("v2", "a1", at("2026-09-03 10:05")) // turn: 300 s, first response 300 s (a1)
      .agent("v2", "a2", at("2026-09-03 10:20"))
      .order("o2", "b2", at("2026-09-03 10:10"), at("2026-09-03 10:20"), 2000) // paid at a2's instant → a2
      .order("o3", "b2", at("2026-09-03 10:10"), at("2026-09-03 10:19:59.999"), 5000) // → a1
      // b3: a3 talked to them in August; nobody answers the September inquiry.
      .chat("v3old", "b3")
      .buyer("v3old", at("2026-08-20 10:00"))
      .agent("v3old", "a3", at("2026-08-20 10:01"))
      .chat("v3", "b3")
      .buyer("v3", at("2026-09-04 10:00"))
      .order("o4", "b3", at("2026-09-04 11:00"), at("2026-09-04 12:00"), 3000) // → a3, who has no inquiring buyers
      // b4: no human message at all.
      .chat("v4", "b4")
      .buyer("v4", at("2026-09-05 10:00"))
      .order("o5", "b4", at("2026-09-05 10:20"), at("2026-09-05 10:30"), 1000) // → no agent
  );
}

describe("figures split by agent", () => {
  it("the shop's own figures for the story", () => {
    expect(computeFigures(story().data, SEPTEMBER)).toEqual({
      inquiringBuyers: 4,
      orderingBuyers: 4,
      payingBuyers: 4,
      inquiryToOrderRate: 1,
      inquiryToPaymentRate: 1,
      replyRate: 0.5, // b1, b2
      avgFirstResponseSeconds: 180, // (60 + 300) / 2
      avgResponseSeconds: 320, // (60 + 600 + 300) / 3
      sales: 210,
      orders: 5,
      salesPerBuyer: 52.5,
      salesPerOrder: 42,
    });
  });

  it("a1: ordering by the last human message before creation, paying by the last before payment", () => {
    expect(computeAgentFigures(story().data, { ...SEPTEMBER, agent: "a1" })).toEqual({
      inquiringBuyers: 2, // answered b1 and b2 after their inquiries
      orderingBuyers: 2, // o1 (b1), o2 and o3 (b2) were created after a1's message and before a2's
      payingBuyers: 1, // o3 (b2), paid a millisecond before a2's message
      inquiryToOrderRate: 1,
      inquiryToPaymentRate: 0.5,
      replyRate: null,
      avgFirstResponseSeconds: 180, // v1 60 s, v2 300 s
      avgResponseSeconds: 180, // the turns a1 answered: 60 s and 300 s
      sales: 50,
      orders: 1,
      salesPerBuyer: 50,
      salesPerOrder: 50,
    });
  });

  it("a2: the LAST human agent before payment, a message at the payment instant counting as before", () => {
    expect(computeAgentFigures(story().data, { ...SEPTEMBER, agent: "a2" })).toEqual({
      inquiringBuyers: 2,
      orderingBuyers: 0,
      payingBuyers: 2, // o1 (b1) and o2 (b2)
      inquiryToOrderRate: 0,
      inquiryToPaymentRate: 1,
      replyRate: null,
      avgFirstResponseSeconds: null, // a2 was never the first to answer
      avgResponseSeconds: 600,
      sales: 120,
      orders: 2,
      salesPerBuyer: 60,
      salesPerOrder: 60,
    });
  });

  it("an order goes to an agent who never answered the buyer's inquiry, and then counts for nobody", () => {
    const a3 = computeAgentFigures(story().data, { ...SEPTEMBER, agent: "a3" });
    expect(a3).toMatchObject({ inquiringBuyers: 0, payingBuyers: 0, sales: 0, orders: 0, salesPerBuyer: null, replyRate: null });
    // Nor does o4 fall back to another agent.
    const a1 = computeAgentFigures(story().data, { ...SEPTEMBER, agent: "a1" });
    expect(a1.sales + computeAgentFigures(story().data, { ...SEPTEMBER, agent: "a2" }).sales).toBe(170);
  });

  it("after-sales agents get nothing from pre-sales figures; an unknown agent gets zeros and nulls", () => {
    expect(computeAgentFigures(story().data, { ...SEPTEMBER, agent: "a4" })).toEqual(
      computeAgentFigures(story().data, { ...SEPTEMBER, agent: "nobody" }),
    );
    expect(computeAgentFigures(story().data, { ...SEPTEMBER, agent: "nobody" })).toEqual({
      inquiringBuyers: 0,
      orderingBuyers: 0,
      payingBuyers: 0,
      inquiryToOrderRate: null,
      inquiryToPaymentRate: null,
      replyRate: null,
      avgFirstResponseSeconds: null,
      avgResponseSeconds: null,
      sales: 0,
      orders: 0,
      salesPerBuyer: null,
      salesPerOrder: null,
    });
  });

  it("computeFigures with query.agent is the agent's figures; computeFiguresByAgent gives all at once", () => {
    const data = story().data;
    expect(computeFigures(data, { ...SEPTEMBER, agent: "a2" })).toEqual(computeAgentFigures(data, { ...SEPTEMBER, agent: "a2" }));
    const all = computeFiguresByAgent(data, SEPTEMBER);
    expect([...all.agents.keys()]).toEqual(["a1", "a2"]);
    expect(all.agents.get("a1")).toEqual(computeAgentFigures(data, { ...SEPTEMBER, agent: "a1" }));
    expect(all.shop).toEqual(computeFigures(data, SEPTEMBER));
  });

  it("the last human message across the buyer's conversations: same instant, later arrival wins", () => {
    const s = new Scenario().chat("v1", "b1").chat("v2", "b1");
    const t = at("2026-09-02 10:05");
    s.messages.push(
      { conversation: "v1", from: "buyer", at: at("2026-09-02 10:00"), seq: 1 },
      { conversation: "v1", from: "agent", agent: "a1", at: t, seq: 4 },
      { conversation: "v2", from: "buyer", at: at("2026-09-02 10:00"), seq: 2 },
      { conversation: "v2", from: "agent", agent: "a2", at: t, seq: 3 },
    );
    s.order("o1", "b1", at("2026-09-02 10:10"), at("2026-09-02 10:10"), 1000);
    // a1's message (seq 4) arrived after a2's (seq 3) at the same instant: it is the last one.
    expect(computeAgentFigures(s.data, { ...SEPTEMBER, agent: "a1" })).toMatchObject({ inquiringBuyers: 1, payingBuyers: 1, sales: 10 });
    expect(computeAgentFigures(s.data, { ...SEPTEMBER, agent: "a2" })).toMatchObject({ inquiringBuyers: 1, payingBuyers: 0, sales: 0 });
  });

  it("a reply in another conversation of the buyer does not make them the agent's inquiring buyer", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-02 10:00"))
      .chat("v2", "b1")
      .agent("v2", "a1", at("2026-09-02 10:05"))
      .order("o1", "b1", at("2026-09-02 10:30"), at("2026-09-02 10:31"), 1000);
    // o1 is attributed to a1 (last human message in the buyer's pre-sales conversations), but b1 is not a1's inquiring buyer.
    expect(computeAgentFigures(s.data, { ...SEPTEMBER, agent: "a1" })).toMatchObject({ inquiringBuyers: 0, payingBuyers: 0, sales: 0 });
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ replyRate: 0, payingBuyers: 1, sales: 10 });
  });
});
