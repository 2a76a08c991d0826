// Expectations are worked out by hand from CONTRACTS §5; each test names the edge it pins.
import { describe, expect, it } from "vitest";
import { computeCredit } from "./engine";
import { AS_OF, bad, credit, good, ms, plusDays, trade } from "./test-trades";

const C = "2026-03-02T10:00:00+08:00"; // a trade's creation, well inside every window
const LATE_AS_OF = "2027-06-01T00:00:00+08:00"; // far enough for review-window edges

describe("rule 1: only successful trades paid through escrow count", () => {
  it("counts a successful escrow trade and nothing else, saying why", () => {
    const { points, notes, score } = credit([
      good("t1", C),
      good("t2", C, { buyer: "b2", status: "closed" }),
      good("t3", C, { buyer: "b3", escrow: false }),
      good("t4", C, { buyer: "b4", status: "refunded", escrow: false }),
      good("t5", C, { buyer: "b5", status: "SUCCESS" }),
    ]);
    expect(points).toEqual({ t1: 1, t2: 0, t3: 0, t4: 0, t5: 0 });
    expect(score).toBe(1);
    expect(notes).toEqual({
      t1: "good rating",
      t2: "not counted: status closed",
      t3: "not counted: not paid through escrow",
      t4: "not counted: status refunded, not paid through escrow",
      t5: "not counted: status SUCCESS",
    });
  });

  it("gives no default good to a trade that does not count", () => {
    const { points } = credit([trade("t1", C, { status: "closed", sellerRated: plusDays(C, 1) })]);
    expect(points.t1).toBe(0);
  });

  it("opens no same-item window for a trade that does not count", () => {
    // t1 (closed) at day 0 must not open [0, 14): t2 at day 5 opens [5, 19), which holds t3 at day 16.
    const { points, notes } = credit([good("t1", C, { status: "closed" }), good("t2", plusDays(C, 5)), good("t3", plusDays(C, 16))]);
    expect(points).toEqual({ t1: 0, t2: 1, t3: 0 });
    expect(notes.t3).toBe("good rating; same item within 14 days: counted once, on t2");
  });

  it("takes no place under the monthly cap for a trade that does not count", () => {
    const { points } = credit([good("t1", C, { escrow: false }), good("t2", plusDays(C, 1), { item: "i2" })], { monthlyPairCap: 1 });
    expect(points).toEqual({ t1: 0, t2: 1 });
  });
});

