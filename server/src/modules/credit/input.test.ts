import { describe, expect, it } from "vitest";
import { CreditInputError, parseCreditInput } from "./input";
import { parseOffsetInstant } from "./iso-time";

describe("parseOffsetInstant", () => {
  it.each([
    ["2026-03-02T10:00:00+08:00", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-02T10:00+08:00", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-02T10:00:00+0800", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-02T10:00:00+08", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-02T02:00:00Z", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-02t02:00:00z", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-01T22:30:00-03:30", Date.UTC(2026, 2, 2, 2)],
    ["2026-03-02T02:00:00.5Z", Date.UTC(2026, 2, 2, 2, 0, 0, 500)],
    ["2026-03-02T02:00:00.123999Z", Date.UTC(2026, 2, 2, 2, 0, 0, 123)],
    ["2028-02-29T00:00:00Z", Date.UTC(2028, 1, 29)],
    ["0050-01-01T00:00:00Z", new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(50)],
  ])("reads %s", (text, expected) => {
    expect(parseOffsetInstant(text)).toBe(expected);
  });

  it.each([
    "2026-03-02T10:00:00", // no offset: which zone would it be?
    "2026-03-02",
    "2026-02-29T00:00:00Z", // 2026 is not a leap year
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-03-02T24:00:00Z",
    "2026-03-02T10:60:00Z",
    "2026-03-02T10:00:60Z",
    "2026-03-02T10:00:00+24:00",
    "2026-03-02 10:00:00+08:00",
    "yesterday",
    "",
    " 2026-03-02T10:00:00Z",
    "2026-03-02T10:00:00+08:",
    "2026-03-02T10:00:00+8:00",
    "2026-03-02T10:00:00.Z",
    "2026-03-02T10:00:00+08:00x",
    "2026-03-02T10:00:00Zx",
    "2026-03-02T10:00.5Z", // a fraction needs seconds
    "2026-03-02T10Z",
  ])("refuses %j", (text) => {
    expect(parseOffsetInstant(text)).toBeNull();
  });
});

const AS_OF = "2026-05-01T00:00:00+08:00";
const T1 = {
  id: "t1",
  buyer: "b1",
  item: "i1",
  createdAt: "2026-03-02T10:00:00+08:00",
  status: "success",
  escrow: true,
  buyerRating: "good",
  buyerRatedAt: "2026-03-06T10:00:00+08:00",
  sellerRatedAt: null,
};

