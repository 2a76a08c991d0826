import { describe, expect, it } from "vitest";
import { groupByCategory, matchFaq, matchShortcuts, moveIndex, replaceRange, slashMatches, slashQueryAt, type FaqTarget, type ShortcutTarget } from "./shortcuts";

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

const faq = (id: string, questions: string[], answer: string, extra: Partial<FaqTarget> = {}): FaqTarget => ({ id, questions, answer, category: "售后", usageCount: 0, ...extra });

describe("matchFaq", () => {
  it("finds answers by question, then category, then answer text; the most used first among equals", () => {
    const items = [
      faq("a", ["可以退货吗"], "亲，七天无理由"),
      faq("b", ["发错货了"], "亲，麻烦拍照，我们给您退货或换货", { usageCount: 9 }),
      faq("c", ["不想要了能退货吗"], "亲，可以的", { usageCount: 3 }),
      faq("d", ["在吗"], "在的", { category: "退货" }),
    ];
    expect(matchFaq(items, "退货").map((f) => f.id)).toEqual(["c", "a", "d", "b"]);
    expect(matchFaq(items, "")).toEqual([]);
    expect(matchFaq(items, "快递")).toEqual([]);
  });
});

describe("slashMatches", () => {
  it("lists phrases first, keeps room for FAQ answers, and shows a text only once", () => {
    const replies = Array.from({ length: 9 }, (_, i) => reply(`th${i}`, { text: `退货说法${i}` }));
    const answers = [faq("same", ["退货"], "退货说法0"), faq("f1", ["怎么退货"], "亲，这样退"), faq("f2", ["退货地址"], "地址是…")];
    const list = slashMatches(replies, answers, "退货");
    expect(list).toHaveLength(8);
    expect(list.filter((m) => m.source === "faq").map((m) => (m.item as FaqTarget).id)).toEqual(["f1", "f2"]);
    expect(list[0]!.source).toBe("quick_reply");
    expect(slashMatches([], answers, "地址").map((m) => m.source)).toEqual(["faq"]);
  });
});
