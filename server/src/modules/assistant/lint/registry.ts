// The five contract rules, each switchable per shop, run over one draft. Findings of
// the same rule that overlap are one issue (绝对保证正品 is one absolute claim).
import { absolutePromise } from "./rules/absolute-promise";
import { blameBuyer } from "./rules/blame-buyer";
import { coldRefusal } from "./rules/cold-refusal";
import { privacyLeak } from "./rules/privacy-leak";
import { rude } from "./rules/rude";
import { buildContext } from "./text/clauses";
import { LINT_RULES, type LintFinding, type LintOptions, type LintRule, type LintRuleCheck } from "./types";

export const RULE_CHECKS: Record<LintRule, LintRuleCheck> = {
  absolute_promise: absolutePromise,
  blame_buyer: blameBuyer,
  cold_refusal: coldRefusal,
  rude,
  privacy_leak: privacyLeak,
};

function mergeOverlapping(findings: LintFinding[]): LintFinding[] {
  const merged: LintFinding[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.edits = [...last.edits, ...f.edits];
      last.closing ??= f.closing;
    } else merged.push({ ...f, edits: [...f.edits] });
  }
  return merged;
}

/** Every enabled rule's findings on the draft, ordered by start (then by rule). */
export function findIssues(text: string, options: LintOptions = {}): LintFinding[] {
  if (text.trim() === "") return [];
  const disabled = new Set(options.disabledRules ?? []);
  const ctx = buildContext(text, options.otherCustomers);
  const all: LintFinding[] = [];
  for (const rule of LINT_RULES) {
    if (disabled.has(rule)) continue;
    all.push(...mergeOverlapping(RULE_CHECKS[rule](text, ctx).filter((f) => f.end > f.start)));
  }
  return all.sort((a, b) => a.start - b.start || LINT_RULES.indexOf(a.rule) - LINT_RULES.indexOf(b.rule));
}
