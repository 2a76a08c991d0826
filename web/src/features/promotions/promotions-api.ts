// Promotions over HTTP: the list and its changes (ability promotions.manage), and the
// evaluation of chosen items that the chat sidebar and the "try it" box show.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPatch, apiPost } from "../../platform/api";
import type { Evaluation, PromotionKind, PromotionScope } from "../../../../server/src/modules/promotions/types";

export type { AppliedPromotion, ClosePromotion, Evaluation, PromotionKind, PromotionScope } from "../../../../server/src/modules/promotions/types";
export { PROMOTION_KINDS } from "../../../../server/src/modules/promotions/types";

export type PromotionState = "disabled" | "scheduled" | "running" | "ended";

export interface Promotion {
  id: string;
  shopId: string;
  kind: PromotionKind;
  name: string;
  params: Record<string, unknown>;
  scope: PromotionScope;
  enabled: boolean;
  /** Shop wall-clock time "YYYY-MM-DDTHH:mm"; the end is exclusive. */
  startsAt: string;
  endsAt: string | null;
  timeZone: string;
  state: PromotionState;
  /** The terms in a few (Chinese) words, as quick replies say them. */
  description: string;
}

export interface PromotionDraft {
  kind: PromotionKind;
  name: string;
  params: Record<string, unknown>;
  scope: PromotionScope;
  startsAt: string;
  endsAt: string | null;
  enabled: boolean;
}

export interface EvaluateItem {
  productId?: string;
  category?: string;
  unitPriceCents?: number;
  quantity: number;
}

export type EvaluationAnswer = Evaluation & { at: string; timeZone: string };

export const promotionsKey = (shopId: string) => ["promotions", shopId] as const;

export function usePromotions(shopId: string | null) {
  return useQuery({
    queryKey: promotionsKey(shopId ?? ""),
    enabled: shopId !== null,
    queryFn: ({ signal }) => apiGet<{ items: Promotion[] }>(`/api/v1/promotions?shopId=${encodeURIComponent(shopId!)}`, signal).then((r) => r.items),
  });
}

export function usePromotionMutations(shopId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["promotions"] });
  return {
    create: useMutation({ mutationFn: (draft: PromotionDraft) => apiPost<{ promotion: Promotion }>("/api/v1/promotions", { shopId, ...draft }), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<PromotionDraft> }) => apiPatch<{ promotion: Promotion }>(`/api/v1/promotions/${encodeURIComponent(id)}`, patch),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => apiDelete(`/api/v1/promotions/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
}

/**
 * What the shop's promotions give these items, now (checked again each minute, as windows
 * open and close) or at a shop wall-clock time "YYYY-MM-DDTHH:mm".
 */
export function useEvaluation(shopId: string, items: EvaluateItem[], atShopTime?: string) {
  return useQuery({
    queryKey: ["promotions", shopId, "evaluate", items, atShopTime ?? null],
    enabled: items.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval: atShopTime ? false : 60_000,
    queryFn: () => apiPost<EvaluationAnswer>("/api/v1/promotions/evaluate", { shopId, items, ...(atShopTime ? { atShopTime } : {}) }),
  });
}
