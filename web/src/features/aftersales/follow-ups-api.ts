// After-delivery follow-ups (server/src/modules/aftersales/delivery-follow-up.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../../platform/api";

export const FOLLOW_UP_OUTCOMES = ["all_good", "problem", "no_answer", "not_needed"] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export interface FollowUp {
  id: string;
  orderId: string;
  customerId: string;
  state: "open" | "asked" | "done";
  outcome: FollowUpOutcome | null;
  note: string | null;
  deliveredAt: string;
  dueAt: string;
  askedAt: string | null;
  conversationId: string | null;
  doneAt: string | null;
  buyerNick: string | null;
  orderRef: string;
  goods: { title: string | null; color: string | null; size: string | null; qty: number }[];
  overdue: boolean;
}

const KEY = ["aftersales", "follow-ups"] as const;

export function useFollowUps(state: "todo" | "done") {
  return useQuery({ queryKey: [...KEY, state], queryFn: ({ signal }) => apiGet<{ items: FollowUp[] }>(`/api/v1/aftersales/follow-ups?state=${state}`, signal) });
}

export function useFollowUpActions() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEY });
  return {
    ask: useMutation({ mutationFn: (id: string) => apiPost<{ conversationId: string }>(`/api/v1/aftersales/follow-ups/${encodeURIComponent(id)}/ask`, {}), onSuccess: refresh }),
    outcome: useMutation({
      mutationFn: ({ id, ...body }: { id: string; outcome: FollowUpOutcome; note?: string }) => apiPost(`/api/v1/aftersales/follow-ups/${encodeURIComponent(id)}/outcome`, body),
      onSuccess: refresh,
    }),
  };
}
