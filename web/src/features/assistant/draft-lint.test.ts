import { describe, expect, it } from "vitest";
import { checkDraft, markedPieces } from "./draft-lint";

describe("the draft check in the browser", () => {
  it("flags a rude draft and leaves a polite one alone", () => {
    expect(checkDraft("这个你自己没看清楚吧").map((i) => i.rule)).toContain("blame_buyer");
    expect(checkDraft("亲，好的呢，我帮您核实一下哦～")).toEqual([]);
    expect(checkDraft("   ")).toEqual([]);
  });
  it("leaves out rules the shop switched off", () => {
    expect(checkDraft("这个你自己没看清楚吧", ["blame_buyer"]).map((i) => i.rule)).not.toContain("blame_buyer");
  });
  it("cuts the draft into plain and flagged pieces that join back to the draft", () => {
    const draft = "abcdefghij";
    const pieces = markedPieces(draft, [
      { rule: "rude", start: 6, end: 8, suggestion: "" },
      { rule: "blame_buyer", start: 1, end: 3, suggestion: "" },
      { rule: "rude", start: 2, end: 4, suggestion: "" }, // overlaps the one before
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(draft);
    expect(pieces.filter((p) => p.rule).map((p) => p.text)).toEqual(["bc", "d", "gh"]);
  });
});
