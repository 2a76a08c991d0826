// The polite rewrite (CONTRACTS §6 `suggestion`): every finding's local fix applied to
// the draft in one pass, then the seeds' tone (您 for 你, 亲 when the buyer is not
// addressed at all). The result is linted again until clean; a rewrite that cannot be
// made clean is replaced by the seeds' standard holding answer (seed 004).
import { findIssues } from "./registry";
import { languageOf } from "./text/clauses";
import type { Lang, LintFinding, LintOptions, TextEdit } from "./types";

const HOLDING_ANSWER: Record<Lang, string> = {
  zh: "亲，不好意思哦，这个问题我需要核实一下，请您稍等，我会尽快给您回复。",
  en: "Sorry for the wait. Let me check this for you and get back to you shortly.",
  ko: "죄송합니다. 확인 후 바로 안내해 드릴게요.",
};

/** Apply non-overlapping edits left to right; a clashing edit waits for the next pass. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let cursor = 0;
  for (const edit of ordered) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

function appendClosings(text: string, closings: string[], lang: Lang): string {
  let out = text;
  for (const closing of closings) {
    const trimmed = out.trimEnd();
    if (lang === "zh") out = trimmed + (trimmed === "" || /[。！!？?~～…，,]$/.test(trimmed) ? "" : "，") + closing;
    else out = trimmed + (trimmed === "" ? "" : /[.!?。！？]$/.test(trimmed) ? " " : ". ") + closing;
  }
  return out;
}

/** The seeds' tone: 您 not 你, 亲 when nobody is addressed, and tidy punctuation. */
export function politeTone(text: string, lang: Lang): string {
  if (lang !== "zh") return text.replace(/\s{2,}/g, " ").replace(/\s+([,.!?])/g, "$1").trim();
  let out = text
    .replace(/你(?!们)/g, "您")
    .replace(/([，,])\s*([，,。！!？?])/g, "$2")
    .replace(/([。！!？?])[，,]+/g, "$1")
    .replace(/^[，,。\s]+/, "")
    .replace(/哦+/g, "哦")
    .replace(/哦([呢啊呀])/g, "$1")
    .replace(/([呢啊呀哦])哦/g, "$1");
  if (!/[您亲]/.test(out)) out = "亲，" + out;
  return out;
}

function rewriteOnce(text: string, findings: LintFinding[]): string {
  const lang = languageOf(text);
  const edits = findings.flatMap((f) => f.edits);
  const closings = [...new Set(findings.map((f) => f.closing).filter((c): c is string => c !== undefined))];
  return politeTone(appendClosings(applyEdits(text, edits), closings, lang), lang);
}

/** A polite rewrite of the whole draft that itself lints clean under the same options. */
export function politeRewrite(text: string, options: LintOptions = {}, findings = findIssues(text, options)): string {
  if (findings.length === 0) return text;
  let current = text;
  let remaining = findings;
  for (let pass = 0; pass < 4 && remaining.length > 0; pass++) {
    current = rewriteOnce(current, remaining);
    remaining = findIssues(current, options);
  }
  return remaining.length === 0 ? current : HOLDING_ANSWER[languageOf(text)];
}
