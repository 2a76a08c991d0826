// Each test is one clause of CONTRACTS.md §4 on a story small enough to work
// out by hand; the expected numbers come from the contract's words, not from
// running the code.
import { describe, expect, it } from "vitest";
import { computeFigures } from "./figures";
import { at, Scenario } from "./scenario";
import type { Figures } from "./types";

const SEPTEMBER = { from: "2026-09-01", to: "2026-09-30" };

const nothing: Figures = {
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
};

describe("figures: the seed 000 examples", () => {
  it("September: 2879.90 yuan from 50 paying buyers and 55 orders → 客单价 57.60, 笔单价 52.36", () => {
    const s = new Scenario();
    for (let i = 0; i < 50; i++) {
      const day = `2026-09-${String((i % 28) + 1).padStart(2, "0")}`;
      s.chat(`v${i}`, `b${i}`)
        .buyer(`v${i}`, at(`${day} 10:00`))
        .agent(`v${i}`, "a1", at(`${day} 10:01`))
        .order(`o${i}`, `b${i}`, at(`${day} 10:30`), at(`${day} 10:31`), i === 0 ? 5246 : 5236);
      if (i < 5) s.order(`o${i}-2`, `b${i}`, at(`${day} 11:00`), at(`${day} 11:05`), 5236);
    }
    // 54 × 52.36 + 52.46 = 2879.90
    expect(computeFigures(s.data, SEPTEMBER)).toEqual({
      inquiringBuyers: 50,
      orderingBuyers: 50,
      payingBuyers: 50,
      inquiryToOrderRate: 1,
      inquiryToPaymentRate: 1,
      replyRate: 1,
      avgFirstResponseSeconds: 60,
      avgResponseSeconds: 60,
      sales: 2879.9,
      orders: 55,
      salesPerBuyer: 57.6,
      salesPerOrder: 52.36,
    });
  });

  it("10 inquiring buyers, 5 ordered without paying, 2 paid → 询单→付款 20%", () => {
    const s = new Scenario();
    for (let i = 0; i < 10; i++) {
      s.chat(`v${i}`, `b${i}`).buyer(`v${i}`, at("2026-09-03 09:00"));
      if (i < 5) s.order(`u${i}`, `b${i}`, at("2026-09-03 09:30"), null, 9990);
      else if (i < 7) s.order(`p${i}`, `b${i}`, at("2026-09-03 09:30"), at("2026-09-03 09:40"), 10000);
    }
    expect(computeFigures(s.data, SEPTEMBER)).toEqual({
      ...nothing,
      inquiringBuyers: 10,
      orderingBuyers: 7,
      payingBuyers: 2,
      inquiryToOrderRate: 0.7,
      inquiryToPaymentRate: 0.2,
      replyRate: 0,
      sales: 200,
      orders: 2,
      salesPerBuyer: 100,
      salesPerOrder: 100,
    });
  });

  it("returns exactly the contract's keys, in its order", () => {
    expect(Object.keys(computeFigures(new Scenario().data, SEPTEMBER))).toEqual([
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
    ]);
    expect(computeFigures(new Scenario().data, SEPTEMBER)).toEqual(nothing);
  });
});

