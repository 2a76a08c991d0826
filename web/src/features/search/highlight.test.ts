import { describe, expect, it } from "vitest";
import { highlightParts } from "./highlight";

describe("highlightParts", () => {
  it("marks every query word, longest first, case-insensitively", () => {
    expect(highlightParts("亲，M码有货，m码偏大", "M码")).toEqual([
      { text: "亲，", hit: false },
      { text: "M码", hit: true },
      { text: "有货，", hit: false },
      { text: "m码", hit: true },
      { text: "偏大", hit: false },
    ]);
    expect(highlightParts("free shipping today", "ship  shipping")).toEqual([
      { text: "free ", hit: false },
      { text: "shipping", hit: true },
      { text: " today", hit: false },
    ]);
  });
  it("leaves text alone for an empty query and returns nothing for empty text", () => {
    expect(highlightParts("abc", "  ")).toEqual([{ text: "abc", hit: false }]);
    expect(highlightParts("", "a")).toEqual([]);
  });
});
