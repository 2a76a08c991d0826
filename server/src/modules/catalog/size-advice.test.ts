import { describe, expect, it } from "vitest";
import { adviseSize, sizeRanges } from "./size-advice";

const chart = {
  S: "胸围 92 衣长 58，155–160 cm / 42–48 kg",
  M: "胸围 96 衣长 60，160–165 cm / 48–55 kg",
  L: "胸围 100 衣长 62，165–170 cm / 55–62 kg",
  XL: "胸围 104 衣长 64，170–175 cm / 62–70 kg",
};

describe("size helper", () => {
  it("reads the height and weight each size fits from the chart", () => {
    expect(sizeRanges(chart)).toHaveLength(4);
    expect(sizeRanges({ S: "腰围 64 裙长 105" })).toEqual([]);
    expect(sizeRanges(null)).toEqual([]);
  });
  it("gives the size both fit, the larger one on a shared edge", () => {
    expect(adviseSize(chart, 162, 50)).toEqual({ size: "M", exact: true, byHeight: null });
    expect(adviseSize(chart, 160, 48)).toEqual({ size: "M", exact: true, byHeight: null });
  });
  it("lets weight decide when height points elsewhere, and says so", () => {
    expect(adviseSize(chart, 158, 58)).toEqual({ size: "L", exact: false, byHeight: "S" });
    expect(adviseSize(chart, 185, 90)).toEqual({ size: "XL", exact: false, byHeight: null });
  });
  it("gives no advice without a chart of body ranges or with bad measurements", () => {
    expect(adviseSize({ S: "腰围 64" }, 160, 50)).toBeNull();
    expect(adviseSize(chart, 0, 50)).toBeNull();
    expect(adviseSize(chart, Number.NaN, 50)).toBeNull();
  });
});

describe("size helper on the catalog's chart list", () => {
  it("reads [{size, text}] in its order, as the catalog keeps charts", () => {
    const list = Object.entries(chart).map(([size, text]) => ({ size, text }));
    expect(sizeRanges(list).map((r) => r.size)).toEqual(["S", "M", "L", "XL"]);
    expect(adviseSize(list, 160, 48)).toEqual({ size: "M", exact: true, byHeight: null });
  });
});
