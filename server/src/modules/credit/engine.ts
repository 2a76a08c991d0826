// Shop credit (CONTRACTS §5, seed 001 §1.3): pure, no I/O.
//
// Rules 1-4 are per trade. Rules 5 and 6 only ever involve one buyer, and each of
// their decisions looks back only (the window's earlier trades, the month's earlier
// points), so they are decided in one walk over each buyer's counted trades in
// createdAt order: a trade's points are final when the walk reaches it.
//
// Speed (a million trades): buyers and items are interned to small integers, trades
// are bucketed by buyer with a counting sort and only each buyer's few trades are
// sorted by time, and the walk reads typed arrays rather than chasing objects.
import { monthKey } from "../../platform/time/zone";
import { creditLevel } from "./levels";
import { cachedByHour } from "./hour-cache";
import { noteWriter, outcomeOf } from "./notes";
import { Basis, Cut } from "./reasons";
import { DEFAULT_CREDIT_SETTINGS, type CreditInput, type CreditResult, type CreditSettings, type CreditTrade, type CreditTradeResult } from "./types";

const DAY = 86_400_000;

// Local copies: the hot loops should not go through another module's bindings.
const NOT_COUNTED = Basis.NotCounted;
const NO_RATING = Basis.NoRating;
const DEFAULT_GOOD_PENDING = Basis.DefaultGoodPending;
const RATED_BEFORE_CREATED = Basis.RatedBeforeCreated;
const RATED_OUTSIDE_WINDOW = Basis.RatedOutsideWindow;
const RATED_AFTER_AS_OF = Basis.RatedAfterAsOf;
const RATING_WITHOUT_TIME = Basis.RatingWithoutTime;
const RATED = Basis.Rated;
const DEFAULT_GOOD = Basis.DefaultGood;
const SAME_ITEM = Cut.SameItem;
const MONTHLY_CAP = Cut.MonthlyCap;

const RATING_POINTS = { good: 1, neutral: 0, bad: -1 } as const;

/** Settings with defaults for the keys left out (or passed as undefined). */
export function resolveCreditSettings(partial: Partial<CreditSettings> | undefined): CreditSettings {
  return {
    reviewWindowDays: partial?.reviewWindowDays ?? DEFAULT_CREDIT_SETTINGS.reviewWindowDays,
    defaultGoodAfterDays: partial?.defaultGoodAfterDays ?? DEFAULT_CREDIT_SETTINGS.defaultGoodAfterDays,
    monthlyPairCap: partial?.monthlyPairCap ?? DEFAULT_CREDIT_SETTINGS.monthlyPairCap,
    sameItemWindowDays: partial?.sameItemWindowDays ?? DEFAULT_CREDIT_SETTINGS.sameItemWindowDays,
    timezone: partial?.timezone ?? DEFAULT_CREDIT_SETTINGS.timezone,
  };
}

function intern(names: Map<string, number>, name: string): number {
  let id = names.get(name);
  if (id === undefined) {
    id = names.size;
    names.set(name, id);
  }
  return id;
}

/** The score, level and per-trade points and notes for the trades of one shop. */
export function computeCredit(input: CreditInput): CreditResult {
  const settings = resolveCreditSettings(input.settings);
  const { trades, asOf } = input;
  const n = trades.length;
  const reviewWindowMs = settings.reviewWindowDays * DAY;
  const defaultGoodMs = settings.defaultGoodAfterDays * DAY;

  const basis = new Uint8Array(n);
  const points = new Int8Array(n);
  const created = new Float64Array(n);
  const buyerOf = new Int32Array(n);
  const itemOf = new Int32Array(n);
  const buyerIds = new Map<string, number>();
  const itemIds = new Map<string, number>();
  let countedTrades = 0;

  // Rules 1-4, in input order.
  for (let i = 0; i < n; i++) {
    const trade = trades[i]!;
    const at = trade.createdAt;
    created[i] = at;
    if (trade.status !== "success" || trade.escrow !== true) {
      basis[i] = NOT_COUNTED;
      continue;
    }
    countedTrades++;
    buyerOf[i] = intern(buyerIds, trade.buyer);
    itemOf[i] = intern(itemIds, trade.item);
    const rating = trade.buyerRating;
    if (rating !== null) {
      // Any buyer rating, even one that rule 2 refuses, rules out a default good (rule 3).
      const ratedAt = trade.buyerRatedAt;
      if (ratedAt === null) basis[i] = RATING_WITHOUT_TIME;
      else if (ratedAt < at) basis[i] = RATED_BEFORE_CREATED;
      else if (ratedAt > at + reviewWindowMs) basis[i] = RATED_OUTSIDE_WINDOW;
      else if (ratedAt > asOf) basis[i] = RATED_AFTER_AS_OF;
      else {
        basis[i] = RATED;
        points[i] = RATING_POINTS[rating];
      }
    } else if (trade.sellerRatedAt === null) {
      basis[i] = NO_RATING;
    } else if (trade.sellerRatedAt + defaultGoodMs <= asOf) {
      basis[i] = DEFAULT_GOOD;
      points[i] = 1;
    } else {
      basis[i] = DEFAULT_GOOD_PENDING;
    }
  }

  const { order, buyerStart } = orderByBuyerThenTime(trades, basis, created, buyerOf, buyerIds.size, countedTrades);
  const { cut, pointHolder } = applyWindowsAndCaps(order, buyerStart, created, itemOf, points, itemIds.size, settings);

  const describe = noteWriter(settings);
  let score = 0;
  const results = new Array<CreditTradeResult>(n);
  for (let i = 0; i < n; i++) {
    const trade = trades[i]!;
    const holder = pointHolder[i]!;
    score += points[i]!;
    results[i] = {
      id: trade.id,
      points: points[i]!,
      note: describe(trade, basis[i] as Basis, cut[i] as Cut, holder >= 0 ? trades[holder]!.id : null),
      outcome: outcomeOf(basis[i] as Basis, cut[i] as Cut),
    };
  }
  return { score, level: creditLevel(score), trades: results };
}

