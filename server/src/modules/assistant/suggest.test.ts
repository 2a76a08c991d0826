import { describe, expect, it } from "vitest";
import { DEFAULT_QUICK_REPLIES } from "../knowledge/script-library";
import { mergeSuggestions, scoreReplies, suggestReplies } from "./suggest";

const library = DEFAULT_QUICK_REPLIES.map((r, i) => ({ id: String(i), category: r.category, text: r.text }));

describe("suggested replies", () => {
  it("puts the phrases for the buyer's intent first", () => {
    const top = suggestReplies("能便宜点吗", "bargain", library);
    expect(top).toHaveLength(3);
    for (const phrase of top) expect(phrase.category).toBe("议价");
    expect(suggestReplies("付款安全吗，怕被骗", "payment_safety", library)[0]!.category).toBe("付款");
  });
  it("uses the words shared with the message to order within and across categories", () => {
    const [first] = suggestReplies("图片和实物有色差吗", "color_difference", library);
    expect(first!.text).toContain("色差");
  });
  it("prefers a phrase's own intent label, and suggests nothing unrelated", () => {
    const labelled = [...library, { id: "x", category: "自定义", text: "亲，尺码可以参考详情页的尺码表哦", intent: "size_fit" }];
    expect(suggestReplies("我160穿什么码", "size_fit", labelled)[0]!.id).toBe("x");
    expect(suggestReplies("qqqq", "other", library)).toEqual([]);
  });

  it("merges the FAQ's ranked answers with the phrases, best first, each text once (as the FAQ answer)", () => {
    const phrases = scoreReplies("能便宜点吗", "bargain", library);
    const tj = library.find((r) => r.text.startsWith("亲，本店的特价商品"))!;
    const faq = [
      { entry: { id: "f1", answer: tj.text }, score: 0.5 },
      { entry: { id: "f2", answer: "亲，满199减20哦" }, score: 3.2 },
    ];
    const merged = mergeSuggestions(phrases, faq, 10);
    expect(merged[0]).toEqual({ source: "faq", item: faq[1]!.entry, score: 3.2 });
    // The special-price text was both a phrase and an FAQ answer: shown once, as the FAQ, with the better score.
    const special = merged.filter((m) => (m.source === "faq" ? m.item.answer : m.item.text) === tj.text);
    expect(special).toEqual([{ source: "faq", item: faq[0]!.entry, score: phrases.find((p) => p.phrase === tj)!.score }]);
    expect(merged.map((m) => m.score)).toEqual([...merged.map((m) => m.score)].sort((a, b) => b - a));
    expect(mergeSuggestions(phrases, faq)).toHaveLength(3);
    expect(mergeSuggestions([], [])).toEqual([]);
  });
});