describe("figures: the attribution window", () => {
  it("ends at 00:00 two calendar days after the inquiry's date, excluded — not 48 hours later", () => {
    const s = new Scenario()
      // Inquiry late on the 10th: its window ends at 00:00 on the 12th, only 25 minutes... later than 23:35 the next day.
      .chat("v1", "early")
      .buyer("v1", at("2026-09-10 23:59"))
      .order("o1", "early", at("2026-09-11 09:00"), at("2026-09-11 23:59:59.999"), 1000)
      .chat("v2", "midnight")
      .buyer("v2", at("2026-09-10 23:59"))
      .order("o2", "midnight", at("2026-09-11 09:00"), at("2026-09-12 00:00"), 2000)
      .chat("v3", "morning")
      .buyer("v3", at("2026-09-10 00:01"))
      .order("o3", "morning", at("2026-09-11 23:00"), at("2026-09-11 23:30"), 4000);
    const f = computeFigures(s.data, SEPTEMBER);
    // o2 is paid exactly at the window's end: not attributed (but was created inside it).
    expect(f).toMatchObject({ inquiringBuyers: 3, orderingBuyers: 3, payingBuyers: 2, sales: 50, orders: 2 });
  });

  it("is widened by whole days by the shop setting", () => {
    const story = (extraDays: number) =>
      new Scenario("Asia/Shanghai", extraDays)
        .chat("v1", "b1")
        .buyer("v1", at("2026-09-10 12:00"))
        .order("o1", "b1", at("2026-09-12 00:00"), at("2026-09-12 00:00"), 1000)
        .chat("v2", "b2")
        .buyer("v2", at("2026-09-10 12:00"))
        .order("o2", "b2", at("2026-09-12 23:00"), at("2026-09-13 00:00"), 2000).data;
    expect(computeFigures(story(0), SEPTEMBER)).toMatchObject({ orderingBuyers: 0, payingBuyers: 0, sales: 0 });
    expect(computeFigures(story(1), SEPTEMBER)).toMatchObject({ orderingBuyers: 2, payingBuyers: 1, sales: 10 });
    expect(computeFigures(story(2), SEPTEMBER)).toMatchObject({ orderingBuyers: 2, payingBuyers: 2, sales: 30 });
  });

  it("counts an order created and paid at the same instant as the inquiry: the message is before it", () => {
    const t = at("2026-09-05 15:00");
    const s = new Scenario().chat("v1", "b1").buyer("v1", t).order("o1", "b1", t, t, 1990);
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ orderingBuyers: 1, payingBuyers: 1, sales: 19.9, orders: 1 });
    // One millisecond before the inquiry is outside every window.
    const early = new Scenario().chat("v1", "b1").buyer("v1", t).order("o1", "b1", t - 1, t - 1, 1990);
    expect(computeFigures(early.data, SEPTEMBER)).toMatchObject({ orderingBuyers: 0, payingBuyers: 0, sales: 0 });
  });

  it("runs past --to: the order need not fall in the period", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-30 20:00"))
      .order("o1", "b1", at("2026-10-01 09:00"), at("2026-10-01 23:00"), 12345);
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ orderingBuyers: 1, payingBuyers: 1, sales: 123.45 });
  });

  it("counts a payment (催付) of an order created before the chat as paid, but not as ordered", () => {
    const s = new Scenario()
      .order("o1", "b1", at("2026-09-05 10:00"), at("2026-09-10 12:00"), 8800)
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-10 10:00"))
      .agent("v1", "a1", at("2026-09-10 10:02"));
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({
      orderingBuyers: 0,
      payingBuyers: 1,
      inquiryToOrderRate: 0,
      inquiryToPaymentRate: 1,
      sales: 88,
      orders: 1,
    });
  });

  it("never attributes orders of buyers who did not inquire (静默下单), nor of after-sales chats", () => {
    const s = new Scenario()
      .order("silent", "quiet", at("2026-09-05 10:00"), at("2026-09-05 10:01"), 5000)
      .chat("after", "returning", "aftersales")
      .buyer("after", at("2026-09-06 10:00"))
      .agent("after", "a2", at("2026-09-06 10:01"))
      .order("o2", "returning", at("2026-09-06 11:00"), at("2026-09-06 11:01"), 7000)
      .chat("v3", "asker")
      .buyer("v3", at("2026-09-07 10:00"));
    expect(computeFigures(s.data, SEPTEMBER)).toEqual({ ...nothing, inquiringBuyers: 1, inquiryToOrderRate: 0, inquiryToPaymentRate: 0, replyRate: 0 });
  });

  it("counts each order once even inside the windows of several inquiries", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-10 10:00"))
      .buyer("v1", at("2026-09-10 11:00"))
      .chat("v2", "b1")
      .buyer("v2", at("2026-09-11 09:00"))
      .order("o1", "b1", at("2026-09-11 10:00"), at("2026-09-11 10:00"), 3000);
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ inquiringBuyers: 1, payingBuyers: 1, orders: 1, sales: 30 });
  });

  it("ignores an order whose window would come from an inquiry outside the period", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-08-31 22:00"))
      .order("o1", "b1", at("2026-09-01 09:00"), at("2026-09-01 09:00"), 3000);
    expect(computeFigures(s.data, SEPTEMBER)).toEqual(nothing);
  });
});

