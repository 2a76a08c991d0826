// lintDraft: the etiquette check of an agent's draft reply (SPEC §8, CONTRACTS §6).
import { findIssues } from "./registry";
import { politeRewrite } from "./rewrite";
import type { LintOptions, LintResult } from "./types";

/**
 * Check a draft against the five contract rules. Every issue carries the same
 * suggestion: the whole draft rewritten with all issues fixed, which lints clean.
 */
export function lintDraft(text: string, options: LintOptions = {}): LintResult {
  const findings = findIssues(text, options);
  if (findings.length === 0) return { issues: [] };
  const suggestion = politeRewrite(text, options, findings);
  return {
    issues: findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end, suggestion, message: f.message })),
  };
}
