// Pure rules of the figures page: how each CONTRACTS §4 value is shown, the query a
// period asks for, and the order of the agent ranking. Kept apart from React so the
// rounding and the null handling are tested on their own.
import type { DashboardFigures } from "../../../../server/src/modules/analytics/dashboard.service";
import { FIGURE_KEYS as CONTRACT_KEYS } from "../../../../server/src/modules/analytics/types";

/** The CONTRACTS §4 figures, then the dashboard's own. */
export const FIGURE_KEYS = [...CONTRACT_KEYS, "responseWithin3MinRate"] as const;
export type Figures = DashboardFigures;
export type FigureKey = keyof Figures;
export type FigureKind = "count" | "rate" | "seconds" | "money";

export const FIGURE_KIND: Record<FigureKey, FigureKind> = {
  inquiringBuyers: "count",
  orderingBuyers: "count",
  payingBuyers: "count",
  inquiryToOrderRate: "rate",
  inquiryToPaymentRate: "rate",
  replyRate: "rate",
  avgFirstResponseSeconds: "seconds",
  avgResponseSeconds: "seconds",
  sales: "money",
  orders: "count",
  salesPerBuyer: "money",
  salesPerOrder: "money",
  responseWithin3MinRate: "rate",
};

/** Shown for a figure whose denominator was 0 (the server sends null). */
export const NO_FIGURE = "—";

const grouped = (value: number, digits: number) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A fraction (4 places from the server) as a percentage with 2 decimals: 0.1234 → "12.34%". */
export function formatRate(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE;
  // Scaling by 100 in floating point can land just under a half (0.0005 * 100); round the
  // scaled value at a digit beyond what is shown first.
  return `${(Math.round(value * 1_000_000) / 10_000).toFixed(2)}%`;
}

/** Seconds with the 1 decimal the server rounds to, grouped: 1234.5 → "1,234.5". */
export function formatSeconds(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_FIGURE : grouped(value, 1);
}

/** Yuan with 2 decimals: 2879.9 → "¥2,879.90". */
export function formatMoney(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_FIGURE;
  return value < 0 ? `-¥${grouped(-value, 2)}` : `¥${grouped(value, 2)}`;
}

export function formatCount(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_FIGURE : grouped(value, 0);
}

export function formatFigure(key: FigureKey, value: number | null): string {
  switch (FIGURE_KIND[key]) {
    case "rate":
      return formatRate(value);
    case "seconds":
      return formatSeconds(value);
    case "money":
      return formatMoney(value);
    default:
      return formatCount(value);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query string of GET /api/v1/reports/figures (and dashboard); both dates are inclusive shop-time days. */
export function figuresQuery(period: { shop: string; from: string; to: string; agent?: string | null }): string {
  if (!DAY.test(period.from) || !DAY.test(period.to)) throw new Error("dates must be YYYY-MM-DD");
  const params = new URLSearchParams({ shop: period.shop, from: period.from, to: period.to });
  if (period.agent) params.set("agent", period.agent);
  return params.toString();
}

export interface RankingRow {
  agentId: string;
  name: string;
  figures: Figures;
}

/**
 * Best converter first: payment rate, then sales, then inquiring buyers; an agent with no
 * rate (no inquiring buyers) goes last, and ties keep the name order so the table is stable.
 */
export function rankAgents(rows: readonly RankingRow[]): RankingRow[] {
  const rate = (row: RankingRow) => row.figures.inquiryToPaymentRate ?? -1;
  return [...rows].sort(
    (a, b) =>
      rate(b) - rate(a) ||
      b.figures.sales - a.figures.sales ||
      b.figures.inquiringBuyers - a.figures.inquiringBuyers ||
      a.name.localeCompare(b.name),
  );
}
