import { describe, expect, it } from "vitest";
import { lintDraft } from "../lint";
import { ABSOLUTE_PROMISE_NEGATIVE as NEGATIVE, ABSOLUTE_PROMISE_POSITIVE as POSITIVE } from "./absolute-promise.cases";
import { expectNoRule, expectRuleSpans } from "./test-tables";

describe("absolute_promise", () => {
  it.each(POSITIVE)("fires on %s", (draft, offending) => expectRuleSpans("absolute_promise", [draft, offending]));
  it.each(NEGATIVE)("stays quiet on %s", (draft) => expectNoRule("absolute_promise", draft));

  it("counts offsets in UTF-16 units: two emoji before the claim are four units", () => {
    const { issues } = lintDraft("😀😀肯定明天到");
    expect(issues.map(({ rule, start, end }) => ({ rule, start, end }))).toEqual([{ rule: "absolute_promise", start: 4, end: 9 }]);
  });

  it("rewrites the claim as effort or as a plain statement, in the seeds' tone", () => {
    const rewrite = (d: string) => lintDraft(d).issues[0]!.suggestion;
    expect(rewrite("肯定明天到")).toBe("我们会尽量让您明天收到哦");
    expect(rewrite("一定会在周五前送到")).toContain("尽量在周五前送到");
    expect(rewrite("绝对不会褪色")).toContain("一般不会褪色");
    expect(rewrite("100%不掉色")).toContain("一般不会掉色");
    expect(rewrite("保证正品")).toContain("都是正品");
    expect(rewrite("保您满意")).toContain("希望您会满意");
    expect(rewrite("亲，我们会保证商品质量")).toBe("亲，我们会严格把控商品质量哦");
    expect(rewrite("I guarantee it will arrive tomorrow")).toMatch(/^We'll do our best/);
    expect(rewrite("무조건 내일 도착해요")).toContain("최대한");
  });
});
