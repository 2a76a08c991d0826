// The FAQ's rules: what an entry looks like over the API, which product ids a scope may
// name, what a conversation is about (for ranking), proposals checked against the chat
// they come from, and putting an answer into a chat (variables filled, the use counted).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { analyzeBuyerMessage, type Intent } from "../assistant/intent";
import { CHAT_MIN_SCORE, rankFaq, type FaqQuery, type RankedFaq } from "../assistant/suggest-faq";
import { products } from "../catalog";
import { canSeeConversation, findConversation, messages, type ConversationRow } from "../conversations";
import { searchTokens } from "../search";
import { agentNames, countUse, findEntry, listEntries, type FaqRow } from "./faq.repo";
import type { FaqScope, FaqView } from "./faq.shapes";
import { fillVariables, unfilledVariables, variablesFor } from "./quick-replies.render";

// Each suggestion ranks all the shop's entries; segmenting them afresh every time cost
// 175 ms for 1000 entries, so the words of texts seen are kept (entries change rarely).
const TOKEN_CACHE_SIZE = 20_000;
const tokenCache = new Map<string, readonly string[]>();

/** Index-mode tokens: jieba's words and the dictionary words inside them, Korean bigrams, lower-cased words. */
export function faqTokens(text: string): readonly string[] {
  const known = tokenCache.get(text);
  if (known) return known;
  const words = searchTokens(text, "index");
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  tokenCache.set(text, words);
  return words;
}

export async function entryViews(db: Db, workspaceId: string, rows: FaqRow[]): Promise<FaqView[]> {
  const names = await agentNames(
    db,
    workspaceId,
    rows.flatMap((r) => [r.proposedBy, r.reviewedBy].filter((id): id is string => id !== null)),
  );
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? "" } : null);
  return rows.map((row) => ({
    id: row.id,
    shopId: row.shopId,
    status: row.status,
    questions: row.questions,
    answer: row.answer,
    category: row.category,
    intent: row.intent as Intent,
    stage: row.stage,
    scope: { type: row.scopeType, values: row.scopeValues },
    libraryKey: row.libraryKey,
    source: row.source ?? null,
    proposedBy: who(row.proposedBy),
    reviewedBy: who(row.reviewedBy),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewNote: row.reviewNote,
    usageCount: row.usageCount,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** A product scope names products of the entry's own shop; `field` names the offending value. */
export async function checkScope(db: Db, workspaceId: string, shopId: string, scope: FaqScope, field = "scope.values"): Promise<void> {
  if (scope.type !== "product") return;
  const found = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), inArray(products.id, scope.values)));
  const known = new Set(found.map((r) => r.id));
  const missing = scope.values.findIndex((id) => !known.has(id));
  if (missing >= 0) throw new HttpError(400, "invalid", `No product ${scope.values[missing]} in this shop`, `${field}.${missing}`);
}

/** A conversation the caller may see, or 404. */
export async function visibleConversation(db: Db, auth: AuthContext, conversationId: string): Promise<ConversationRow> {
  const conversation = await findConversation(db, auth.agent.workspaceId, conversationId);
  if (!conversation || !canSeeConversation(auth, conversation)) throw notFound("conversation");
  return conversation;
}

/** The products a conversation is about: the cards either side sent (newest first) and their categories. */
export async function conversationProducts(db: Db, workspaceId: string, conversationId: string): Promise<{ ids: string[]; categories: string[] }> {
  const cards = await db
    .select({ product: messages.product })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), eq(messages.kind, "product")))
    .orderBy(desc(messages.seq))
    .limit(20);
  const ids = [...new Set(cards.flatMap((c) => (c.product ? [c.product.productId] : [])))];
  if (ids.length === 0) return { ids, categories: [] };
  const rows = await db
    .select({ category: products.category })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids)));
  return { ids, categories: [...new Set(rows.map((r) => r.category))] };
}

/** Approved answers for the buyer's message in this chat, best first. */
export async function suggestForChat(
  db: Db,
  auth: AuthContext,
  conversationId: string,
  text: string,
  limit: number,
): Promise<{ intent: Intent; items: RankedFaq<FaqRow>[] }> {
  const conversation = await visibleConversation(db, auth, conversationId);
  const workspaceId = auth.agent.workspaceId;
  const [entries, chatProducts] = await Promise.all([
    listEntries(db, workspaceId, { shopId: conversation.shopId, status: "approved" }),
    conversationProducts(db, workspaceId, conversation.id),
  ]);
  const { intent } = analyzeBuyerMessage(text);
  const query: FaqQuery = { text, intent, products: chatProducts };
  return { intent, items: rankFaq(query, entries, faqTokens, { limit, minScore: CHAT_MIN_SCORE }) };
}

/**
 * An agent puts an approved answer into a chat's input: the answer with the chat's
 * values, the variables it has none for (kept as {name}, for the agent to fill before
 * the composer lets it go), and one more use counted.
 */
export async function useAnswer(db: Db, auth: AuthContext, entryId: string, conversationId: string): Promise<{ text: string; missing: string[] }> {
  const entry = await findEntry(db, auth.agent.workspaceId, entryId);
  const conversation = await visibleConversation(db, auth, conversationId);
  if (!entry || entry.status !== "approved" || entry.shopId !== conversation.shopId) throw notFound("FAQ entry");
  const text = fillVariables(entry.answer, await variablesFor(db, auth, conversation.id));
  await countUse(db, auth.agent.workspaceId, entry.id);
  return { text, missing: unfilledVariables(text) };
}

/** The messages a proposal cites: the buyer's questions and an agent's answers, in that conversation. */
export async function checkProposalSource(db: Db, conversation: ConversationRow, questionSeqs: number[], answerSeqs: number[]): Promise<void> {
  const seqs = [...new Set([...questionSeqs, ...answerSeqs])];
  const rows = await db
    .select({ seq: messages.seq, sender: messages.sender, kind: messages.kind })
    .from(messages)
    .where(and(eq(messages.workspaceId, conversation.workspaceId), eq(messages.conversationId, conversation.id), inArray(messages.seq, seqs)));
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  questionSeqs.forEach((seq, i) => {
    const m = bySeq.get(seq);
    if (!m || m.sender !== "buyer" || m.kind !== "text") throw new HttpError(400, "invalid", `message ${seq} is not a buyer's text in this chat`, `questionSeqs.${i}`);
  });
  answerSeqs.forEach((seq, i) => {
    const m = bySeq.get(seq);
    if (!m || m.sender !== "agent" || m.kind !== "text") throw new HttpError(400, "invalid", `message ${seq} is not an agent's text in this chat`, `answerSeqs.${i}`);
  });
}
