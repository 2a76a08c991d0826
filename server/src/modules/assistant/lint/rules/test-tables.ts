// Shared by the rule tests and the whole-draft tests: a positive case names the draft
// and the offending text (found by hand, not by running the linter); the expected
// offsets are that text's UTF-16 position in the draft.
import { expect } from "vitest";
import { lintDraft } from "../lint";
import type { LintOptions, LintRule } from "../types";

/** [draft, offending text] or [draft, offending text, occurrence] when it repeats. */
export type Positive = [draft: string, offending: string | string[]];

export function spanOf(draft: string, offending: string): { start: number; end: number } {
  const start = draft.indexOf(offending);
  if (start < 0) throw new Error(`test table error: “${offending}” is not in “${draft}”`);
  return { start, end: start + offending.length };
}

export function expectRuleSpans(rule: LintRule, [draft, offending]: Positive, options: LintOptions = {}): void {
  const wanted = (Array.isArray(offending) ? offending : [offending]).map((o) => spanOf(draft, o));
  const got = lintDraft(draft, options)
    .issues.filter((i) => i.rule === rule)
    .map(({ start, end }) => ({ start, end }));
  expect(got, draft).toEqual(wanted);
}

export function expectNoIssues(draft: string, options: LintOptions = {}): void {
  expect(lintDraft(draft, options).issues, draft).toEqual([]);
}

export function expectNoRule(rule: LintRule, draft: string): void {
  expect(
    lintDraft(draft).issues.filter((i) => i.rule === rule),
    draft,
  ).toEqual([]);
}
