// Query keys and fetchers of the workbench; the live-update hook writes to the same keys.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { apiGet } from "../../platform/api";
import type { ChatMessage, ConversationSummary, CustomerDetail, QueueView } from "../../platform/types";
import { mergeMessages } from "./conversation-cache";

export const QUEUE_VIEWS: QueueView[] = ["waiting", "mine", "team", "all"];
export const queueKey = (view: QueueView) => ["conversations", "list", view] as const;
export const conversationKey = (id: string) => ["conversations", "one", id] as const;
export const messagesKey = (id: string) => ["messages", id] as const;
export const customerKey = (id: string) => ["customer", id] as const;

export function useQueue(view: QueueView, enabled = true) {
  return useQuery({
    queryKey: queueKey(view),
    queryFn: ({ signal }) =>
      apiGet<{ items: ConversationSummary[] }>(`/api/v1/conversations?view=${view}`, signal).then((r) => r.items),
    enabled,
  });
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: conversationKey(id ?? ""),
    queryFn: ({ signal }) =>
      apiGet<{ conversation: ConversationSummary }>(`/api/v1/conversations/${encodeURIComponent(id!)}`, signal).then(
        (r) => r.conversation,
      ),
    enabled: id !== null,
  });
}

const PAGE = 200;
const MAX_PAGES = 25;

/**
 * The whole history in seq order, merged with whatever live messages reached the cache
 * while the request was in flight (a plain replace would drop them).
 */
export function useMessages(queryClient: QueryClient, id: string | null) {
  return useQuery({
    queryKey: messagesKey(id ?? ""),
    queryFn: async ({ signal }) => {
      let all: ChatMessage[] = [];
      let afterSeq = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const path = `/api/v1/conversations/${encodeURIComponent(id!)}/messages?afterSeq=${afterSeq}&limit=${PAGE}`;
        const { items } = await apiGet<{ items: ChatMessage[] }>(path, signal);
        all = mergeMessages(all, items);
        if (items.length < PAGE) break;
        afterSeq = items[items.length - 1]!.seq;
      }
      return mergeMessages(all, queryClient.getQueryData<ChatMessage[]>(messagesKey(id!)) ?? []);
    },
    enabled: id !== null,
    staleTime: Infinity, // kept current by live events
  });
}

export function useCustomer(id: string | null) {
  return useQuery({
    queryKey: customerKey(id ?? ""),
    queryFn: ({ signal }) => apiGet<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(id!)}`, signal),
    enabled: id !== null,
  });
}
