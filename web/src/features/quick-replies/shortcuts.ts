// "/" shortcuts in the chat input: find the "/word" being typed at the caret, rank the
// quick replies and the FAQ's approved answers it matches, and put the chosen one in
// its place.

export interface ShortcutTarget {
  shortcut: string;
  category: string;
  text: string;
  scope: "team" | "personal";
}

export interface SlashQuery {
  /** Index of the "/" in the text. */
  start: number;
  /** The caret: the query ends here. */
  end: number;
  /** What follows the "/", lower-cased. */
  query: string;
}

/**
 * The "/letters" right before the caret, when the "/" starts the text or follows
 * whitespace (so "http://x" and "1/2" never open the popup). Null otherwise.
 */
export function slashQueryAt(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{N}_-]{1,30})$/u.exec(before);
  if (!match) return null;
  const start = caret - match[2]!.length - 1;
  return { start, end: caret, query: match[2]!.toLowerCase() };
}

const bare = (shortcut: string) => shortcut.replace(/^\//, "").toLowerCase();

/** Rank: exact shortcut, shortcut prefix, shortcut substring, then category or text; personal first on ties. */
export function matchShortcuts<T extends ShortcutTarget>(items: readonly T[], query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  const scored: Array<{ item: T; score: number }> = [];
  for (const item of items) {
    const shortcut = bare(item.shortcut);
    let score: number;
    if (!q) score = 3;
    else if (shortcut === q) score = 0;
    else if (shortcut.startsWith(q)) score = 1;
    else if (shortcut.includes(q)) score = 2;
    else if (item.category.toLowerCase().includes(q) || item.text.toLowerCase().includes(q)) score = 3;
    else continue;
    scored.push({ item, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (a.item.scope === b.item.scope ? 0 : a.item.scope === "personal" ? -1 : 1) ||
      bare(a.item.shortcut).localeCompare(bare(b.item.shortcut)),
  );
  return scored.slice(0, limit).map((s) => s.item);
}

/** The text with [start, end) replaced, and where the caret goes after the insert. */
export function replaceRange(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** Moves a highlighted row up or down, wrapping around. */
export function moveIndex(index: number, delta: number, length: number): number {
  if (length === 0) return 0;
  return (((index + delta) % length) + length) % length;
}

/** Categories in first-seen order with their replies, for the library panel. */
export function groupByCategory<T extends { category: string }>(items: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.category);
    if (list) list.push(item);
    else groups.set(item.category, [item]);
  }
  return [...groups.entries()];
}

/** An FAQ answer as the "/" search sees it. */
export interface FaqTarget {
  id: string;
  questions: readonly string[];
  answer: string;
  category: string;
  usageCount: number;
}

/** FAQ answers whose questions, category or answer hold the query: question matches first, then the most used. */
export function matchFaq<T extends FaqTarget>(items: readonly T[], query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<{ item: T; score: number }> = [];
  for (const item of items) {
    let score: number;
    if (item.questions.some((question) => question.toLowerCase().includes(q))) score = 0;
    else if (item.category.toLowerCase().includes(q)) score = 1;
    else if (item.answer.toLowerCase().includes(q)) score = 2;
    else continue;
    scored.push({ item, score });
  }
  scored.sort((a, b) => a.score - b.score || b.item.usageCount - a.item.usageCount);
  return scored.slice(0, limit).map((s) => s.item);
}

/** What the chat input can insert: a quick reply or an FAQ answer. */
export type ComposerPick<Q, F> = { source: "quick_reply"; item: Q } | { source: "faq"; item: F };

const plain = (text: string) => text.replace(/\s+/g, "");

/**
 * The "/" list: quick replies by shortcut first, then FAQ answers, with room kept for up
 * to three of those; an FAQ answer that says what a listed phrase says is left out (the
 * script library is loaded as both).
 */
export function slashMatches<Q extends ShortcutTarget, F extends FaqTarget>(replies: readonly Q[], faq: readonly F[], query: string, limit = 8): ComposerPick<Q, F>[] {
  const phrases = matchShortcuts(replies, query, limit);
  const texts = new Set(phrases.map((p) => plain(p.text)));
  const answers = matchFaq(faq, query, limit).filter((f) => !texts.has(plain(f.answer)));
  const phraseCount = Math.min(phrases.length, limit - Math.min(answers.length, 3));
  return [
    ...phrases.slice(0, phraseCount).map((item) => ({ source: "quick_reply" as const, item })),
    ...answers.slice(0, limit - phraseCount).map((item) => ({ source: "faq" as const, item })),
  ];
}
