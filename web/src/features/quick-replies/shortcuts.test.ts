import { describe, expect, it } from "vitest";
import { groupByCategory, matchShortcuts, moveIndex, replaceRange, slashQueryAt, type ShortcutTarget } from "./shortcuts";

const reply = (shortcut: string, extra: Partial<ShortcutTarget> = {}): ShortcutTarget => ({
  shortcut,
  category: "问候",
  text: `text of ${shortcut}`,
  scope: "team",
  ...extra,
});

describe("slashQueryAt", () => {
  it("finds /letters at the caret at the start or after whitespace", () => {
    expect(slashQueryAt("/hi", 3)).toEqual({ start: 0, end: 3, query: "hi" });
    expect(slashQueryAt("亲 /Price", 8)).toEqual({ start: 2, end: 8, query: "price" });
    expect(slashQueryAt("好的\n/发货", 6)).toEqual({ start: 3, end: 6, query: "发货" });
  });
  it("ignores slashes inside words, URLs, a bare slash and text after the caret", () => {
    expect(slashQueryAt("http://x", 8)).toBeNull();
    expect(slashQueryAt("1/2", 3)).toBeNull();
    expect(slashQueryAt("/", 1)).toBeNull();
    expect(slashQueryAt("/hi there", 9)).toBeNull();
    expect(slashQueryAt("/hi there", 3)).toEqual({ start: 0, end: 3, query: "hi" });
  });
});

describe("matchShortcuts", () => {
  const items = [
    reply("/price2"),
    reply("price"),
    reply("xprice"),
    reply("ship", { text: "今天下单，{cutoff}前付款当天发货" }),
    reply("pricey", { scope: "personal" }),
  ];
  it("ranks exact, prefix (personal first), substring, then text", () => {
    expect(matchShortcuts(items, "price").map((i) => i.shortcut)).toEqual(["price", "pricey", "/price2", "xprice"]);
    expect(matchShortcuts(items, "发货").map((i) => i.shortcut)).toEqual(["ship"]);
    expect(matchShortcuts(items, "zzz")).toEqual([]);
  });
  it("limits the list", () => {
    expect(matchShortcuts(items, "", 2)).toHaveLength(2);
  });
});

describe("editing helpers", () => {
  it("replaces the typed shortcut and puts the caret after the insert", () => {
    expect(replaceRange("亲 /hi 吗", 2, 5, "你好")).toEqual({ text: "亲 你好 吗", caret: 4 });
  });
  it("wraps the highlighted row", () => {
    expect(moveIndex(0, -1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(0);
    expect(moveIndex(0, 1, 0)).toBe(0);
  });
  it("groups by category in first-seen order", () => {
    const groups = groupByCategory([reply("a", { category: "B" }), reply("b", { category: "A" }), reply("c", { category: "B" })]);
    expect(groups.map(([c, list]) => [c, list.map((i) => i.shortcut)])).toEqual([
      ["B", ["a", "c"]],
      ["A", ["b"]],
    ]);
  });
});
