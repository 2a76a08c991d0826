// Small helpers shared by the rules: building findings and reading around a hit.
import { clauseAt } from "../text/clauses";
import type { LintContext, LintFinding, LintRule, TextEdit } from "../types";

export function finding(rule: LintRule, start: number, end: number, message: string, edits: TextEdit[], closing?: string): LintFinding {
  return closing === undefined ? { rule, start, end, message, edits } : { rule, start, end, message, edits, closing };
}

/** The clause text before `i`, and whether nothing but a greeting precedes the hit. */
export function leadIn(ctx: LintContext, i: number): { before: string; bare: boolean } {
  const clause = clauseAt(ctx, i);
  const before = ctx.norm.slice(Math.min(clause.start, i), i);
  return { before, bare: /^(?:亲爱的|亲|您好|你好|嗯|好的|是的|对的?|放心)?[\s,，]*$/.test(before) };
}

/** Capitalise the first letter when an English replacement starts a sentence. */
export function sentenceCase(ctx: LintContext, at: number, replacement: string): string {
  const before = ctx.text.slice(0, at).trimEnd();
  const startsSentence = before === "" || /[.!?。！？]$/.test(before);
  return startsSentence ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** True when `re` matches anywhere in the draft outside the given spans. */
export function matchesOutside(norm: string, re: RegExp, spans: { start: number; end: number }[]): boolean {
  const chars = norm.split("");
  for (const { start, end } of spans) for (let k = start; k < end; k++) chars[k] = "\u0000";
  return re.test(chars.join(""));
}

/**
 * Replace the claim at `start` through the end of its clause, eating the tone particles
 * and a question mark after it: “你为什么不看详情页呢？” is rewritten as a statement,
 * not as a question.
 */
export function replaceClause(ctx: LintContext, start: number, text: string): TextEdit {
  const clause = clauseAt(ctx, start);
  let end = Math.max(clause.end, start);
  let consumedQuestion = false;
  // a replacement that brings its own end mark takes the draft's place
  const ownMark = /[?？!！.。]$/.test(text);
  while (end < ctx.norm.length && (ownMark ? /[?？!！.。]/ : /[?？]/).test(ctx.norm[end]!)) {
    end++;
    consumedQuestion = true;
  }
  const more = ctx.norm.slice(end).trim() !== "";
  const joiner = consumedQuestion && more && !ownMark ? (clause.lang === "zh" ? "，" : ". ") : "";
  return { start, end, text: text + joiner };
}
