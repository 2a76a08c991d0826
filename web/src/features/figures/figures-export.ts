// The figures page as files: the ranking or the trend as CSV, or everything as one
// XLSX workbook (summary, ranking, trend, why not bought). Values stay numbers (rates as
// fractions, money in yuan) so a spreadsheet can sum and chart them; headers follow the
// agent's language.
import type { Cell, Sheet } from "../../platform/spreadsheet";
import type { Dashboard } from "./figures-api";
import { FIGURE_KEYS, rankAgents, type FigureKey } from "./figures-format";

type Translate = (key: string, options?: Record<string, unknown>) => string;

const figureHeaders = (t: Translate) => FIGURE_KEYS.map((key) => t(`figures.kpi.${key}`));
const figureCells = (figures: Record<FigureKey, number | null>): Cell[] => FIGURE_KEYS.map((key) => figures[key]);

export function summarySheet(dashboard: Dashboard, t: Translate): Sheet {
  return {
    name: t("figures.export.sheetSummary"),
    rows: [
      [t("figures.shop"), dashboard.shop.name],
      [t("figures.period"), `${dashboard.from} ~ ${dashboard.to}`],
      [],
      ...FIGURE_KEYS.map((key): Cell[] => [t(`figures.kpi.${key}`), dashboard.figures[key]]),
    ],
  };
}

export function rankingSheet(dashboard: Dashboard, t: Translate): Sheet {
  const ranked = rankAgents(dashboard.agents);
  return {
    name: t("figures.export.sheetRanking"),
    rows: [[t("figures.rank"), t("figures.agent"), ...figureHeaders(t)], ...ranked.map((row, i): Cell[] => [i + 1, row.name, ...figureCells(row.figures)])],
  };
}

export function trendSheet(dashboard: Dashboard, t: Translate): Sheet {
  return {
    name: t("figures.export.sheetTrend"),
    rows: [
      [t("figures.export.from"), t("figures.export.to"), ...figureHeaders(t)],
      ...dashboard.trend.map((bucket): Cell[] => [bucket.from, bucket.to, ...figureCells(bucket.figures)]),
    ],
  };
}

export function lostReasonsSheet(dashboard: Dashboard, t: Translate, reasonLabel: (code: string | null) => string): Sheet {
  return {
    name: t("figures.lost.title"),
    rows: [[t("figures.lost.reason"), t("figures.lost.conversations")], ...dashboard.lostReasons.map((row): Cell[] => [reasonLabel(row.reason), row.conversations])],
  };
}

/** The file name stem: shop, period and bucket, without characters file systems refuse. */
export function exportName(dashboard: Dashboard, what: string): string {
  return `${dashboard.shop.name}-${what}-${dashboard.from}_${dashboard.to}`.replace(/[\\/:*?"<>|\s]+/g, "_");
}
