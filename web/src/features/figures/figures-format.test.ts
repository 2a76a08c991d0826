import { describe, expect, it } from "vitest";
import {
  FIGURE_KEYS,
  FIGURE_KIND,
  figuresQuery,
  formatFigure,
  formatMoney,
  formatRate,
  formatSeconds,
  rankAgents,
  type RankingRow,
} from "./figures-format";
import { figuresWith } from "./test-figures";

const figures = figuresWith;

describe("figure formatting", () => {
  it("shows rates as percentages with 2 decimals", () => {
    expect(formatRate(0.1234)).toBe("12.34%");
    expect(formatRate(1)).toBe("100.00%");
    expect(formatRate(0)).toBe("0.00%");
    // 0.0005 * 100 is 0.049999… in floating point; the shown value must still round up.
    expect(formatRate(0.00005)).toBe("0.01%");
  });

  it("shows seconds with one decimal and money as yuan", () => {
    expect(formatSeconds(12)).toBe("12.0");
    expect(formatSeconds(1234.5)).toBe("1,234.5");
    expect(formatMoney(2879.9)).toBe("¥2,879.90");
    expect(formatMoney(57.6)).toBe("¥57.60");
    expect(formatMoney(0)).toBe("¥0.00");
    expect(formatMoney(-3.5)).toBe("-¥3.50");
  });

  it("shows a dash for null (denominator 0) whatever the kind", () => {
    for (const key of FIGURE_KEYS) expect(formatFigure(key, null), key).toBe("—");
  });

  it("knows the kind of every contract key", () => {
    expect(Object.keys(FIGURE_KIND).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(formatFigure("salesPerOrder", 52.36)).toBe("¥52.36");
    expect(formatFigure("inquiryToPaymentRate", 0.5)).toBe("50.00%");
    expect(formatFigure("avgResponseSeconds", 9.25)).toBe("9.3");
    expect(formatFigure("inquiringBuyers", 12345)).toBe("12,345");
  });
});

describe("figures query", () => {
  it("names the shop and period, and the agent only when given", () => {
    expect(figuresQuery({ shop: "s 1", from: "2026-01-01", to: "2026-01-07" })).toBe("shop=s+1&from=2026-01-01&to=2026-01-07");
    expect(figuresQuery({ shop: "s", from: "2026-01-01", to: "2026-01-01", agent: "a&b" })).toBe(
      "shop=s&from=2026-01-01&to=2026-01-01&agent=a%26b",
    );
    expect(figuresQuery({ shop: "s", from: "2026-01-01", to: "2026-01-01", agent: null })).not.toContain("agent");
  });

  it("refuses dates the server would reject", () => {
    expect(() => figuresQuery({ shop: "s", from: "2026-1-1", to: "2026-01-07" })).toThrow();
  });
});

describe("agent ranking", () => {
  it("puts the best payment rate first and agents without a rate last", () => {
    const rows: RankingRow[] = [
      { agentId: "a", name: "甲", figures: figures({}) },
      { agentId: "b", name: "乙", figures: figures({ inquiringBuyers: 10, inquiryToPaymentRate: 0.2, sales: 100 }) },
      { agentId: "c", name: "丙", figures: figures({ inquiringBuyers: 4, inquiryToPaymentRate: 0.5, sales: 50 }) },
      { agentId: "d", name: "丁", figures: figures({ inquiringBuyers: 5, inquiryToPaymentRate: 0.2, sales: 300 }) },
    ];
    expect(rankAgents(rows).map((r) => r.agentId)).toEqual(["c", "d", "b", "a"]);
    expect(rows[0]!.agentId).toBe("a"); // the input is left alone
  });
});
