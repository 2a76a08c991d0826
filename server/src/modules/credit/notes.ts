// The short English note each trade carries in the credit output: it must say why the
// trade has its points, specifically enough that a shop owner can check it by hand.
import { dayKey, monthKey } from "../../platform/time/zone";
import { cachedByHour } from "./hour-cache";
import { Basis, Cut } from "./reasons";
import type { CreditOutcome, CreditSettings, CreditTrade } from "./types";

const DAY = 86_400_000;

// Local copies: these run once per trade and should not go through another module's bindings.
const { NotCounted, NoRating, DefaultGoodPending, RatedBeforeCreated, RatedOutsideWindow, RatedAfterAsOf, RatingWithoutTime, Rated, DefaultGood } = Basis;
const { None, SameItem, MonthlyCap } = Cut;

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

function notCounted(trade: CreditTrade): string {
  const why: string[] = [];
  if (trade.status !== "success") why.push(`status ${trade.status === "" ? '""' : trade.status}`);
  if (trade.escrow !== true) why.push("not paid through escrow");
  return `not counted: ${why.join(", ")}`;
}

export type DescribeTrade = (trade: CreditTrade, basis: Basis, cut: Cut, pointHolderId: string | null) => string;

/**
 * The note writer for one computation. Notes are mostly the same few sentences; the
 * dated ones are cached per local hour so that a million trades stay cheap.
 */
export function noteWriter(settings: CreditSettings): DescribeTrade {
  const { timezone, defaultGoodAfterDays, reviewWindowDays, sameItemWindowDays, monthlyPairCap } = settings;
  const day = cachedByHour(timezone, dayKey);
  const month = cachedByHour(timezone, monthKey);
  const defaultGoodNotes = new Map<string, string>();
  const sellerRated = (trade: CreditTrade) => `seller rated ${day(trade.sellerRatedAt!)}`;

  function defaultGood(trade: CreditTrade): string {
    const rated = day(trade.sellerRatedAt!);
    let note = defaultGoodNotes.get(rated);
    if (note === undefined) {
      note = `default good: seller rated ${rated}, buyer silent ${days(defaultGoodAfterDays)}`;
      defaultGoodNotes.set(rated, note);
    }
    return note;
  }

  function basisNote(trade: CreditTrade, basis: Basis): string {
    switch (basis) {
      case NotCounted:
        return notCounted(trade);
      case NoRating:
        return "no rating";
      case DefaultGoodPending: {
        const due = trade.sellerRatedAt! + defaultGoodAfterDays * DAY;
        return `no rating yet: ${sellerRated(trade)}, default good due ${day(due)}, after asOf`;
      }
      case RatedBeforeCreated:
        return `${trade.buyerRating} rating not counted: given before the trade was created`;
      case RatedOutsideWindow:
        return `${trade.buyerRating} rating outside the ${reviewWindowDays}-day review window`;
      case RatedAfterAsOf:
        return `${trade.buyerRating} rating not counted: given after asOf`;
      case RatingWithoutTime:
        return `${trade.buyerRating} rating not counted: no rating time`;
      case Rated:
        return trade.buyerRating === "good" ? "good rating" : trade.buyerRating === "bad" ? "bad rating" : "neutral rating: 0 points";
      case DefaultGood:
        return defaultGood(trade);
    }
  }

  return (trade, basis, cut, pointHolderId) => {
    if (cut === None) return basisNote(trade, basis);
    const isDefaultGood = basis === DefaultGood;
    const what = isDefaultGood ? `default good (${sellerRated(trade)})` : `${trade.buyerRating} rating`;
    if (cut === SameItem) return `${what}; same item within ${days(sameItemWindowDays)}: counted once, on ${pointHolderId}`;
    const sign = !isDefaultGood && trade.buyerRating === "bad" ? "-" : "";
    return `${what}; monthly cap of ${sign}${monthlyPairCap} reached for this buyer in ${month(trade.createdAt)}`;
  };
}

export function outcomeOf(basis: Basis, cut: Cut): CreditOutcome {
  if (cut === SameItem) return "same-item";
  if (cut === MonthlyCap) return "capped";
  switch (basis) {
    case NotCounted:
      return "not-counted";
    case NoRating:
    case DefaultGoodPending:
      return "no-rating";
    case Rated:
      return "rated";
    case DefaultGood:
      return "default-good";
    default:
      return "rating-refused";
  }
}