describe("rule 2: a buyer rating counts from createdAt to createdAt + reviewWindowDays, and not after asOf", () => {
  it("includes both ends of the review window", () => {
    const { points, notes } = credit(
      [
        trade("at-creation", C, { buyer: "b1", rated: ["good", C] }),
        trade("before-creation", C, { buyer: "b2", rated: ["good", plusDays(C, 0, -1)] }),
        trade("last-moment", C, { buyer: "b3", rated: ["good", plusDays(C, 345)] }),
        trade("too-late", C, { buyer: "b4", rated: ["good", plusDays(C, 345, 1)] }),
        trade("too-late-bad", C, { buyer: "b5", rated: ["bad", plusDays(C, 345, 1)] }),
      ],
      {},
      LATE_AS_OF,
    );
    expect(points).toEqual({ "at-creation": 1, "before-creation": 0, "last-moment": 1, "too-late": 0, "too-late-bad": 0 });
    expect(notes["before-creation"]).toBe("good rating not counted: given before the trade was created");
    expect(notes["too-late"]).toBe("good rating outside the 345-day review window");
    expect(notes["too-late-bad"]).toBe("bad rating outside the 345-day review window");
  });

  it("counts a rating given exactly at asOf, not one after it", () => {
    const { points, notes } = credit([
      trade("at-as-of", C, { buyer: "b1", rated: ["good", AS_OF] }),
      trade("after", C, { buyer: "b2", rated: ["bad", plusDays(AS_OF, 0, 1000)] }),
    ]);
    expect(points).toEqual({ "at-as-of": 1, after: 0 });
    expect(notes.after).toBe("bad rating not counted: given after asOf");
  });

  it("follows the reviewWindowDays setting", () => {
    const { points, notes } = credit(
      [trade("t1", C, { rated: ["good", plusDays(C, 30)] }), trade("t2", C, { buyer: "b2", rated: ["good", plusDays(C, 30, 1)] })],
      { reviewWindowDays: 30 },
    );
    expect(points).toEqual({ t1: 1, t2: 0 });
    expect(notes.t2).toBe("good rating outside the 30-day review window");
  });

  it("does not turn a refused rating into a default good", () => {
    // The seller rated on day 1, so without the buyer's rating each would be a default good by asOf.
    const seller = { sellerRated: plusDays(C, 1) };
    const outside = credit([trade("t1", C, { rated: ["good", plusDays(C, 400)], ...seller })], {}, LATE_AS_OF);
    expect(outside.points.t1).toBe(0);
    const afterAsOf = credit([trade("t1", C, { rated: ["good", plusDays(AS_OF, 1)], ...seller })]);
    expect(afterAsOf.points.t1).toBe(0);
    expect(afterAsOf.notes.t1).toBe("good rating not counted: given after asOf");
  });

  it("lets a refused bad rating hold no same-item point", () => {
    // t1's bad falls outside the window, so t2's bad in the same 14 days is the one that counts.
    const { points } = credit([trade("t1", C, { rated: ["bad", plusDays(C, 400)] }), bad("t2", plusDays(C, 5))], {}, LATE_AS_OF);
    expect(points).toEqual({ t1: 0, t2: -1 });
  });

  it("refuses a rating that has no time (input a database adapter could send)", () => {
    const { points, notes } = credit([trade("t1", C, { ratingWithoutTime: "good", sellerRated: plusDays(C, 1) })]);
    expect(points.t1).toBe(0);
    expect(notes.t1).toBe("good rating not counted: no rating time");
  });
});

describe("rule 3: seller rated, buyer silent: default good after defaultGoodAfterDays", () => {
  it("gives a default good and says when the seller rated, in the shop's date", () => {
    const { points, notes } = credit([trade("t4", "2026-03-01T10:00:00+08:00", { sellerRated: "2026-03-03T10:00:00+08:00" })]);
    expect(points.t4).toBe(1);
    expect(notes.t4).toBe("default good: seller rated 2026-03-03, buyer silent 45 days");
  });

  it("gives it when T + 45 days is exactly asOf, not a millisecond later", () => {
    // asOf 2026-05-01 00:00 +08:00 − 45 days = 2026-03-17 00:00 +08:00.
    const { points, notes } = credit([
      trade("on-time", C, { buyer: "b1", sellerRated: "2026-03-17T00:00:00+08:00" }),
      trade("pending", C, { buyer: "b2", sellerRated: "2026-03-17T00:00:00.001+08:00" }),
    ]);
    expect(points).toEqual({ "on-time": 1, pending: 0 });
    expect(notes.pending).toBe("no rating yet: seller rated 2026-03-17, default good due 2026-05-01, after asOf");
  });

  it("ignores the review window", () => {
    // Seller rated 374 days after the trade; the default good still comes (2026-04-24 ≤ asOf).
    const { points } = credit([trade("t1", "2025-03-01T10:00:00+08:00", { sellerRated: "2026-03-10T10:00:00+08:00" })]);
    expect(points.t1).toBe(1);
  });

  it("follows the defaultGoodAfterDays setting", () => {
    const { points, notes } = credit([trade("t1", C, { sellerRated: "2026-04-21T00:00:00+08:00" })], { defaultGoodAfterDays: 10 });
    expect(points.t1).toBe(1);
    expect(notes.t1).toBe("default good: seller rated 2026-04-21, buyer silent 10 days");
  });

  it("leaves a trade nobody rated at 0", () => {
    const { points, notes } = credit([trade("t1", C)]);
    expect(points.t1).toBe(0);
    expect(notes.t1).toBe("no rating");
  });

  it("dates the note in the shop's time zone", () => {
    const t = trade("t1", C, { sellerRated: "2026-03-02T20:00:00Z" }); // 2026-03-03 04:00 in Shanghai
    expect(credit([t]).notes.t1).toBe("default good: seller rated 2026-03-03, buyer silent 45 days");
    expect(credit([t], { timezone: "UTC" }).notes.t1).toBe("default good: seller rated 2026-03-02, buyer silent 45 days");
  });
});

