// Searching messages: the query is tokenised like the index, matched with PostgreSQL
// full text, newest first, and only in conversations the caller may see.
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { canSeeConversation, conversations, summaries, toChatMessage, type ChatMessage, type ConversationSummary } from "../conversations";
import { searchPage, type SearchHit } from "./search.repo";
import { searchTokens } from "./tokenize";

export interface SearchResult {
  message: ChatMessage;
  conversation: ConversationSummary;
  snippet: string;
}

const SNIPPET_BEFORE = 15;
const SNIPPET_LENGTH = 60;
/** Pages of hits read before giving up on filling the answer (the SQL filter makes this rare). */
const MAX_PAGES = 5;

/**
 * Narrows the scan in SQL to conversations the caller could see, so a page is not spent
 * on other teams' hits. canSeeConversation still decides each hit.
 */
function likelyVisible(auth: AuthContext): SQL | undefined {
  if (auth.abilities.has("conversations.view_all")) return undefined;
  const mine = eq(conversations.assigneeId, auth.agent.id);
  return auth.abilities.has("conversations.view_team") ? or(mine, eq(conversations.team, auth.agent.team)) : mine;
}

/** A short piece of the text around the first query word found in it. */
export function snippetOf(text: string, tokens: string[]): string {
  const normalized = text.normalize("NFKC");
  // Positions are taken on the lower-cased text; NFKC rarely changes length, and when it
  // does the normalised text is shown so the positions stay right.
  const shown = normalized.length === text.length ? text : normalized;
  const chars = Array.from(shown);
  const lower = Array.from(normalized.toLowerCase());
  const haystack = lower.join("");
  let at = -1;
  for (const token of tokens) {
    const index = haystack.indexOf(token);
    if (index !== -1 && (at === -1 || index < at)) at = index;
  }
  // indexOf counts UTF-16 units; convert to a code point position.
  const position = at === -1 ? 0 : Array.from(haystack.slice(0, at)).length;
  const start = Math.max(0, Math.min(position - SNIPPET_BEFORE, chars.length - SNIPPET_LENGTH));
  const end = Math.min(chars.length, start + SNIPPET_LENGTH);
  return (start > 0 ? "…" : "") + chars.slice(start, end).join("") + (end < chars.length ? "…" : "");
}

export async function searchMessages(db: Db, auth: AuthContext, query: string, limit: number): Promise<SearchResult[]> {
  const tokens = searchTokens(query, "query");
  if (tokens.length === 0) return [];
  const workspaceId = auth.agent.workspaceId;
  const hits: SearchHit[] = [];
  let before: { createdAt: Date; id: string } | null = null;
  for (let page = 0; page < MAX_PAGES && hits.length < limit; page++) {
    const result = await searchPage(db, workspaceId, tokens.join(" "), likelyVisible(auth), before, Math.max(limit * 2, 50));
    for (const hit of result.hits) {
      if (hits.length < limit && canSeeConversation(auth, { team: hit.team, assigneeId: hit.assigneeId })) hits.push(hit);
    }
    if (!result.next) break;
    before = result.next;
  }
  if (hits.length === 0) return [];
  const ids = [...new Set(hits.map((h) => h.message.conversationId))];
  const byId = new Map((await summaries(db, and(eq(conversations.workspaceId, workspaceId), inArray(conversations.id, ids)), ids.length)).map((c) => [c.id, c]));
  return hits.flatMap((hit) => {
    const conversation = byId.get(hit.message.conversationId);
    if (!conversation) return [];
    const message = toChatMessage(hit.message, hit.agentName);
    const text = message.kind === "product" && message.product ? `${message.text} ${message.product.title}`.trim() : message.text;
    return [{ message, conversation, snippet: snippetOf(text, tokens) }];
  });
}
