// The FAQ knowledge base over HTTP (docs/api.md "FAQ"): the list and its filters, edits
// and reviews (faq.manage), proposals from a chat, suggestions for a buyer's message,
// putting an answer into a chat (counted), files in and out, and the seeds' script library.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiDelete, apiGet, apiPatch, apiPost } from "../../platform/api";
import type { PresalesStage } from "../../platform/types";
import type { Intent } from "../../../../server/src/modules/assistant/intent/labels";

export type FaqStatus = "proposed" | "approved" | "rejected";
export type FaqScopeType = "shop" | "category" | "product";
export const FAQ_STATUSES: readonly FaqStatus[] = ["approved", "proposed", "rejected"];
export const FAQ_SCOPE_TYPES: readonly FaqScopeType[] = ["shop", "category", "product"];

export interface FaqEntry {
  id: string;
  shopId: string;
  status: FaqStatus;
  questions: string[];
  answer: string;
  category: string;
  intent: Intent;
  stage: PresalesStage | null;
  scope: { type: FaqScopeType; values: string[] };
  libraryKey: string | null;
  source: { conversationId: string; questionSeqs: number[]; answerSeqs: number[] } | null;
  proposedBy: { id: string; name: string } | null;
  reviewedBy: { id: string; name: string } | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  usageCount: number;
  lastUsedAt: string | null;
  updatedAt: string;
}

export interface FaqContent {
  questions: string[];
  answer: string;
  category: string;
  intent: Intent;
  stage: PresalesStage | null;
  scope: { type: FaqScopeType; values: string[] };
}

export interface FaqFilter {
  shopId: string;
  status?: FaqStatus;
  q?: string;
  category?: string;
  intent?: Intent;
  scope?: FaqScopeType;
  mine?: boolean;
  sort?: "usage" | "updated" | "relevance";
}

export interface FaqListAnswer {
  items: FaqEntry[];
  total: number;
  counts: Record<FaqStatus, number>;
}

export interface FaqSuggestion {
  entry: FaqEntry;
  question: string;
  score: number;
}

const FAQ_KEY = ["faq"] as const;

function listUrl(filter: FaqFilter, limit = 200): string {
  const params = new URLSearchParams({ shopId: filter.shopId, limit: String(limit) });
  if (filter.status) params.set("status", filter.status);
  if (filter.q?.trim()) params.set("q", filter.q.trim());
  if (filter.category !== undefined) params.set("category", filter.category);
  if (filter.intent) params.set("intent", filter.intent);
  if (filter.scope) params.set("scope", filter.scope);
  if (filter.mine) params.set("mine", "1");
  if (filter.sort) params.set("sort", filter.sort);
  return `/api/v1/faq?${params.toString()}`;
}

export function useFaqList(filter: FaqFilter | null) {
  return useQuery({
    queryKey: [...FAQ_KEY, "list", filter],
    enabled: filter !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiGet<FaqListAnswer>(listUrl(filter!), signal),
  });
}

/** The shop's approved answers, for the "/" search in the chat input. */
export function useApprovedFaq(shopId: string | null) {
  return useQuery({
    queryKey: [...FAQ_KEY, "approved", shopId],
    enabled: shopId !== null,
    staleTime: 60_000,
    queryFn: ({ signal }) => apiGet<FaqListAnswer>(listUrl({ shopId: shopId!, status: "approved", sort: "usage" }, 500), signal).then((r) => r.items),
  });
}

/** Approved answers for the buyer's latest message in this chat, best first (ranked on the server, jieba). */
export function useFaqSuggestions(conversationId: string, text: string | null) {
  return useQuery({
    queryKey: [...FAQ_KEY, "suggest", conversationId, text],
    enabled: text !== null && text.trim() !== "",
    staleTime: 30_000,
    queryFn: () => apiPost<{ intent: Intent; items: FaqSuggestion[] }>("/api/v1/faq/suggest", { conversationId, text }).then((r) => r.items),
  });
}

/** The answer with this chat's values filled in; the use is counted. */
export function fetchFaqAnswer(entryId: string, conversationId: string): Promise<{ text: string; missing: string[] }> {
  return apiPost<{ text: string; missing: string[] }>(`/api/v1/faq/${encodeURIComponent(entryId)}/use`, { conversationId });
}

export interface ProposalDraft extends FaqContent {
  conversationId: string;
  questionSeqs: number[];
  answerSeqs: number[];
}

export function useFaqMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: FAQ_KEY });
  return {
    create: useMutation({ mutationFn: (draft: FaqContent & { shopId: string }) => apiPost<{ entry: FaqEntry }>("/api/v1/faq", draft), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<FaqContent> }) => apiPatch<{ entry: FaqEntry }>(`/api/v1/faq/${encodeURIComponent(id)}`, patch),
      onSuccess,
    }),
    review: useMutation({
      mutationFn: ({ id, decision, note }: { id: string; decision: "approve" | "reject"; note?: string }) =>
        apiPost<{ entry: FaqEntry }>(`/api/v1/faq/${encodeURIComponent(id)}/review`, note ? { decision, note } : { decision }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => apiDelete<unknown>(`/api/v1/faq/${encodeURIComponent(id)}`), onSuccess }),
    propose: useMutation({ mutationFn: (draft: ProposalDraft) => apiPost<{ entry: FaqEntry }>("/api/v1/faq/proposals", draft), onSuccess }),
    importFile: useMutation({
      mutationFn: ({ shopId, text, json }: { shopId: string; text: string; json: boolean }) =>
        api<{ created: number; updated: number }>(`/api/v1/faq/import?shopId=${encodeURIComponent(shopId)}`, {
          method: "POST",
          raw: { body: text, contentType: json ? "application/json" : "text/csv" },
        }),
      onSuccess,
    }),
    loadLibrary: useMutation({
      mutationFn: ({ shopId, locale }: { shopId: string; locale: LibraryLocale }) =>
        apiPost<{ quickReplies: number; faq: number }>("/api/v1/knowledge/library/load", { shopId, locale }),
      onSuccess: () => Promise.all([onSuccess(), queryClient.invalidateQueries({ queryKey: ["quick-replies"] })]),
    }),
  };
}

export function exportFaq(shopId: string, format: "csv" | "json"): Promise<string> {
  return api<string>(`/api/v1/faq/export?shopId=${encodeURIComponent(shopId)}&format=${format}`, { asText: true });
}

export type LibraryLocale = "zh-CN" | "en" | "ko";

export interface LibraryScript {
  key: string;
  seed: string;
  where: string;
  quote: string;
  adapted?: boolean;
  intent: Intent;
  stage: PresalesStage | null;
  teams: string[];
  shortcut: string;
  category: string;
  text: Record<LibraryLocale, string>;
  questions?: Record<LibraryLocale, string[]>;
}

export function useScriptLibrary(enabled: boolean) {
  return useQuery({
    queryKey: ["script-library"],
    enabled,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      apiGet<{ locales: LibraryLocale[]; categories: Record<string, Record<LibraryLocale, string>>; scripts: LibraryScript[] }>("/api/v1/knowledge/library", signal),
  });
}