describe("rule 4: good +1, neutral 0, bad −1", () => {
  it("scores each rating", () => {
    const { points, notes, score } = credit([
      good("g", C, { buyer: "b1" }),
      trade("n", C, { buyer: "b2", rated: ["neutral", plusDays(C, 1)] }),
      bad("b", C, { buyer: "b3" }),
      bad("b-other", C, { buyer: "b4" }),
    ]);
    expect(points).toEqual({ g: 1, n: 0, b: -1, "b-other": -1 });
    expect(notes).toMatchObject({ g: "good rating", n: "neutral rating: 0 points", b: "bad rating" });
    expect(score).toBe(-1);
  });
});

describe("rule 5: same buyer, same item: one good and one bad per 14-day window", () => {
  it("counts two goods within 14 days once, on the earlier trade", () => {
    const { points, notes } = credit([good("t1", C), good("t2", plusDays(C, 3))]);
    expect(points).toEqual({ t1: 1, t2: 0 });
    expect(notes.t2).toBe("good rating; same item within 14 days: counted once, on t1");
  });

  it("ends the window just before createdAt + 14 days", () => {
    const { points } = credit([
      good("a1", C, { buyer: "a" }),
      good("a2", plusDays(C, 14), { buyer: "a" }),
      good("b1", C, { buyer: "b" }),
      good("b2", plusDays(C, 14, -1), { buyer: "b" }),
    ]);
    expect(points).toEqual({ a1: 1, a2: 1, b1: 1, b2: 0 });
  });

  it("starts each window at its first trade, not at the previous trade", () => {
    // Windows [0, 14) and [15, 29): days 0, 10 | 15, 25.
    const { points } = credit([good("d0", C), good("d10", plusDays(C, 10)), good("d15", plusDays(C, 15)), good("d25", plusDays(C, 25))]);
    expect(points).toEqual({ d0: 1, d10: 0, d15: 1, d25: 0 });
  });

  it("lets an unrated trade open a window", () => {
    // t1 opens [0, 14): t2 (day 10) holds that window's good, t3 (day 20) opens the next.
    const { points } = credit([trade("t1", C), good("t2", plusDays(C, 10)), good("t3", plusDays(C, 20))]);
    expect(points).toEqual({ t1: 0, t2: 1, t3: 1 });
  });

  it("lets a trade whose rating was refused open a window", () => {
    const { points } = credit([trade("t1", C, { rated: ["good", plusDays(C, 400)] }), good("t2", plusDays(C, 10)), good("t3", plusDays(C, 20))]);
    expect(points).toEqual({ t1: 0, t2: 1, t3: 1 });
  });

  it("counts the window's good and its bad separately", () => {
    const { points, notes, score } = credit([good("t1", C), bad("t2", plusDays(C, 1)), bad("t3", plusDays(C, 2)), good("t4", plusDays(C, 3))]);
    expect(points).toEqual({ t1: 1, t2: -1, t3: 0, t4: 0 });
    expect(notes.t3).toBe("bad rating; same item within 14 days: counted once, on t2");
    expect(score).toBe(0);
  });

  it("lets a neutral neither take nor lose the good", () => {
    const { points } = credit([trade("t1", C, { rated: ["neutral", plusDays(C, 1)] }), good("t2", plusDays(C, 1))]);
    expect(points).toEqual({ t1: 0, t2: 1 });
  });

  it("keeps the point on the earliest created trade, whenever it was rated", () => {
    const { points } = credit([trade("t1", C, { rated: ["good", plusDays(C, 20)] }), trade("t2", plusDays(C, 1), { rated: ["good", plusDays(C, 2)] })]);
    expect(points).toEqual({ t1: 1, t2: 0 });
  });

  it("keeps other items and other buyers apart", () => {
    const { points } = credit([good("t1", C), good("t2", plusDays(C, 1), { item: "i2" }), good("t3", plusDays(C, 2), { buyer: "b2" })]);
    expect(points).toEqual({ t1: 1, t2: 1, t3: 1 });
  });

  it("treats a default good as a good rating", () => {
    const seller = { sellerRated: plusDays(C, 1) };
    const first = credit([trade("t1", C, seller), good("t2", plusDays(C, 2))]);
    expect(first.points).toEqual({ t1: 1, t2: 0 });
    const second = credit([good("t1", C), trade("t2", plusDays(C, 2), { sellerRated: "2026-03-05T10:00:00+08:00" })]);
    expect(second.points).toEqual({ t1: 1, t2: 0 });
    expect(second.notes.t2).toBe("default good (seller rated 2026-03-05); same item within 14 days: counted once, on t1");
  });

  it("breaks a createdAt tie by id, whatever the input order", () => {
    expect(credit([good("t-b", C), good("t-a", C)]).points).toEqual({ "t-a": 1, "t-b": 0 });
    expect(credit([good("t-a", C), good("t-b", C)]).points).toEqual({ "t-a": 1, "t-b": 0 });
  });

  it("follows the sameItemWindowDays setting (0 turns the rule off)", () => {
    expect(credit([good("t1", C), good("t2", plusDays(C, 3))], { sameItemWindowDays: 3 }).points).toEqual({ t1: 1, t2: 1 });
    expect(credit([good("t1", C), good("t2", C)], { sameItemWindowDays: 0 }).points).toEqual({ t1: 1, t2: 1 });
  });
});

