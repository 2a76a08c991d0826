import { describe, expect, it } from "vitest";
import { toCsv } from "../../platform/spreadsheet";
import type { Dashboard } from "./figures-api";
import { exportName, lostReasonsSheet, rankingSheet, summarySheet, trendSheet } from "./figures-export";
import { figuresWith } from "./test-figures";

const t = (key: string) => key;
const figures = figuresWith;

const dashboard: Dashboard = {
  shop: { id: "s1", name: "瑞丽/女坊", timezone: "Asia/Shanghai" },
  from: "2026-09-01",
  to: "2026-09-02",
  bucket: "day",
  figures: figures({ inquiringBuyers: 2, sales: 12.5 }),
  agents: [
    { agentId: "a2", name: "=cmd|' /C calc'!A0", figures: figures({ inquiryToPaymentRate: 0.5 }) },
    { agentId: "a1", name: "小美", figures: figures({ inquiryToPaymentRate: 1 }) },
  ],
  trend: [
    { from: "2026-09-01", to: "2026-09-01", figures: figures({ inquiringBuyers: 1 }) },
    { from: "2026-09-02", to: "2026-09-02", figures: figures({ inquiringBuyers: 1 }) },
  ],
  aftersales: null,
  lostReasons: [
    { reason: "price", conversations: 3 },
    { reason: null, conversations: 1 },
  ],
};

describe("figures export", () => {
  it("ranks agents best converter first, and neutralises a formula in a name", () => {
    const sheet = rankingSheet(dashboard, t);
    expect(sheet.rows.map((row) => row.slice(0, 2))).toEqual([
      ["figures.rank", "figures.agent"],
      [1, "小美"],
      [2, "=cmd|' /C calc'!A0"],
    ]);
    expect(toCsv(sheet.rows)).toContain("\r\n2,'=cmd|' /C calc'!A0,");
    expect(sheet.rows[0]).toHaveLength(2 + 13);
  });
  it("keeps numbers as numbers and nulls empty", () => {
    expect(summarySheet(dashboard, t).rows).toContainEqual(["figures.kpi.sales", 12.5]);
    expect(summarySheet(dashboard, t).rows).toContainEqual(["figures.kpi.replyRate", null]);
    expect(trendSheet(dashboard, t).rows[1]!.slice(0, 3)).toEqual(["2026-09-01", "2026-09-01", 1]);
  });
  it("labels reasons through the caller", () => {
    expect(lostReasonsSheet(dashboard, t, (code) => code ?? "(none)").rows.slice(1)).toEqual([
      ["price", 3],
      ["(none)", 1],
    ]);
  });
  it("names files without path separators", () => {
    expect(exportName(dashboard, "trend")).toBe("瑞丽_女坊-trend-2026-09-01_2026-09-02");
  });
});
