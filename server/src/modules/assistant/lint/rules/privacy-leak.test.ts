import { describe, expect, it } from "vitest";
import { lintDraft } from "../lint";
import { PRIVACY_LEAK_NEGATIVE as NEGATIVE, PRIVACY_LEAK_POSITIVE as POSITIVE } from "./privacy-leak.cases";
import { expectNoIssues, expectNoRule, expectRuleSpans } from "./test-tables";

describe("privacy_leak", () => {
  it.each(POSITIVE)("fires on %s", (draft, offending) => expectRuleSpans("privacy_leak", [draft, offending]));
  it.each(NEGATIVE)("stays quiet on %s", (draft) => expectNoRule("privacy_leak", draft));

  it("masks in place: phone 3+4 visible, ID 4+4, address cut back to the city", () => {
    const rewrite = (d: string) => lintDraft(d).issues[0]!.suggestion;
    expect(rewrite("收件人电话13812345678")).toContain("收件人电话138****5678");
    expect(rewrite("身份证号110101199003071234")).toContain("身份证号1101**********1234");
    const address = rewrite("地址：杭州市西湖区文三路123号5幢");
    expect(address).toContain("杭州市***");
    expect(address).not.toMatch(/文三路|123号|西湖区/);
    expect(rewrite("上一个买家张三也买了")).not.toContain("张三");
  });

  it("knows the shop's other customers by name and phone", () => {
    const otherCustomers = { names: ["林晓雨"], phones: ["15900001111"] };
    expectRuleSpans("privacy_leak", ["林晓雨也买了这款哦", "林晓雨"], { otherCustomers });
    expect(lintDraft("林晓雨也买了这款哦", { otherCustomers }).issues[0]!.suggestion).not.toContain("林晓雨");
    expectNoIssues("这款卖得很好哦", { otherCustomers });
  });
});
