import { describe, expect, it } from "vitest";
import { parseReviewsSection, periodBounds } from "./review-format";

describe("reviews page helpers", () => {
  it("turns a period of days into bounds that include the whole last day", () => {
    const { from, to } = periodBounds(new Date(2026, 4, 1, 15), new Date(2026, 4, 3, 9));
    expect(new Date(from!).getTime()).toBe(new Date(2026, 4, 1).getTime());
    expect(new Date(to!).getTime()).toBe(new Date(2026, 4, 4).getTime());
    expect(periodBounds(null, null)).toEqual({ from: null, to: null });
  });

  it("reads the page section: a tab, or a follow-up to open", () => {
    expect(parseReviewsSection(null)).toEqual({ tab: "follow-ups", followUpId: null });
    expect(parseReviewsSection("follow-ups")).toEqual({ tab: "follow-ups", followUpId: null });
    expect(parseReviewsSection("all")).toEqual({ tab: "all" });
    expect(parseReviewsSection("settings")).toEqual({ tab: "settings" });
    expect(parseReviewsSection("rfu_123")).toEqual({ tab: "follow-ups", followUpId: "rfu_123" });
  });
});
