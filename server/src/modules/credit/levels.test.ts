import { describe, expect, it } from "vitest";
import { CREDIT_LEVELS, creditLevel, creditLevelRange, creditLevelSymbol } from "./levels";

// CONTRACTS §5 rule 7, written out by hand: [last score of the lower level, first score of the next, next level].
const BOUNDARIES: [number, number, { index: number; tier: string; rank: number }][] = [
  [3, 4, { index: 1, tier: "heart", rank: 1 }],
  [10, 11, { index: 2, tier: "heart", rank: 2 }],
  [40, 41, { index: 3, tier: "heart", rank: 3 }],
  [90, 91, { index: 4, tier: "heart", rank: 4 }],
  [150, 151, { index: 5, tier: "heart", rank: 5 }],
  [250, 251, { index: 6, tier: "diamond", rank: 1 }],
  [500, 501, { index: 7, tier: "diamond", rank: 2 }],
  [1000, 1001, { index: 8, tier: "diamond", rank: 3 }],
  [2000, 2001, { index: 9, tier: "diamond", rank: 4 }],
  [5000, 5001, { index: 10, tier: "diamond", rank: 5 }],
  [10000, 10001, { index: 11, tier: "crown", rank: 1 }],
  [20000, 20001, { index: 12, tier: "crown", rank: 2 }],
  [50000, 50001, { index: 13, tier: "crown", rank: 3 }],
  [100000, 100001, { index: 14, tier: "crown", rank: 4 }],
  [200000, 200001, { index: 15, tier: "crown", rank: 5 }],
];

describe("creditLevel", () => {
  it.each(BOUNDARIES)("%i stays below, %i reaches %o", (below, at, level) => {
    expect(creditLevel(at)).toEqual(level);
    expect(creditLevel(below).index).toBe(level.index - 1);
  });

  it("gives no level below 4 points, negative scores included", () => {
    for (const score of [3, 1, 0, -1, -6, -250, -1_000_000]) expect(creditLevel(score)).toEqual({ index: 0, tier: "none", rank: 0 });
  });

  it("keeps crown 5 for every score from 200001 up", () => {
    expect(creditLevel(200_001)).toEqual({ index: 15, tier: "crown", rank: 5 });
    expect(creditLevel(5_000_000)).toEqual({ index: 15, tier: "crown", rank: 5 });
  });

  it("holds 16 levels: none, then five each of heart, diamond, crown", () => {
    expect(CREDIT_LEVELS.map((l) => `${l.tier}${l.rank}`)).toEqual([
      "none0",
      "heart1", "heart2", "heart3", "heart4", "heart5",
      "diamond1", "diamond2", "diamond3", "diamond4", "diamond5",
      "crown1", "crown2", "crown3", "crown4", "crown5",
    ]);
    expect(CREDIT_LEVELS.map((l) => l.index)).toEqual([...Array(16).keys()]);
  });

  it("shows ranges and symbols as shops know them", () => {
    expect(creditLevelRange(0)).toEqual({ min: null, max: 3 });
    expect(creditLevelRange(2)).toEqual({ min: 11, max: 40 });
    expect(creditLevelRange(15)).toEqual({ min: 200001, max: null });
    expect(() => creditLevelRange(16)).toThrow(RangeError);
    expect(creditLevelSymbol({ index: 2, tier: "heart", rank: 2 })).toBe("♥♥");
    expect(creditLevelSymbol({ index: 6, tier: "diamond", rank: 1 })).toBe("◆");
    expect(creditLevelSymbol({ index: 13, tier: "crown", rank: 3 })).toBe("👑👑👑");
    expect(creditLevelSymbol({ index: 0, tier: "none", rank: 0 })).toBe("");
  });
});
