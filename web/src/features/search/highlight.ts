// Marks the searched words in a result snippet. The server matches by words (jieba), so
// every whitespace-separated part of the query is marked, case-insensitively.

export interface Part {
  text: string;
  hit: boolean;
}

export function highlightParts(text: string, query: string): Part[] {
  const terms = [...new Set(query.trim().toLowerCase().split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (terms.length === 0 || !text) return text ? [{ text, hit: false }] : [];
  const lower = text.toLowerCase();
  const parts: Part[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const term = terms.find((t) => lower.startsWith(t, i));
    if (term) {
      if (plain) parts.push({ text: plain, hit: false });
      plain = "";
      parts.push({ text: text.slice(i, i + term.length), hit: true });
      i += term.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, hit: false });
  return parts;
}
