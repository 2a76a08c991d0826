import { describe, expect, it } from "vitest";
import { lintDraft } from "../lint";
import { COLD_REFUSAL_NEGATIVE as NEGATIVE, COLD_REFUSAL_POSITIVE as POSITIVE } from "./cold-refusal.cases";
import { expectNoRule, expectRuleSpans } from "./test-tables";

describe("cold_refusal", () => {
  it.each(POSITIVE)("fires on %s", (draft, offending) => expectRuleSpans("cold_refusal", [draft, offending]));
  it.each(NEGATIVE)("stays quiet on %s", (draft) => expectNoRule("cold_refusal", draft));

  it("adds one apology and one alternative for the whole reply", () => {
    const suggestion = lintDraft("没有赠品，也不送小礼物").issues[0]!.suggestion;
    expect(suggestion.match(/不好意思/g)).toHaveLength(1);
    expect(suggestion).toMatch(/您看.*可以吗/);
    expect(lintDraft("不行").issues[0]!.suggestion).toMatch(/^真的不好意思哦，这个暂时不行呢，您看.+可以吗？$/);
    expect(lintDraft("No.").issues[0]!.suggestion).toMatch(/^Sorry, /);
  });
});
