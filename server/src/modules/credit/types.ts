// The engine's own input: plain data with times as epoch milliseconds, so that the
// credit file (input.ts) and a database adapter can both feed it without a copy of
// the rules. Everything here is trusted: validation happens at the edges.

export type BuyerRating = "good" | "neutral" | "bad";

export interface CreditSettings {
  /** A buyer rating counts only within this many days of the trade's creation (seed 001: 345). */
  reviewWindowDays: number;
  /** The seller's one-sided rating becomes a default good after this many days of buyer silence. */
  defaultGoodAfterDays: number;
  /** Points one buyer may add (and, separately, take away) per natural month. */
  monthlyPairCap: number;
  /** Same buyer, same item, within this many days: goods count once, bads count once. */
  sameItemWindowDays: number;
  /** IANA zone in which "natural month" is reckoned. */
  timezone: string;
}

export const DEFAULT_CREDIT_SETTINGS: Readonly<CreditSettings> = Object.freeze({
  reviewWindowDays: 345,
  defaultGoodAfterDays: 45,
  monthlyPairCap: 6,
  sameItemWindowDays: 14,
  timezone: "Asia/Shanghai",
});

export interface CreditTrade {
  id: string;
  buyer: string;
  item: string;
  /** epoch ms */
  createdAt: number;
  /** Only "success" counts; any other status is shown as not counted. */
  status: string;
  /** Paid through the platform's escrow (支付宝担保交易). */
  escrow: boolean;
  buyerRating: BuyerRating | null;
  /** epoch ms, or null when the buyer has not rated */
  buyerRatedAt: number | null;
  /** epoch ms, or null when the seller has not rated */
  sellerRatedAt: number | null;
}

export interface CreditInput {
  /** epoch ms: the moment the score is computed for */
  asOf: number;
  settings?: Partial<CreditSettings>;
  trades: readonly CreditTrade[];
}

export type CreditTier = "none" | "heart" | "diamond" | "crown";

export interface CreditLevel {
  /** 0-15 */
  index: number;
  tier: CreditTier;
  /** 1-5 within a tier, 0 for "none" */
  rank: number;
}

/** Why a trade ended with its points; finer than the points alone (a 0 can mean six things). */
export type CreditOutcome =
  | "not-counted" // rule 1: not a successful escrow trade
  | "no-rating" // no buyer rating and no default good (yet)
  | "rating-refused" // rule 2: the buyer's rating falls outside its validity
  | "rated" // the buyer's rating counts (good +1, neutral 0, bad -1)
  | "default-good" // rule 3: counted default good
  | "same-item" // rule 5: another trade in the same window holds the point
  | "capped"; // rule 6: past the buyer's monthly cap

export interface CreditTradeResult {
  id: string;
  points: number;
  note: string;
  outcome: CreditOutcome;
}

export interface CreditResult {
  score: number;
  level: CreditLevel;
  /** one per input trade, in input order */
  trades: CreditTradeResult[];
}
