// Quick replies (快捷短语, docs/api.md): the caller's team library plus their own. Every
// change anywhere reaches the team as the socket event "quick_replies.changed", which
// refetches this list (use-live-updates.ts), so nothing here patches the cache by hand.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiDelete, apiGet, apiPatch, apiPost } from "../../platform/api";
import type { Team } from "../../platform/types";

export interface QuickReply {
  id: string;
  scope: "team" | "personal";
  team: Team | null;
  category: string;
  shortcut: string;
  text: string;
  ownerId: string | null;
  /** The intent the phrase answers (the script library's phrases carry one), for suggestions. */
  intent?: string | null;
  updatedAt: string;
}

export type QuickReplyDraft = Pick<QuickReply, "scope" | "category" | "shortcut" | "text">;

export const QUICK_REPLIES_KEY = ["quick-replies"] as const;

export function useQuickReplies(enabled = true) {
  return useQuery({
    queryKey: QUICK_REPLIES_KEY,
    queryFn: ({ signal }) => apiGet<{ items: QuickReply[] }>("/api/v1/quick-replies", signal).then((r) => r.items),
    enabled,
    staleTime: 5 * 60_000, // kept fresh by the socket event
  });
}

export function useQuickReplyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: QUICK_REPLIES_KEY });
  return {
    create: useMutation({ mutationFn: (draft: QuickReplyDraft) => apiPost<unknown>("/api/v1/quick-replies", draft), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, draft }: { id: string; draft: Partial<QuickReplyDraft> }) =>
        apiPatch<unknown>(`/api/v1/quick-replies/${encodeURIComponent(id)}`, draft),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => apiDelete<unknown>(`/api/v1/quick-replies/${encodeURIComponent(id)}`), onSuccess }),
    importCsv: useMutation({
      mutationFn: (csv: string) =>
        api<{ created: number; updated: number }>("/api/v1/quick-replies/import", { method: "POST", raw: { body: csv, contentType: "text/csv" } }),
      onSuccess,
    }),
  };
}

/** The reply with its {variables} filled in for this conversation (those it has no value for stay, for the agent to fill). */
export function renderQuickReply(id: string, conversationId: string): Promise<string> {
  return apiPost<{ text: string }>("/api/v1/quick-replies/render", { id, conversationId }).then((r) => r.text);
}

export function exportQuickReplies(): Promise<string> {
  return api<string>("/api/v1/quick-replies/export", { asText: true });
}

/** Saves text as a file through a temporary link (no server round trip for the download). */
export function downloadText(name: string, text: string, type = "text/csv;charset=utf-8"): void {
  // The BOM makes Excel read the Chinese text as UTF-8.
  const blob = new Blob([text.startsWith("\uFEFF") ? text : `\uFEFF${text}`], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
