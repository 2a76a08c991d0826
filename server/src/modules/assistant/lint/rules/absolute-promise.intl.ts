// absolute_promise for English and Korean drafts: the same judgement as Chinese, on
// the words each language guarantees with (guarantee/definitely, 무조건/반드시/보장).
import { claimEnd, clauseAt, matchesOf } from "../text/clauses";
import type { LintContext, LintFinding } from "../types";
import { finding, sentenceCase } from "./finding";

const ABSOLUTE_EN =
  /\b(?:i|we) (?:can )?(?:guarantee|promise)(?: (?:you|that))*\b|\bguaranteed?\b|\bdefinitely\b|\babsolutely\b|\bcertainly\b|\bsurely\b|\bfor sure\b|\bwithout (?:a|any) doubt\b|\b100 ?%|\bone hundred percent\b|\bwill never\b|\bnever (?:fades?|shrinks?|pills?|breaks?|tears?)\b/gi;
const DISCLAIMER_EN = /(?:can'?t|cannot|can not|not|don'?t|do not|won'?t|unable to|never)\s*$/i;
const GUARANTEE_NOUN_EN = /(?:\ba|\bthe|\bour|money-back|quality|satisfaction|\bany)\s*$/i;
const OWN_ACTION_EN = /^[\s,]*(?:(?:that\s+)?(?:i|we)(?:'ll| will)\s+|to\s+)?(?:reply|respond|get back|answer|contact|update|call|message|email|follow up|look into|check)/i;
const EFFORT_EN = /^[\s,]*(?:(?:that\s+)?(?:i|we)(?:'ll| will)\s+)?(?:try|do (?:our|my) best)/i;
const MATERIAL_EN = /^\s*(?:cotton|wool|silk|linen|polyester|leather|cashmere|nylon|merino|organic)/i;

function replacementEn(word: string): string {
  const w = word.toLowerCase();
  if (/^(?:i|we) /.test(w)) return "we'll do our best so that";
  if (w.startsWith("guarantee")) return "expected";
  if (w === "will never") return "normally won't";
  const never = /^never (\w+?)s?$/.exec(w);
  if (never) return `normally doesn't ${never[1]}`;
  if (/^(?:100 ?%|one hundred percent|without (?:a|any) doubt)$/.test(w)) return "";
  if (w === "absolutely") return "really";
  return "very likely";
}

function absolutePromiseEn(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of matchesOf(ABSOLUTE_EN, ctx.norm)) {
    const clause = clauseAt(ctx, m.index);
    if (clause.lang !== "en") continue;
    const before = ctx.norm.slice(clause.start, m.index);
    const after = ctx.norm.slice(m.index + m.text.length, clause.end);
    if (DISCLAIMER_EN.test(before) || EFFORT_EN.test(after)) continue;
    if (/guarantee$/i.test(m.text) && GUARANTEE_NOUN_EN.test(before)) continue;
    if (OWN_ACTION_EN.test(after)) continue;
    // “we will never refund this” refuses (cold_refusal); it promises nothing
    if (/never$/i.test(m.text) && /^\s*(?:refund|accept|exchange|return|give|offer|ship|do)\b/i.test(after)) continue;
    if (/100|hundred/.test(m.text) && MATERIAL_EN.test(after)) continue;
    // “Absolutely!”, “Certainly, happy to help”: a courteous yes, not a guarantee
    if (/^(?:absolutely|certainly|definitely|surely|for sure)$/i.test(m.text) && /^\s*(?:[,!.]|$)/.test(after) && !/\b(?:will|arrive|genuine|real|authentic|fade|shrink|deliver)/i.test(after)) continue;
    const end = claimEnd(ctx, m.index);
    let replacement = replacementEn(m.text);
    let editEnd = m.index + m.text.length;
    if (replacement === "") {
      // dropping “100%” or “without a doubt” also drops the space after it
      while (editEnd < ctx.text.length && ctx.text[editEnd] === " ") editEnd++;
    } else replacement = sentenceCase(ctx, m.index, replacement);
    out.push(
      finding("absolute_promise", m.index, end, `absolute promise “${ctx.text.slice(m.index, end)}”: promise effort, not the outcome`, [
        { start: m.index, end: editEnd, text: replacement },
      ]),
    );
  }
  return out;
}

const ABSOLUTE_KO = /무조건|반드시|틀림없이|확실히|100\s?%|절대(?:로)?|보장(?:합니다|해요|해 드려요|드려요|드립니다)?|장담(?:합니다|해요)?/g;

function absolutePromiseKo(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of matchesOf(ABSOLUTE_KO, ctx.norm)) {
    const clause = clauseAt(ctx, m.index);
    if (clause.lang !== "ko") continue;
    const before = ctx.norm.slice(clause.start, m.index);
    const after = ctx.norm.slice(m.index + m.text.length, clause.end);
    if (/최대한\s*$/.test(before) || /^\s*(?:할 수 없|하기 어렵|은 어렵|는 어렵|못|드릴 수 없)/.test(after)) continue;
    if (/답변|연락|회신|안내해|확인해|답장|걱정/.test(after)) continue;
    if (/^100/.test(m.text) && /^\s*(?:면|순면|울|실크|린넨|코튼)/.test(after)) continue;
    const end = claimEnd(ctx, m.index);
    let text = "최대한";
    if (/^100/.test(m.text)) text = "";
    else if (m.text.startsWith("절대")) text = "보통은";
    else if (/^(?:보장|장담)/.test(m.text)) text = m.text.length > 2 ? "최선을 다하겠습니다" : "최선";
    out.push(
      finding("absolute_promise", m.index, end, `absolute promise “${ctx.text.slice(m.index, end)}”`, [{ start: m.index, end: m.index + m.text.length, text }]),
    );
  }
  return out;
}

export function absolutePromiseIntl(ctx: LintContext): LintFinding[] {
  return [...absolutePromiseEn(ctx), ...absolutePromiseKo(ctx)];
}
