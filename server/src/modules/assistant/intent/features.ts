// Turning a buyer message into the sparse features the classifiers learn from.
// Chinese has no spaces, so jieba words alone miss typos and unseen compounds;
// character 1–3-grams catch those (色差 inside 有没有色差呀). Korean and English
// are split on spaces and also get character n-grams (Korean endings vary:
// 있나요/있어요/있어요?).
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { matchedCues } from "./lexicon";
import { normalizeText, SIZE_MARK } from "./normalize";

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Builds the jieba dictionary now (about 0.2 s) instead of on the first message. */
export function warmSegmenter(): void {
  segmenter();
}

type UnitKind = "cjk" | "hangul" | "latin" | "num" | "size" | "break";

interface Unit {
  kind: UnitKind;
  text: string;
}

const HAN = /\p{Script=Han}/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /[a-z]/;
const DIGIT = /[0-9]/;

/** Splits normalised text into units: one per CJK/Hangul character, one per Latin word or number. */
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    if (LATIN.test(ch)) {
      let word = "";
      while (i < chars.length && LATIN.test(chars[i] as string)) word += chars[i++];
      units.push({ kind: "latin", text: stemLatin(word) });
    } else if (DIGIT.test(ch)) {
      while (i < chars.length && /[0-9.]/.test(chars[i] as string)) i++;
      units.push({ kind: "num", text: "0" });
    } else {
      i++;
      if (ch === SIZE_MARK) units.push({ kind: "size", text: SIZE_MARK });
      else if (HAN.test(ch)) units.push({ kind: "cjk", text: ch });
      else if (HANGUL.test(ch)) units.push({ kind: "hangul", text: ch });
      else units.push({ kind: "break", text: ch });
    }
  }
  return units;
}

// Plural and tense endings matter little for intent; "pockets"/"pocket" should meet.
function stemLatin(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

function addNgrams(out: string[], seq: string[], prefix: string, maxN: number): void {
  for (let n = 1; n <= maxN; n++) {
    for (let i = 0; i + n <= seq.length; i++) out.push(prefix + n + ":" + seq.slice(i, i + n).join(""));
  }
}

/** Feature strings of one message (with repeats; the model counts presence). */
export function messageFeatures(raw: string): string[] {
  const text = normalizeText(raw);
  const out: string[] = [];
  const units = toUnits(text);

  // Character n-grams over runs of script units, with ^/$ marking the message edges
  // so that "在吗" alone differs from "在吗 有M码吗".
  const content = units.filter((u) => u.kind !== "break");
  const runs: string[][] = [];
  let run: string[] = ["^"];
  for (const u of units) {
    if (u.kind === "break") {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push(u.kind === "latin" ? `[${u.text}]` : u.text);
  }
  run.push("$");
  runs.push(run);
  for (const r of runs) addNgrams(out, r, "c", 3);

  // Words: jieba for Chinese (it keeps Latin and Hangul words whole), space tokens for Korean.
  const words: string[] = [];
  for (const token of segmenter().cut(text, true)) {
    const t = token.trim();
    if (!t || /^[\p{P}\p{S}\s]+$/u.test(t)) {
      if (t) words.push("|");
      continue;
    }
    if (DIGIT.test(t[0] as string)) words.push("0");
    else if (LATIN.test(t[0] as string)) words.push(stemLatin(t));
    else words.push(t);
  }
  for (const w of words) {
    if (w === "|") continue;
    out.push("w:" + w);
    // English inflects (ship/shipped/shipping, wash/washing): a 4-letter prefix lets
    // forms the data never showed meet the ones it did.
    if (w.length > 4 && LATIN.test(w[0] as string)) out.push("lp:" + w.slice(0, 4));
  }
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i] as string;
    const b = words[i + 1] as string;
    if (a !== "|" && b !== "|") out.push("b:" + a + "_" + b);
  }
  if (HANGUL.test(text)) {
    for (const token of text.split(/[\s\p{P}]+/u)) if (token) out.push("k:" + token);
  }

  // Cue words count twice: once as the cue itself, so rare synonyms share weight.
  for (const intent of matchedCues(text)) out.push("cue:" + intent, "cue2:" + intent);

  // Shape of the message: very short messages and bare punctuation behave differently.
  const length = content.length;
  out.push(length === 0 ? "len:0" : length <= 2 ? "len:1-2" : length <= 6 ? "len:3-6" : length <= 15 ? "len:7-15" : "len:16+");
  if (/[?？]/.test(raw)) out.push("p:?");
  if (/[?？]{2,}/.test(raw)) out.push("p:??");
  if (/[!！]/.test(raw)) out.push("p:!");
  if (/[!！]{2,}/.test(raw)) out.push("p:!!");
  if (/\p{Extended_Pictographic}/u.test(raw)) out.push("p:emoji");
  return out;
}
