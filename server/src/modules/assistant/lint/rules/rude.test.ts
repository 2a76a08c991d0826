import { describe, expect, it } from "vitest";
import { lintDraft } from "../lint";
import { RUDE_NEGATIVE as NEGATIVE, RUDE_POSITIVE as POSITIVE } from "./rude.cases";
import { expectNoRule, expectRuleSpans } from "./test-tables";

describe("rude", () => {
  it.each(POSITIVE)("fires on %s", (draft, offending) => expectRuleSpans("rude", [draft, offending]));
  it.each(NEGATIVE)("stays quiet on %s", (draft) => expectNoRule("rude", draft));

  it("gives the smoke-test answer of the contract", () => {
    const { issues } = lintDraft("爱买不买");
    expect(issues.map(({ rule, start, end }) => ({ rule, start, end }))).toEqual([{ rule: "rude", start: 0, end: 4 }]);
    expect(issues[0]!.suggestion).not.toContain("爱买不买");
  });

  it("replaces the rude words with a courteous sentence and keeps what came before", () => {
    expect(lintDraft("🎉🎉你有病吧").issues[0]!.suggestion).toBe("🎉🎉请问还有什么可以帮您的吗");
    expect(lintDraft("这个价格不能少了，爱要不要").issues[0]!.suggestion).not.toMatch(/爱要不要/);
  });
});
