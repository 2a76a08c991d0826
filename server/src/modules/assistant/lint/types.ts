// Shapes of the etiquette check (CONTRACTS §6). Offsets everywhere are UTF-16 code
// units into the agent's draft, end exclusive, so they index the draft exactly as a
// browser's textarea or JavaScript's String#slice does.

export const LINT_RULES = ["absolute_promise", "blame_buyer", "cold_refusal", "rude", "privacy_leak"] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** One problem in a draft, as the contract writes it (`message` is ours, for people). */
export interface LintIssue {
  rule: LintRule;
  start: number;
  end: number;
  /** A polite rewrite of the WHOLE draft, every issue fixed at once. */
  suggestion: string;
  message?: string;
}

export interface LintOptions {
  /** Rules a shop has switched off (SPEC §11: each rule can be switched off per shop). */
  disabledRules?: LintRule[];
  /** Other customers the agent must not mention to this buyer. */
  otherCustomers?: { names?: string[]; phones?: string[] };
}

export interface LintResult {
  issues: LintIssue[];
}

/** Replace draft[start, end) by `text`; start === end inserts. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * What a rule reports. The whole-draft suggestion can only be written once every rule
 * has spoken, so a rule hands back its local fix (edits, plus an optional sentence to
 * close the draft with) and the registry composes them.
 */
export interface LintFinding {
  rule: LintRule;
  start: number;
  end: number;
  message: string;
  edits: TextEdit[];
  /** A sentence appended at the end of the draft, e.g. the alternative after a refusal. */
  closing?: string;
}

export type Lang = "zh" | "en" | "ko";

/** A stretch of the draft between clause punctuation (，。！？；… and newlines). */
export interface Clause {
  start: number;
  /** Exclusive; the delimiter itself (if any) sits at `end`. */
  end: number;
  lang: Lang;
}

export interface LintContext {
  /** The draft exactly as written. */
  text: string;
  /**
   * The draft folded for matching with the same length and offsets: full-width ASCII
   * to half-width, traditional characters to simplified. Rules match on this and
   * report offsets into `text`.
   */
  norm: string;
  lang: Lang;
  clauses: Clause[];
  otherCustomers: { names: string[]; phones: string[] };
}

export type LintRuleCheck = (draft: string, ctx: LintContext) => LintFinding[];
