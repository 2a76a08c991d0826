// The etiquette check's public face; the assistant module re-exports from here.
export { lintDraft } from "./lint";
export { politeRewrite } from "./rewrite";
export { RULE_CHECKS } from "./registry";
export { LINT_RULES, type LintIssue, type LintOptions, type LintResult, type LintRule } from "./types";
