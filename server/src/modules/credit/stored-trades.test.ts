// A stored shop's orders and reviews as engine trades: one rule per test.
import { describe, expect, it } from "vitest";
import { creditSettingsOf, orderCountsForCredit, paidThroughEscrowByDefault, ratingsByLine, storedTrades, withRatings, type ShopFacts, type StoredLine, type StoredOrder, type StoredReview } from "./stored-trades";
import { DEFAULT_CREDIT_SETTINGS } from "./types";

const T = Date.parse("2026-03-02T10:00:00+08:00");
const DAY = 86_400_000;
const taobao: ShopFacts = { platform: "taobao", timezone: "Asia/Shanghai", settings: {} };

const order = (id: string, fields: Partial<StoredOrder> = {}): StoredOrder => ({ id, externalId: null, customerId: "c1", status: "completed", createdAt: T, paidAt: T + 60_000, ...fields });
const line = (orderId: string, position: number, productId: string | null, names: string[] = productId ? [productId] : []): StoredLine => ({ orderId, position, productId, skuId: null, names });
const review = (id: string, orderId: string, fields: Partial<StoredReview> = {}): StoredReview => ({ id, orderId, item: null, rating: "good", at: T + DAY, ...fields });

describe("stored orders as trades", () => {
  it("makes a completed order paid through escrow a successful escrow trade, one per line, with the line's product as item", () => {
    const { trades, sources } = storedTrades(taobao, [order("o1")], [line("o1", 0, "p1"), line("o1", 1, "p2")], []);
    expect(trades).toEqual([
      { id: "o1#0", buyer: "c1", item: "p1", createdAt: T, status: "success", escrow: true, buyerRating: null, buyerRatedAt: null, sellerRatedAt: null },
      { id: "o1#1", buyer: "c1", item: "p2", createdAt: T, status: "success", escrow: true, buyerRating: null, buyerRatedAt: null, sellerRatedAt: null },
    ]);
    expect(sources.map((s) => [s.orderId, s.position])).toEqual([["o1", 0], ["o1", 1]]);
  });

  it("keeps other statuses as they are (delivered, refunded… do not count) and an unpaid order out of escrow", () => {
    const { trades } = storedTrades(taobao, [order("o1", { status: "delivered" }), order("o2", { status: "refunded" }), order("o3", { paidAt: null })], [line("o1", 0, "p"), line("o2", 0, "p"), line("o3", 0, "p")], []);
    expect(trades.map((t) => [t.status, t.escrow])).toEqual([["delivered", true], ["refunded", true], ["success", false]]);
  });

  it("assumes escrow on taobao and tmall only, unless the shop says otherwise", () => {
    expect(paidThroughEscrowByDefault({ platform: "tmall", settings: {} })).toBe(true);
    expect(paidThroughEscrowByDefault({ platform: "own", settings: {} })).toBe(false);
    expect(paidThroughEscrowByDefault({ platform: "own", settings: { credit: { paidThroughEscrow: true } } })).toBe(true);
    expect(paidThroughEscrowByDefault({ platform: "taobao", settings: { credit: { paidThroughEscrow: false } } })).toBe(false);
    expect(orderCountsForCredit({ status: "completed", paidAt: T }, taobao)).toBe(true);
    expect(orderCountsForCredit({ status: "delivered", paidAt: T }, taobao)).toBe(false);
    expect(orderCountsForCredit({ status: "completed", paidAt: null }, taobao)).toBe(false);
  });

  it("gives a line without a product its own item, and an order without lines one trade", () => {
    const { trades } = storedTrades(taobao, [order("o1"), order("o2")], [line("o1", 0, null)], []);
    expect(trades.map((t) => [t.id, t.item])).toEqual([["o1#0", "line:o1#0"], ["o2#0", "line:o2#0"]]);
  });

  it("puts a review on the line its item names (product or SKU, QinDesk's id or the shop's), else on every line", () => {
    const lines = [line("o1", 0, "p1", ["p1", "TB-P1", "sku1", "TB-SKU1"]), line("o1", 1, "p2", ["p2", "TB-P2"])];
    const rate = (item: string | null) => storedTrades(taobao, [order("o1")], lines, [review("r", "o1", { item, rating: "bad" })]).trades.map((t) => t.buyerRating);
    expect(rate("TB-SKU1")).toEqual(["bad", null]);
    expect(rate("p2")).toEqual([null, "bad"]);
    expect(rate("TB-P1")).toEqual(["bad", null]);
    expect(rate(null)).toEqual(["bad", "bad"]);
    expect(rate("something-else")).toEqual(["bad", "bad"]);
  });

  it("takes the latest review of a line as its rating, at that review's time", () => {
    const standing = ratingsByLine([line("o1", 0, "p1")], [review("r1", "o1", { rating: "bad", at: T + DAY }), review("r2", "o1", { rating: "good", at: T + 3 * DAY }), review("r0", "o1", { rating: "neutral", at: T + 2 * DAY })]);
    expect(standing.get("o1#0")!.id).toBe("r2");
    const { trades } = storedTrades(taobao, [order("o1")], [line("o1", 0, "p1")], [review("r1", "o1", { rating: "bad", at: T + DAY }), review("r2", "o1", { rating: "good", at: T + 3 * DAY })]);
    expect(trades[0]).toMatchObject({ buyerRating: "good", buyerRatedAt: T + 3 * DAY, sellerRatedAt: null });
  });

  it("reads the shop's credit rules over the contract's defaults, in the shop's time zone", () => {
    expect(creditSettingsOf({ platform: "taobao", timezone: "Asia/Seoul", settings: {} })).toEqual({ ...DEFAULT_CREDIT_SETTINGS, timezone: "Asia/Seoul" });
    expect(creditSettingsOf({ ...taobao, settings: { credit: { reviewWindowDays: 180, monthlyPairCap: 3, sameItemWindowDays: 0, defaultGoodAfterDays: -1 } } })).toMatchObject({
      reviewWindowDays: 180,
      monthlyPairCap: 3,
      sameItemWindowDays: 0,
      defaultGoodAfterDays: 45,
    });
  });

  it("what-if: the chosen orders completed, through escrow, rated at asOf (or at their own rating's time)", () => {
    const stored = storedTrades(taobao, [order("o1", { status: "shipped" }), order("o2"), order("o3")], [line("o1", 0, "p"), line("o2", 0, "p"), line("o3", 0, "p")], [review("r", "o2", { rating: "bad", at: T + 2 * DAY })]);
    const asOf = T + 20 * DAY;
    const trades = withRatings(stored, new Set(["o1", "o2"]), "good", asOf, true);
    expect(trades[0]).toMatchObject({ status: "success", escrow: true, buyerRating: "good", buyerRatedAt: asOf });
    expect(trades[1]).toMatchObject({ buyerRating: "good", buyerRatedAt: T + 2 * DAY });
    expect(trades[2]).toBe(stored.trades[2]);
  });
});
