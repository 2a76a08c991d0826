import { describe, expect, it } from "vitest";
import { DEFAULT_QUICK_REPLIES } from "../knowledge/script-library";
import { suggestReplies } from "./suggest";

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
});
