import { describe, expect, it } from "vitest";
import { badgeLook, badgeText } from "./level-badge";

describe("credit level badge", () => {
  it("draws one to five hearts, diamonds or crowns, and nothing for no level", () => {
    expect(badgeText({ tier: "heart", rank: 3 })).toBe("♥♥♥");
    expect(badgeText({ tier: "diamond", rank: 1 })).toBe("◆");
    expect(badgeText({ tier: "crown", rank: 5 })).toBe("♛♛♛♛♛");
    expect(badgeText({ tier: "none", rank: 0 })).toBe("");
    expect(badgeLook({ tier: "crown", rank: 2 })).toMatchObject({ glyph: "crown", count: 2 });
    expect(badgeLook({ tier: "none", rank: 0 })).toMatchObject({ glyph: null, count: 0 });
  });

  it("gives each tier its own colour", () => {
    const colors = new Set(["heart", "diamond", "crown"].map((tier) => badgeLook({ tier: tier as "heart", rank: 1 }).color));
    expect(colors.size).toBe(3);
  });
});
