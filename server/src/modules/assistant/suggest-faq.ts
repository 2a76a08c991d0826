// Ranking FAQ entries for a buyer's message (the chat's suggestions) or for a search
// (the knowledge page): words shared with the entry's question variants, weighted by how
// rare they are among the shop's entries (idf, so 吗 and 的 count little and 色差 a lot),
// plus the buyer's intent and the products the conversation is about. Pure: the caller
// brings the tokenizer (jieba, server-side), so this runs the same in tests.
import type { Intent } from "./intent/labels";

export interface FaqCandidate {
  id: string;
  questions: readonly string[];
  answer: string;
  intent: string;
  scopeType: "shop" | "category" | "product";
  scopeValues: readonly string[];
}

export interface FaqQuery {
  text: string;
  intent: Intent | null;
  /**
   * The chat's products and their categories. Given (even empty), an entry scoped to a
   * category or product is offered only when the conversation is about one in its scope,
   * so an answer about another item never reaches the buyer. Null: no chat (a search),
   * every entry qualifies.
   */
  products: { ids: readonly string[]; categories: readonly string[] } | null;
}

export interface RankedFaq<E> {
  entry: E;
  score: number;
  /** The question variant that matched best (the first one when none shares a word). */
  question: string;
  /** Word similarity alone, 0…1. */
  textScore: number;
}

export type Tokenizer = (text: string) => readonly string[];

// Intents whose answers often serve each other (a bargaining buyer is helped by the
// coupon answer): a related label counts a little, the same label a lot.
const RELATED: readonly (readonly Intent[])[] = [
  ["bargain", "discount_coupon", "gift_or_free_shipping"],
  ["product_question", "size_fit", "color_difference", "material_quality", "stock", "usage_care", "authenticity"],
  ["shipping_time", "courier_choice", "order_status", "logistics_stuck", "address_change"],
  ["wrong_item", "damaged_defective", "return_exchange_refund", "complaint"],
];

export const WEIGHTS = { sameIntent: 1.5, relatedIntent: 0.4, text: 2, answerText: 0.6, product: 0.5, category: 0.3 } as const;
/** Below this a chat suggestion is noise: a shared common word and nothing else. */
export const CHAT_MIN_SCORE = 0.9;

function intentFit(entryIntent: string, intent: Intent | null): number {
  if (intent === null || intent === "other") return entryIntent === intent ? WEIGHTS.sameIntent / 3 : 0;
  if (entryIntent === intent) return WEIGHTS.sameIntent;
  return RELATED.some((group) => group.includes(intent) && group.includes(entryIntent as Intent)) ? WEIGHTS.relatedIntent : 0;
}

/** Scope bonus, or null when the entry must not be offered for this chat. */
function scopeFit(entry: FaqCandidate, products: FaqQuery["products"]): number | null {
  if (entry.scopeType === "shop" || products === null) return 0;
  const wanted = entry.scopeType === "product" ? products.ids : products.categories;
  if (!entry.scopeValues.some((v) => wanted.includes(v))) return null;
  return entry.scopeType === "product" ? WEIGHTS.product : WEIGHTS.category;
}

/** idf-weighted cosine of two token sets. */
function similarity(query: ReadonlySet<string>, doc: ReadonlySet<string>, idf: (t: string) => number): number {
  if (query.size === 0 || doc.size === 0) return 0;
  let shared = 0;
  let q = 0;
  let d = 0;
  for (const t of query) {
    const w = idf(t);
    q += w;
    if (doc.has(t)) shared += w;
  }
  for (const t of doc) d += idf(t);
  return shared / Math.sqrt(q * d);
}

export function rankFaq<E extends FaqCandidate>(
  query: FaqQuery,
  entries: readonly E[],
  tokens: Tokenizer,
  options: { limit?: number; minScore?: number } = {},
): RankedFaq<E>[] {
  const words = new Set(tokens(query.text));
  const tokenized = entries.map((entry) => ({
    entry,
    questions: entry.questions.map((q) => new Set(tokens(q))),
    answer: new Set(tokens(entry.answer)),
  }));
  // Document frequency over entries (all their wordings together), smoothed so a tiny FAQ still ranks.
  const df = new Map<string, number>();
  for (const t of tokenized) {
    const all = new Set([...t.answer, ...t.questions.flatMap((q) => [...q])]);
    for (const word of all) df.set(word, (df.get(word) ?? 0) + 1);
  }
  const n = tokenized.length;
  const weights = new Map<string, number>();
  const idf = (t: string) => {
    let w = weights.get(t);
    if (w === undefined) weights.set(t, (w = Math.log(1 + (n + 1) / ((df.get(t) ?? 0) + 0.5))));
    return w;
  };

  const ranked: RankedFaq<E>[] = [];
  tokenized.forEach(({ entry, questions, answer }) => {
    const scope = scopeFit(entry, query.products);
    if (scope === null) return;
    let best = 0;
    let bestIndex = 0;
    questions.forEach((q, i) => {
      const s = similarity(words, q, idf);
      if (s > best) [best, bestIndex] = [s, i];
    });
    const answerScore = similarity(words, answer, idf);
    const textScore = Math.max(best, (answerScore * WEIGHTS.answerText) / WEIGHTS.text);
    const score = intentFit(entry.intent, query.intent) + WEIGHTS.text * textScore + scope;
    ranked.push({ entry, score, question: entry.questions[bestIndex] ?? "", textScore });
  });
  const min = options.minScore ?? 0;
  return ranked
    .filter((r) => r.score > 0 && r.score >= min)
    .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
    .slice(0, options.limit ?? ranked.length);
}
