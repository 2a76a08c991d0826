// Clauses, languages and spans. A clause is what a buyer reads as one breath of the
// reply: rules judge a refusal, a promise or a blame within it, and a fix replaces it.
import type { Clause, Lang, LintContext } from "../types";
import { foldForMatching } from "./fold";

const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
const HAN = /[\u3400-\u9fff]/;

export function languageOf(text: string): Lang {
  if (HANGUL.test(text)) return "ko";
  if (HAN.test(text)) return "zh";
  return "en";
}

function isClauseBreak(norm: string, i: number): boolean {
  const c = norm[i]!;
  if ("，,。！!？?；;\n～~…:：".includes(c)) {
    // a colon inside a time (15:30) or a decimal point does not end a clause
    if ((c === ":" || c === ",") && /\d/.test(norm[i - 1] ?? "") && /\d/.test(norm[i + 1] ?? "")) return false;
    return true;
  }
  if (c === ".") return !(/\d/.test(norm[i - 1] ?? "") && /\d/.test(norm[i + 1] ?? ""));
  return false;
}

export function splitClauses(norm: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(norm[s]!)) s++;
    while (e > s && /\s/.test(norm[e - 1]!)) e--;
    if (e > s) clauses.push({ start: s, end: e, lang: languageOf(norm.slice(s, e)) });
  };
  for (let i = 0; i < norm.length; i++) {
    if (isClauseBreak(norm, i)) {
      push(i);
      start = i + 1;
    }
  }
  push(norm.length);
  return clauses;
}

export function buildContext(text: string, otherCustomers?: { names?: string[]; phones?: string[] }): LintContext {
  const norm = foldForMatching(text);
  return {
    text,
    norm,
    lang: languageOf(norm),
    clauses: splitClauses(norm),
    otherCustomers: {
      names: (otherCustomers?.names ?? []).map((n) => n.trim()).filter((n) => n.length >= 2),
      phones: (otherCustomers?.phones ?? []).map((p) => p.replace(/\D/g, "")).filter((p) => p.length >= 7),
    },
  };
}

/** The clause holding offset `i` (a delimiter belongs to no clause: the one before it is returned). */
export function clauseAt(ctx: LintContext, i: number): Clause {
  // binary search: a draft pasted with hundreds of clauses must not go quadratic
  const { clauses } = ctx;
  let lo = 0;
  let hi = clauses.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (clauses[mid]!.start <= i) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? { start: i, end: i, lang: ctx.lang } : clauses[found]!;
}

// Sentence-final particles and decoration that carry tone, not the offending claim.
const TRAILING_TONE = /(?:[\s哦噢喔呢啊呀啦吧哈嘛哟的滴~～^_\-—.。!！?？♪☆★❤♥]|亲亲|亲)+$/u;
const TRAILING_SYMBOLS = /(?:[\s~～^_\-—.。!！?？♪☆★❤♥]|\p{Extended_Pictographic}|\u200d|\ufe0f)+$/u;

/** Where the claim starting at `start` ends: the clause end, less tone particles and emoji. */
export function claimEnd(ctx: LintContext, start: number, keepParticles = false): number {
  const clause = clauseAt(ctx, start);
  const body = ctx.norm.slice(start, Math.max(start, clause.end));
  const trimmed = body.replace(TRAILING_SYMBOLS, "").replace(keepParticles ? /$^/ : TRAILING_TONE, "");
  return start + Math.max(trimmed.length, Math.min(body.length, 1));
}

/** The text of the clause before `i` (from its start). */
export function clauseBefore(ctx: LintContext, i: number): string {
  const clause = clauseAt(ctx, i);
  return ctx.norm.slice(Math.min(clause.start, i), i);
}

/** The text of the clause from `i` to its end. */
export function clauseAfter(ctx: LintContext, i: number): string {
  const clause = clauseAt(ctx, i);
  return ctx.norm.slice(i, Math.max(i, clause.end));
}

/** The sentence (up to 。！？ or a newline) holding `i`, for context checks wider than a clause. */
export function sentenceAround(ctx: LintContext, i: number, reach = 80): { start: number; end: number } {
  // `reach` bounds the walk: context words sit near what they govern, and an endless
  // unpunctuated paste must not make every hit rescan the whole draft
  const stop = /[。！!？?\n]/;
  let s = i;
  while (s > 0 && i - s < reach && !stop.test(ctx.norm[s - 1]!)) s--;
  let e = i;
  while (e < ctx.norm.length && e - i < reach && !stop.test(ctx.norm[e]!)) e++;
  return { start: s, end: e };
}

/** All matches of a global regex with their offsets. */
export function* matchesOf(re: RegExp, s: string): Generator<{ index: number; text: string; groups: (string | undefined)[] }> {
  const g = re.global ? re : new RegExp(re.source, re.flags + "g");
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(s)) !== null) {
    yield { index: m.index, text: m[0], groups: m.slice(1) };
    if (m[0].length === 0) g.lastIndex++;
  }
}
