// Words for the search index, the same way for stored messages and for queries.
// Chinese has no spaces: jieba's search mode gives each word and the dictionary words
// inside it (针织衫 → 针织 针织衫), so a query for either finds it. Korean glues endings to
// words (배송은, 배송이): syllable bigrams let 배송 find both. Everything else is split on
// non-letters and lower-cased, after NFKC (full-width ＡＢＣ → abc). The result is space
// separated for to_tsvector('simple', …).
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HANGUL_RUN = /(\p{Script=Hangul}+)/u;
const WORD = /[\p{L}\p{N}]+/gu;

function hangulTokens(run: string): string[] {
  const syllables = Array.from(run);
  if (syllables.length === 1) return syllables;
  const out: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i++) out.push(syllables[i]! + syllables[i + 1]!);
  return out;
}

/**
 * Tokens of a text. `index` mode (stored messages) adds jieba's sub-words; `query` mode
 * keeps jieba's whole words, which the index holds too, so every query word must match.
 */
export function searchTokens(raw: string, mode: "index" | "query"): string[] {
  const text = raw.normalize("NFKC").toLowerCase();
  const out: string[] = [];
  for (const part of text.split(HANGUL_RUN)) {
    if (part === "") continue;
    if (HANGUL_RUN.test(part)) {
      out.push(...hangulTokens(part));
      continue;
    }
    const words = mode === "index" ? segmenter().cutForSearch(part, true) : segmenter().cut(part, true);
    for (const word of words) for (const token of word.match(WORD) ?? []) out.push(token);
  }
  return mode === "index" ? [...new Set(out)] : out;
}

/** The index column: tokens joined by spaces, de-duplicated (the vector keeps each once). */
export function indexText(text: string): string {
  return searchTokens(text, "index").join(" ");
}