function messageOf(json: unknown): string {
  try {
    parseCreditInput(json);
  } catch (err) {
    expect(err).toBeInstanceOf(CreditInputError);
    const message = (err as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("parseCreditInput accepted the input");
}

const withTrade = (changes: Record<string, unknown>) => ({ asOf: AS_OF, trades: [T1, { ...T1, id: "t2", ...changes }] });

describe("parseCreditInput", () => {
  it("turns the contract's example into engine input, times as epoch ms", () => {
    const input = parseCreditInput({ asOf: AS_OF, settings: { monthlyPairCap: 3 }, trades: [T1] });
    expect(input).toEqual({
      asOf: Date.UTC(2026, 3, 30, 16),
      settings: { monthlyPairCap: 3 },
      trades: [{ ...T1, createdAt: Date.UTC(2026, 2, 2, 2), buyerRatedAt: Date.UTC(2026, 2, 6, 2), sellerRatedAt: null }],
    });
  });

  it("takes missing or null settings and rating fields as absent", () => {
    const input = parseCreditInput({ asOf: AS_OF, settings: null, trades: [{ id: "t1", buyer: "b", item: "i", createdAt: T1.createdAt, status: "success", escrow: true }] });
    expect(input.settings).toBeUndefined();
    expect(input.trades[0]).toMatchObject({ buyerRating: null, buyerRatedAt: null, sellerRatedAt: null });
  });

  it("accepts any status string (only success counts) and an empty list of trades", () => {
    expect(parseCreditInput(withTrade({ status: "交易关闭" })).trades[1]!.status).toBe("交易关闭");
    expect(parseCreditInput({ asOf: AS_OF, trades: [] }).trades).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ["not an object", [], "the credit file must be one JSON object with asOf, settings and trades"],
    ["no asOf", { trades: [] }, "missing asOf"],
    ["asOf without offset", { asOf: "2026-05-01T00:00:00", trades: [] }, 'asOf "2026-05-01T00:00:00" is not an ISO 8601 time with an offset'],
    ["no trades", { asOf: AS_OF }, "missing trades (expected an array)"],
    ["trades not a list", { asOf: AS_OF, trades: {} }, "trades must be an array, not {}"],
    ["unknown rating", withTrade({ id: "t7", buyerRating: "great" }), 'trade t7: unknown buyerRating "great" (expected good, neutral, bad or null)'],
    ["bad time", withTrade({ id: "t3", createdAt: "yesterday" }), 'trade t3: createdAt "yesterday" is not an ISO 8601 time with an offset'],
    ["no such date", withTrade({ buyerRatedAt: "2026-02-30T10:00:00Z" }), 'trade t2: buyerRatedAt "2026-02-30T10:00:00Z" is not an ISO 8601 time with an offset'],
    ["time as a number", withTrade({ sellerRatedAt: 1772416800000 }), "trade t2: sellerRatedAt 1772416800000 must be an ISO 8601 time with an offset, or null"],
    ["missing id", { asOf: AS_OF, trades: [T1, T1, T1, T1, { ...T1, id: undefined }] }, "trades[4]: missing id"],
    ["numeric id", withTrade({ id: 7 }), "trades[1]: id 7 must be a string"],
    ["empty id", withTrade({ id: "" }), "trades[1]: empty id"],
    ["trade not an object", { asOf: AS_OF, trades: [T1, "t2"] }, 'trades[1]: must be an object, not "t2"'],
    ["missing buyer", withTrade({ buyer: undefined }), "trade t2: missing buyer"],
    ["escrow as text", withTrade({ escrow: "yes" }), 'trade t2: escrow "yes" must be true or false'],
    ["missing escrow", withTrade({ escrow: undefined }), "trade t2: missing escrow"],
    ["rating without time", withTrade({ buyerRatedAt: null }), 'trade t2: buyerRating "good" has no buyerRatedAt'],
    ["duplicate id", { asOf: AS_OF, trades: [T1, { ...T1, buyer: "b2" }] }, "trade t1: duplicate id (trades[0] and trades[1])"],
    ["id with spaces", withTrade({ id: "order 7", createdAt: "soon" }), 'trade "order 7": createdAt "soon" is not an ISO 8601 time with an offset'],
    ["unknown zone", { asOf: AS_OF, settings: { timezone: "Mars/X" }, trades: [] }, 'settings.timezone "Mars/X" is not an IANA time zone'],
    ["negative cap", { asOf: AS_OF, settings: { monthlyPairCap: -1 }, trades: [] }, "settings.monthlyPairCap -1 must be a whole number ≥ 0"],
    ["fractional days", { asOf: AS_OF, settings: { reviewWindowDays: 1.5 }, trades: [] }, "settings.reviewWindowDays 1.5 must be a whole number ≥ 0"],
    ["days as text", { asOf: AS_OF, settings: { sameItemWindowDays: "14" }, trades: [] }, 'settings.sameItemWindowDays "14" must be a number'],
    [
      "misspelt setting",
      { asOf: AS_OF, settings: { reviewWindow: 30 }, trades: [] },
      'settings: unknown key "reviewWindow" (expected reviewWindowDays, defaultGoodAfterDays, monthlyPairCap, sameItemWindowDays, timezone)',
    ],
  ])("refuses %s with one line naming it", (_case, json, message) => {
    expect(messageOf(json)).toBe(message);
  });

  it("names the first bad trade in file order", () => {
    const json = { asOf: AS_OF, trades: [T1, { ...T1, id: "t2", escrow: 1 }, { ...T1, id: "t3", buyerRating: "meh" }] };
    expect(messageOf(json)).toBe("trade t2: escrow 1 must be true or false");
  });
});
