// Credit of a stored shop: its orders and reviews mapped to trades (stored-trades.ts) and
// run through the same engine as `qindesk credit`; the what-if runs it again with some
// orders rated.
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { dayKey, monthKey } from "../../platform/time/zone";
import { findShop, listShops, type ShopRow } from "../workspace";
import { computeCredit } from "./engine";
import { creditReport } from "./credit-report";
import { buyerNicks, loadShopCreditData, orderTotals } from "./credit.repo";
import { creditLevelRange } from "./levels";
import { PENDING_STATUSES, creditSettingsOf, paidThroughEscrowByDefault, storedTrades, withRatings, type ShopFacts, type StoredTrades } from "./stored-trades";
import type { BuyerRating, CreditOutcome, CreditResult, CreditSettings } from "./types";

/** How many pending orders and cut trades the page lists (counts are always complete). */
export const LISTED = 200;

export async function creditShop(db: Db, workspaceId: string, shopRef: string | undefined): Promise<ShopRow> {
  const shop = shopRef ? await findShop(db, workspaceId, shopRef) : ((await listShops(db, workspaceId))[0] ?? null);
  if (!shop) throw shopRef ? new HttpError(400, "invalid", "No such shop", "shop") : notFound("shop");
  return shop;
}

function facts(shop: ShopRow): ShopFacts {
  return { platform: shop.platform, timezone: shop.timezone, settings: shop.settings };
}

interface Run {
  settings: CreditSettings;
  stored: StoredTrades;
  result: CreditResult;
}

async function run(db: Db, shop: ShopRow, asOf: number): Promise<Run & { orders: Awaited<ReturnType<typeof loadShopCreditData>>["orders"] }> {
  const data = await loadShopCreditData(db, shop.workspaceId, shop.id);
  const settings = creditSettingsOf(facts(shop));
  const stored = storedTrades(facts(shop), data.orders, data.lines, data.reviews);
  const result = computeCredit({ asOf, settings, trades: stored.trades });
  return { settings, stored, result, orders: data.orders };
}

function levelView(score: number, result: CreditResult) {
  return { score, level: result.level, range: creditLevelRange(result.level.index) };
}

/** Orders that could still be rated: paid, not undone, no line rated yet. */
function pendingOrders(r: Run & { orders: { id: string; status: string; createdAt: number; externalId: string | null; customerId: string }[] }) {
  const rated = new Set<string>();
  r.stored.sources.forEach((s, i) => {
    if (r.stored.trades[i]!.buyerRating !== null) rated.add(s.orderId);
  });
  return r.orders.filter((o) => PENDING_STATUSES.has(o.status) && !rated.has(o.id)).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

const CUT: ReadonlySet<CreditOutcome> = new Set(["capped", "same-item"]);

export async function shopCreditView(db: Db, workspaceId: string, shopRef: string | undefined, asOf: number) {
  const shop = await creditShop(db, workspaceId, shopRef);
  const r = await run(db, shop, asOf);
  const report = creditReport(r.stored.trades, r.result, r.settings);
  const pending = pendingOrders(r);
  const cut = r.result.trades.flatMap((t, i) => (CUT.has(t.outcome) ? [{ result: t, trade: r.stored.trades[i]!, source: r.stored.sources[i]! }] : []));
  cut.sort((a, b) => b.trade.createdAt - a.trade.createdAt);
  const shownPending = pending.slice(0, LISTED);
  const shownCut = cut.slice(0, LISTED);
  const nicks = await buyerNicks(db, workspaceId, [...shownPending.map((o) => o.customerId), ...shownCut.map((c) => c.source.customerId)]);
  const totals = await orderTotals(db, workspaceId, shownPending.map((o) => o.id));
  return {
    shop: { id: shop.id, name: shop.name, platform: shop.platform, timezone: shop.timezone },
    asOf: new Date(asOf).toISOString(),
    settings: { ...r.settings, paidThroughEscrow: paidThroughEscrowByDefault(facts(shop)) },
    ...levelView(r.result.score, r.result),
    next: report.next,
    byMonth: report.byMonth,
    caps: report.caps,
    outcomes: report.outcomes,
    trades: r.stored.trades.length,
    cutTrades: shownCut.map(({ result, trade, source }) => ({
      orderId: source.orderId,
      orderExternalId: source.orderExternalId,
      position: source.position,
      customerId: source.customerId,
      nick: nicks.get(source.customerId) ?? null,
      createdAt: new Date(trade.createdAt).toISOString(),
      month: monthKey(trade.createdAt, r.settings.timezone),
      rating: trade.buyerRating ?? "good",
      outcome: result.outcome,
      note: result.note,
    })),
    pending: {
      count: pending.length,
      orders: shownPending.map((o) => ({
        id: o.id,
        externalId: o.externalId,
        status: o.status,
        customerId: o.customerId,
        nick: nicks.get(o.customerId) ?? null,
        createdAt: new Date(o.createdAt).toISOString(),
        day: dayKey(o.createdAt, r.settings.timezone),
        totalCents: totals.get(o.id) ?? null,
      })),
    },
  };
}

export interface WhatIf {
  shop?: string;
  /** Order ids (QinDesk's or the shop's own); `pending: true` takes every pending order instead. */
  orders?: string[];
  pending?: boolean;
  rating: BuyerRating;
}

export async function creditWhatIf(db: Db, workspaceId: string, ask: WhatIf, asOf: number) {
  const shop = await creditShop(db, workspaceId, ask.shop);
  const r = await run(db, shop, asOf);
  let chosen: Set<string>;
  if (ask.pending) {
    chosen = new Set(pendingOrders(r).map((o) => o.id));
  } else {
    const byRef = new Map<string, string>();
    for (const o of r.orders) {
      byRef.set(o.id, o.id);
      if (o.externalId) byRef.set(o.externalId, o.id);
    }
    chosen = new Set();
    for (const [i, ref] of (ask.orders ?? []).entries()) {
      const id = byRef.get(ref);
      // Another shop's or workspace's order is refused like one that does not exist.
      if (!id) throw new HttpError(400, "invalid", `No such order of this shop: ${ref}`, `orders.${i}`);
      chosen.add(id);
    }
  }
  const trades = withRatings(r.stored, chosen, ask.rating, asOf, paidThroughEscrowByDefault(facts(shop)));
  const after = computeCredit({ asOf, settings: r.settings, trades });
  const changed = after.trades.flatMap((t, i) => {
    const source = r.stored.sources[i]!;
    if (!chosen.has(source.orderId)) return [];
    return [{ orderId: source.orderId, orderExternalId: source.orderExternalId, position: source.position, pointsBefore: r.result.trades[i]!.points, points: t.points, outcome: t.outcome, note: t.note }];
  });
  return {
    asOf: new Date(asOf).toISOString(),
    rating: ask.rating,
    orders: chosen.size,
    before: levelView(r.result.score, r.result),
    after: levelView(after.score, after),
    delta: after.score - r.result.score,
    trades: changed.slice(0, LISTED * 5),
  };
}

/** The answers as the workbench reads them. */
export type ShopCreditView = Awaited<ReturnType<typeof shopCreditView>>;
export type CreditWhatIfView = Awaited<ReturnType<typeof creditWhatIf>>;
