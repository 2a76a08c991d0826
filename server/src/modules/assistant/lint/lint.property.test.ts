import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintDraft } from "./lint";

// Drafts stitched from pieces agents really type, polite and not, with emoji and
// numbers between them: whatever the mix, offsets stay inside the draft and the
// rewrite is clean.
const PIECES = [
  "亲，", "您好", "肯定明天到", "保证正品", "100%不掉色", "绝对不会褪色", "一定会在周五前送到", "我们会尽量在明天发出",
  "你为什么不看详情页", "是你自己选错了尺码", "详情页都写了", "不行", "不能便宜", "没有优惠", "这款没有M码了", "不好意思哦",
  "您看L码可以吗？", "爱买不买", "滚", "你有病吧", "烦不烦", "收件人电话13812345678", "139****1234", "身份证号110101199003071234",
  "杭州市西湖区文三路123号5幢", "上一个买家张三也买了", "发货地是浙江杭州", "😀", "🎉🎉", "，", "。", "？", "！", " ", "\n", "哦", "呢",
  "No.", "I guarantee it will arrive tomorrow", "That's your problem", "무조건 내일 도착해요", "안 돼요", "꺼져", "123", "ｘ",
];

describe("lintDraft on arbitrary mixes", () => {
  it("keeps offsets inside the draft, sorted, and rewrites into a clean draft", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const draft = parts.join("");
        const { issues } = lintDraft(draft);
        let last = -1;
        for (const issue of issues) {
          expect(issue.start).toBeGreaterThanOrEqual(0);
          expect(issue.end).toBeLessThanOrEqual(draft.length);
          expect(issue.end).toBeGreaterThan(issue.start);
          expect(issue.start).toBeGreaterThanOrEqual(last);
          last = issue.start;
        }
        if (issues.length > 0) expect(lintDraft(issues[0]!.suggestion).issues).toEqual([]);
      }),
      { numRuns: 300, seed: 20260501 },
    );
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (draft) => {
        const { issues } = lintDraft(draft);
        for (const issue of issues) expect(draft.slice(issue.start, issue.end).length).toBe(issue.end - issue.start);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
