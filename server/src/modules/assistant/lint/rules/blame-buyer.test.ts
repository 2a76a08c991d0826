import { describe, expect, it } from "vitest";
import { lintDraft } from "../lint";
import { BLAME_BUYER_NEGATIVE as NEGATIVE, BLAME_BUYER_POSITIVE as POSITIVE } from "./blame-buyer.cases";
import { expectNoRule, expectRuleSpans } from "./test-tables";

describe("blame_buyer", () => {
  it.each(POSITIVE)("fires on %s", (draft, offending) => expectRuleSpans("blame_buyer", [draft, offending]));
  it.each(NEGATIVE)("stays quiet on %s", (draft) => expectNoRule("blame_buyer", draft));

  it("turns blame into neutral guidance, once per reply", () => {
    const rewrite = (d: string) => lintDraft(d).issues[0]!.suggestion;
    expect(rewrite("你为什么不看详情页")).toBe("您可以看一下详情页的说明哦");
    expect(rewrite("是你自己选错了尺码")).toContain("我们帮您看看怎么处理");
    const twice = rewrite("这是您自己洗坏的，不是我们的问题");
    expect(twice.match(/看看/g)).toHaveLength(1);
    expect(rewrite("That's your problem")).toBe("Let me help you check the details");
  });
});