describe("rule 6: one buyer's points per natural month: at most +6 and at least −6", () => {
  const march = (day: number, hour = 10) => `2026-03-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+08:00`;

  it("keeps the first six goods by createdAt, whatever the input order", () => {
    const goods = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => good(`d${d}`, march(d), { item: `i${d}` })).reverse();
    const { points, notes, score } = credit(goods);
    expect(points).toEqual({ d1: 1, d2: 1, d3: 1, d4: 1, d5: 1, d6: 1, d7: 0, d8: 0 });
    expect(notes.d7).toBe("good rating; monthly cap of 6 reached for this buyer in 2026-03");
    expect(score).toBe(6);
  });

  it("caps bads separately from goods", () => {
    // Goods on days 1-7 at 10:00, bads on days 1-7 at 22:00: six of each count.
    const trades = [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [good(`g${d}`, march(d), { item: `g${d}` }), bad(`b${d}`, march(d, 22), { item: `b${d}` })]);
    const { points, notes, score } = credit(trades);
    expect(points.g7).toBe(0);
    expect(points.b7).toBe(0);
    expect(points.b6).toBe(-1); // counted although the goods' cap was reached before it
    expect(notes.b7).toBe("bad rating; monthly cap of -6 reached for this buyer in 2026-03");
    expect(score).toBe(0);
  });

  it("starts again in the next month", () => {
    const trades = [1, 2, 3, 4, 5, 6, 7].map((d) => good(`d${d}`, march(d), { item: `i${d}` }));
    trades.push(good("april", "2026-04-01T00:00:00+08:00", { item: "i9" }));
    expect(credit(trades).points).toMatchObject({ d7: 0, april: 1 });
  });

  it("reckons the month in the shop's time zone", () => {
    // 2026-04-01 00:30 in Shanghai is still 2026-03-31 in UTC.
    const trades = [good("t1", "2026-03-31T10:00:00+08:00"), good("t2", "2026-04-01T00:30:00+08:00", { item: "i2" })];
    expect(credit(trades, { monthlyPairCap: 1 }).points).toEqual({ t1: 1, t2: 1 });
    const utc = credit(trades, { monthlyPairCap: 1, timezone: "UTC" });
    expect(utc.points).toEqual({ t1: 1, t2: 0 });
    expect(utc.notes.t2).toBe("good rating; monthly cap of 1 reached for this buyer in 2026-03");
  });

  it("puts the last millisecond of March in March and midnight in April", () => {
    const trades = [
      good("t1", "2026-03-02T10:00:00+08:00"),
      good("t2", "2026-03-31T23:59:59.999+08:00", { item: "i2" }),
      good("t3", "2026-04-01T00:00:00+08:00", { item: "i3" }),
    ];
    expect(credit(trades, { monthlyPairCap: 1 }).points).toEqual({ t1: 1, t2: 0, t3: 1 });
  });

  it("uses the month of createdAt, not of the rating", () => {
    const trades = [trade("t1", "2026-03-30T10:00:00+08:00", { rated: ["good", "2026-04-02T10:00:00+08:00"] }), good("t2", "2026-04-03T10:00:00+08:00", { item: "i2" })];
    expect(credit(trades, { monthlyPairCap: 1 }).points).toEqual({ t1: 1, t2: 1 });
  });

  it("counts default goods toward the cap", () => {
    const trades = [trade("t1", march(2), { sellerRated: march(3) }), good("t2", march(4), { item: "i2" }), good("t3", march(5), { item: "i3" })];
    const { points, notes } = credit(trades, { monthlyPairCap: 2 });
    expect(points).toEqual({ t1: 1, t2: 1, t3: 0 });
    expect(credit([...trades].reverse(), { monthlyPairCap: 1 }).notes.t2).toBe("good rating; monthly cap of 1 reached for this buyer in 2026-03");
    expect(notes.t3).toBe("good rating; monthly cap of 2 reached for this buyer in 2026-03");
  });

  it("applies after rule 5: a good counted once takes one place", () => {
    const trades = [good("t1", march(2)), good("t2", march(3)), good("t3", march(4), { item: "i2" }), good("t4", march(5), { item: "i3" })];
    const { points, notes } = credit(trades, { monthlyPairCap: 2 });
    expect(points).toEqual({ t1: 1, t2: 0, t3: 1, t4: 0 });
    expect(notes.t2).toMatch(/same item/);
    expect(notes.t4).toMatch(/monthly cap/);
  });

  it("keeps buyers apart and follows the setting (0 counts nothing)", () => {
    expect(credit([good("t1", march(2)), good("t2", march(3), { buyer: "b2" })], { monthlyPairCap: 1 }).points).toEqual({ t1: 1, t2: 1 });
    expect(credit([good("t1", march(2)), bad("t2", march(3), { item: "i2" })], { monthlyPairCap: 0 }).points).toEqual({ t1: 0, t2: 0 });
  });
});