/**
 * The counted trades grouped by buyer (`order[buyerStart[b] .. buyerStart[b+1])`), each
 * buyer's in createdAt order, then by id (unique), then input index: shuffling the
 * input never changes the order, so it never changes the points.
 */
function orderByBuyerThenTime(
  trades: readonly CreditTrade[],
  basis: Uint8Array,
  created: Float64Array,
  buyerOf: Int32Array,
  buyerCount: number,
  countedTrades: number,
): { order: Int32Array; buyerStart: Int32Array } {
  const buyerStart = new Int32Array(buyerCount + 1);
  for (let i = 0; i < trades.length; i++) if (basis[i] !== NOT_COUNTED) buyerStart[buyerOf[i]! + 1]!++;
  for (let b = 0; b < buyerCount; b++) buyerStart[b + 1]! += buyerStart[b]!;
  const order = new Int32Array(countedTrades);
  const next = buyerStart.slice(0, buyerCount);
  for (let i = 0; i < trades.length; i++) if (basis[i] !== NOT_COUNTED) order[next[buyerOf[i]!]!++] = i;

  const before = (a: number, b: number): number => created[a]! - created[b]! || (trades[a]!.id < trades[b]!.id ? -1 : trades[a]!.id > trades[b]!.id ? 1 : a - b);
  for (let b = 0; b < buyerCount; b++) {
    const start = buyerStart[b]!;
    const end = buyerStart[b + 1]!;
    if (end - start <= 24) {
      // Insertion sort: most buyers have a handful of trades, often already in order.
      for (let k = start + 1; k < end; k++) {
        const trade = order[k]!;
        let j = k - 1;
        while (j >= start && before(order[j]!, trade) > 0) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = trade;
      }
    } else {
      order.subarray(start, end).sort(before);
    }
  }
  return { order, buyerStart };
}

/** Rules 5 and 6, buyer by buyer; returns what was cut and, for rule 5, which trade kept the point. */
function applyWindowsAndCaps(
  order: Int32Array,
  buyerStart: Int32Array,
  created: Float64Array,
  itemOf: Int32Array,
  points: Int8Array,
  itemCount: number,
  settings: CreditSettings,
): { cut: Uint8Array; pointHolder: Int32Array } {
  const cut = new Uint8Array(points.length);
  const pointHolder = new Int32Array(points.length).fill(-1);
  const sameItemWindowMs = settings.sameItemWindowDays * DAY;
  const cap = settings.monthlyPairCap;
  const monthOf = cachedByHour(settings.timezone, monthKey);

  // The open same-item window per item, valid only while windowBuyer[item] is the current buyer.
  const windowBuyer = new Int32Array(itemCount).fill(-1);
  const windowStart = new Float64Array(itemCount);
  const goodOn = new Int32Array(itemCount);
  const badOn = new Int32Array(itemCount);

  const buyerCount = buyerStart.length - 1;
  for (let b = 0; b < buyerCount; b++) {
    let month = "";
    let positive = 0;
    let negative = 0;
    // The month just left: createdAt order could only go back into it if a DST fall-back
    // crossed local midnight at a month's start, which no zone does today; kept for safety.
    let lastMonth = "";
    let lastPositive = 0;
    let lastNegative = 0;
    for (let k = buyerStart[b]!, end = buyerStart[b + 1]!; k < end; k++) {
      const i = order[k]!;
      const at = created[i]!;
      const item = itemOf[i]!;
      // Rule 5: every counted trade opens or joins a window, rated or not.
      if (windowBuyer[item] !== b || at >= windowStart[item]! + sameItemWindowMs) {
        windowBuyer[item] = b;
        windowStart[item] = at;
        goodOn[item] = -1;
        badOn[item] = -1;
      }
      const value = points[i]!;
      if (value === 0) continue;
      const holder = value > 0 ? goodOn[item]! : badOn[item]!;
      if (holder >= 0) {
        points[i] = 0;
        cut[i] = SAME_ITEM;
        pointHolder[i] = holder;
        continue;
      }
      if (value > 0) goodOn[item] = i;
      else badOn[item] = i;

      // Rule 6: the buyer's positive and negative points are capped separately per month.
      const tradeMonth = monthOf(at);
      if (tradeMonth !== month) {
        const back = tradeMonth === lastMonth;
        const keptPositive = back ? lastPositive : 0;
        const keptNegative = back ? lastNegative : 0;
        lastMonth = month;
        lastPositive = positive;
        lastNegative = negative;
        month = tradeMonth;
        positive = keptPositive;
        negative = keptNegative;
      }
      if (value > 0 ? positive >= cap : negative >= cap) {
        points[i] = 0;
        cut[i] = MONTHLY_CAP;
      } else if (value > 0) positive++;
      else negative++;
    }
  }
  return { cut, pointHolder };
}
