// Test helpers: trades written the way a person reads them (ISO times, ratings by
// name), fed to the engine, answers looked up by trade id.
import { computeCredit } from "./engine";
import { parseOffsetInstant } from "./iso-time";
import type { BuyerRating, CreditResult, CreditSettings, CreditTrade } from "./types";

export const DAY = 86_400_000;
export const AS_OF = "2026-05-01T00:00:00+08:00";

type Time = string | number;

/** An ISO time with offset, or epoch ms, as epoch ms. */
export function ms(time: Time): number {
  if (typeof time === "number") return time;
  const value = parseOffsetInstant(time);
  if (value === null) throw new Error(`test time ${time} is not ISO 8601 with an offset`);
  return value;
}

export function plusDays(time: Time, days: number, extraMs = 0): number {
  return ms(time) + days * DAY + extraMs;
}

export interface TradeSketch {
  buyer?: string;
  item?: string;
  status?: string;
  escrow?: boolean;
  /** the buyer's rating and when it was given */
  rated?: [BuyerRating, Time];
  /** a rating with no time (only a database adapter could send this) */
  ratingWithoutTime?: BuyerRating;
  sellerRated?: Time;
}

export function trade(id: string, createdAt: Time, sketch: TradeSketch = {}): CreditTrade {
  return {
    id,
    buyer: sketch.buyer ?? "b1",
    item: sketch.item ?? "i1",
    createdAt: ms(createdAt),
    status: sketch.status ?? "success",
    escrow: sketch.escrow ?? true,
    buyerRating: sketch.rated?.[0] ?? sketch.ratingWithoutTime ?? null,
    buyerRatedAt: sketch.rated ? ms(sketch.rated[1]) : null,
    sellerRatedAt: sketch.sellerRated === undefined ? null : ms(sketch.sellerRated),
  };
}

/** A good rating given a day after the trade: the plain case. */
export function good(id: string, createdAt: Time, sketch: TradeSketch = {}): CreditTrade {
  return trade(id, createdAt, { rated: ["good", plusDays(createdAt, 1)], ...sketch });
}

export function bad(id: string, createdAt: Time, sketch: TradeSketch = {}): CreditTrade {
  return trade(id, createdAt, { rated: ["bad", plusDays(createdAt, 1)], ...sketch });
}

export interface Credit {
  score: number;
  result: CreditResult;
  points: Record<string, number>;
  notes: Record<string, string>;
}

export function credit(trades: CreditTrade[], settings: Partial<CreditSettings> = {}, asOf: Time = AS_OF): Credit {
  const result = computeCredit({ asOf: ms(asOf), settings, trades });
  const points: Record<string, number> = {};
  const notes: Record<string, string> = {};
  for (const t of result.trades) {
    points[t.id] = t.points;
    notes[t.id] = t.note;
  }
  return { score: result.score, result, points, notes };
}