describe("rule 7 and the result", () => {
  it("gives the level of the score", () => {
    const four = ["b1", "b2", "b3", "b4"].map((b, k) => good(`t${k}`, C, { buyer: b }));
    expect(credit(four).result.level).toEqual({ index: 1, tier: "heart", rank: 1 });
    expect(credit(four.slice(1)).result.level).toEqual({ index: 0, tier: "none", rank: 0 });
    expect(credit([bad("t1", C)]).result.level).toEqual({ index: 0, tier: "none", rank: 0 });
  });

  it("lists every input trade once, in input order", () => {
    const trades = [good("z", C), trade("a", C, { status: "closed" }), good("m", plusDays(C, 1)), trade("b", C, { buyer: "b2" })];
    expect(credit(trades).result.trades.map((t) => t.id)).toEqual(["z", "a", "m", "b"]);
  });

  it("scores an empty shop 0", () => {
    expect(computeCredit({ asOf: ms(AS_OF), trades: [] })).toEqual({ score: 0, level: { index: 0, tier: "none", rank: 0 }, trades: [] });
  });

  it("uses the contract's defaults for settings left out", () => {
    const trades = [good("t1", C), good("t2", plusDays(C, 13)), trade("t3", C, { buyer: "b2", sellerRated: plusDays(C, 1) })];
    const defaults = { reviewWindowDays: 345, defaultGoodAfterDays: 45, monthlyPairCap: 6, sameItemWindowDays: 14, timezone: "Asia/Shanghai" };
    expect(credit(trades).result).toEqual(credit(trades, defaults).result);
    expect(computeCredit({ asOf: ms(AS_OF), trades })).toEqual(credit(trades, defaults).result);
  });

  it("tells outcomes apart for the summary", () => {
    const { result } = credit([good("t1", C), good("t2", plusDays(C, 1)), trade("t3", C, { buyer: "b2", status: "closed" }), trade("t4", C, { buyer: "b3" })]);
    expect(result.trades.map((t) => t.outcome)).toEqual(["rated", "same-item", "not-counted", "no-rating"]);
  });
});