describe("figures: the period in the shop's zone", () => {
  it("Asia/Shanghai: 09-01 00:00 +08:00 (16:00 UTC the day before) is in, 10-01 00:00 is out", () => {
    const s = new Scenario()
      .chat("v1", "before")
      .buyer("v1", at("2026-08-31 23:59:59.999"))
      .chat("v2", "first")
      .buyer("v2", Date.parse("2026-08-31T16:00:00Z"))
      .chat("v3", "last")
      .buyer("v3", at("2026-09-30 23:59:59.999"))
      .chat("v4", "after")
      .buyer("v4", at("2026-10-01 00:00"));
    expect(computeFigures(s.data, SEPTEMBER).inquiringBuyers).toBe(2);
    // The same messages in a UTC shop: 08-31 15:59:59.999Z and 08-31 16:00Z are August; the other two are September.
    expect(computeFigures({ ...s.data, timezone: "UTC" }, SEPTEMBER).inquiringBuyers).toBe(2);
    expect(computeFigures({ ...s.data, timezone: "UTC" }, { from: "2026-08-31", to: "2026-08-31" }).inquiringBuyers).toBe(2);
  });

  it("America/New_York on the 23-hour spring-forward day, and a window across it", () => {
    const ny = new Scenario("America/New_York")
      .chat("v1", "before")
      .buyer("v1", at("2026-03-07 23:59:59", "-05:00"))
      .chat("v2", "first")
      .buyer("v2", at("2026-03-08 00:00", "-05:00"))
      .chat("v3", "last")
      .buyer("v3", at("2026-03-08 23:59:59", "-04:00"))
      .chat("v4", "after")
      .buyer("v4", at("2026-03-09 00:00", "-04:00"));
    expect(computeFigures(ny.data, { from: "2026-03-08", to: "2026-03-08" }).inquiringBuyers).toBe(2);

    // Inquiry on the 7th (EST): window ends 2026-03-09 00:00 EDT = 04:00Z, not 05:00Z.
    const window = new Scenario("America/New_York")
      .chat("v1", "b1")
      .buyer("v1", at("2026-03-07 12:00", "-05:00"))
      .order("in", "b1", at("2026-03-07 13:00", "-05:00"), Date.parse("2026-03-09T03:59:59Z"), 100)
      .chat("v2", "b2")
      .buyer("v2", at("2026-03-07 12:00", "-05:00"))
      .order("out", "b2", at("2026-03-07 13:00", "-05:00"), Date.parse("2026-03-09T04:00:00Z"), 200);
    expect(computeFigures(window.data, { from: "2026-03-07", to: "2026-03-07" })).toMatchObject({ payingBuyers: 1, sales: 1 });
  });

  it("Europe/Berlin on the 25-hour fall-back day", () => {
    const s = new Scenario("Europe/Berlin")
      .chat("v1", "first")
      .buyer("v1", at("2026-10-25 00:00", "+02:00"))
      .chat("v2", "last")
      .buyer("v2", at("2026-10-25 23:59:59", "+01:00"))
      .chat("v3", "after")
      .buyer("v3", at("2026-10-26 00:00", "+01:00"));
    expect(computeFigures(s.data, { from: "2026-10-25", to: "2026-10-25" }).inquiringBuyers).toBe(2);
  });

  it("refuses dates that are not dates and a period that ends before it starts", () => {
    expect(() => computeFigures(new Scenario().data, { from: "2026-09-31", to: "2026-10-01" })).toThrow(/--from "2026-09-31"/);
    expect(() => computeFigures(new Scenario().data, { from: "2026-10-02", to: "2026-10-01" })).toThrow(/after --to/);
    expect(() => computeFigures({ ...new Scenario().data, timezone: "Mars/Olympus" }, SEPTEMBER)).toThrow(/time zone/);
  });
});

describe("figures: replies and response times", () => {
  it("bots are not replies and do not split turns", () => {
    const s = new Scenario()
      .chat("v1", "answered")
      .buyer("v1", at("2026-09-02 10:00:00"))
      .bot("v1", at("2026-09-02 10:00:01"))
      .buyer("v1", at("2026-09-02 10:02:00"))
      .agent("v1", "a1", at("2026-09-02 10:05:00"))
      .chat("v2", "bot-only")
      .buyer("v2", at("2026-09-02 11:00:00"))
      .bot("v2", at("2026-09-02 11:00:01"));
    // v1: one turn from 10:00:00 to 10:05:00 = 300 s; v2 has no human message at all.
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({
      inquiringBuyers: 2,
      replyRate: 0.5,
      avgFirstResponseSeconds: 300,
      avgResponseSeconds: 300,
    });
  });

  it("a reply after the period counts for replyRate and both response times", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-30 23:50"))
      .agent("v1", "a1", at("2026-10-01 00:10"));
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ replyRate: 1, avgFirstResponseSeconds: 1200, avgResponseSeconds: 1200 });
  });

  it("a reply must be after the inquiry in the same conversation", () => {
    const t = at("2026-09-02 10:00");
    const s = new Scenario()
      .chat("v1", "b1")
      .agent("v1", "a1", t) // same instant, but it arrived first: before the inquiry
      .buyer("v1", t)
      .chat("v2", "b1")
      .agent("v2", "a1", at("2026-09-03 10:00")) // another conversation of the same buyer, no inquiry there
      .chat("v3", "b2")
      .buyer("v3", t)
      .agent("v3", "a1", t); // same instant, arrived after: a reply, 0 s
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({
      inquiringBuyers: 2,
      replyRate: 0.5,
      avgFirstResponseSeconds: 0,
      avgResponseSeconds: 0,
    });
  });

  it("turns: follow-ups wait in the open turn; each human message closes one; unanswered turns are left out", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-02 10:00")) // turn 1 opens
      .agent("v1", "a1", at("2026-09-02 10:01")) // closes it: 60 s
      .agent("v1", "a1", at("2026-09-02 10:02")) // no turn open
      .buyer("v1", at("2026-09-02 10:05")) // turn 2 opens
      .buyer("v1", at("2026-09-02 10:06"))
      .agent("v1", "a1", at("2026-09-02 10:10")) // closes it: 300 s
      .buyer("v1", at("2026-09-02 10:20")); // turn 3, never answered
    // First response: 10:00 → 10:01 = 60 s; turns: (60 + 300) / 2 = 180 s.
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ avgFirstResponseSeconds: 60, avgResponseSeconds: 180 });
  });

  it("a turn opened before the period does not count, and the first inquiry is the first buyer message in the period", () => {
    const s = new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-08-31 23:00")) // before the period: opens a turn that is not an inquiry
      .buyer("v1", at("2026-09-01 09:00")) // an inquiry, inside that open turn
      .agent("v1", "a1", at("2026-09-01 09:02")) // closes the August turn: not counted
      .buyer("v1", at("2026-09-01 10:00")) // a new turn, an inquiry
      .agent("v1", "a1", at("2026-09-01 10:00:30")); // 30 s
    // First response from the first inquiry 09:00 to 09:02 = 120 s.
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ inquiringBuyers: 1, replyRate: 1, avgFirstResponseSeconds: 120, avgResponseSeconds: 30 });
  });

  it("reads messages in time order, then order of arrival, whatever the input order", () => {
    const s = new Scenario().chat("v1", "b1");
    // Given out of order: the agent's 10:01 line comes first in the input.
    s.messages.push({ conversation: "v1", from: "agent", agent: "a1", at: at("2026-09-02 10:01"), seq: 2 });
    s.messages.push({ conversation: "v1", from: "buyer", at: at("2026-09-02 10:00"), seq: 1 });
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ replyRate: 1, avgFirstResponseSeconds: 60 });
  });

  it("at the same instant, order of arrival decides, whatever the input order", () => {
    const t = at("2026-09-02 10:00");
    const s = new Scenario().chat("v1", "b1");
    s.messages.push({ conversation: "v1", from: "agent", agent: "a1", at: t, seq: 2 });
    s.messages.push({ conversation: "v1", from: "buyer", at: t, seq: 1 });
    // The buyer's message arrived first: the agent's is a reply, 0 s later.
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({ replyRate: 1, avgFirstResponseSeconds: 0, avgResponseSeconds: 0 });
  });
});

describe("figures: rounding", () => {
  it("rates to 4 places and seconds to 1, half away from zero; money per buyer/order to the cent", () => {
    const s = new Scenario();
    for (let i = 0; i < 32; i++) s.chat(`v${i}`, `b${i}`).buyer(`v${i}`, at("2026-09-02 10:00"));
    s.order("o1", "b0", at("2026-09-02 10:30"), at("2026-09-02 10:30"), 5);
    // Two answered turns of 0.1 s and 0.4 s: mean 0.25 s → 0.3 (half away from zero, not to even).
    s.agent("v0", "a1", at("2026-09-02 10:00:00.100")).agent("v1", "a1", at("2026-09-02 10:00:00.400"));
    expect(computeFigures(s.data, SEPTEMBER)).toMatchObject({
      inquiryToPaymentRate: 0.0313, // 1/32 = 0.03125
      replyRate: 0.0625, // 2/32
      avgFirstResponseSeconds: 0.3,
      avgResponseSeconds: 0.3,
      sales: 0.05,
      salesPerBuyer: 0.05,
    });
    const two = new Scenario();
    for (let i = 0; i < 3; i++) two.chat(`v${i}`, `b${i}`).buyer(`v${i}`, at("2026-09-02 10:00"));
    two.order("o1", "b0", at("2026-09-02 10:30"), at("2026-09-02 10:30"), 3).order("o2", "b0", at("2026-09-02 10:30"), at("2026-09-02 10:31"), 2);
    // 1/3 → 0.3333; 5 cents / 2 orders = 2.5 cents → 3 cents.
    expect(computeFigures(two.data, SEPTEMBER)).toMatchObject({ inquiryToPaymentRate: 0.3333, salesPerOrder: 0.03, salesPerBuyer: 0.05 });
  });
});
