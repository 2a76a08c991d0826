// Reviews and their follow-ups from /api/v1/reviews (shapes are the server's own views).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReviewView } from "../../../../server/src/modules/reviews/reviews.routes";
import type { followUpDetail, followUpView, FollowUpRequest } from "../../../../server/src/modules/reviews/follow-up.service";
import { apiGet, apiPost } from "../../platform/api";

export { FOLLOW_UP_OUTCOMES } from "../../../../server/src/modules/reviews/follow-up.rules";
export type { FollowUpState } from "../../../../server/src/modules/reviews/follow-up.rules";
export type Review = ReviewView;
export type FollowUp = ReturnType<typeof followUpView>;
export type FollowUpDetail = Awaited<ReturnType<typeof followUpDetail>>;
export type FollowUpStep = FollowUpDetail["steps"][number];
export type { FollowUpRequest };
export type Rating = "good" | "neutral" | "bad";
export type FollowUpFilter = "open" | "due_soon" | "overdue" | "closed" | "all";

export interface ReviewFilter {
  shopId: string;
  rating: Rating | null;
  productId: string | null;
  /** ISO times with offset: from inclusive, to exclusive */
  from: string | null;
  to: string | null;
}

const REVIEWS_KEY = ["reviews"] as const;
export const FOLLOW_UPS_KEY = ["reviews", "follow-ups"] as const;

export function useReviews(filter: ReviewFilter) {
  return useQuery({
    queryKey: [...REVIEWS_KEY, "list", filter],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ shop: filter.shopId, limit: "200" });
      if (filter.rating) params.set("rating", filter.rating);
      if (filter.productId) params.set("product", filter.productId);
      if (filter.from) params.set("from", filter.from);
      if (filter.to) params.set("to", filter.to);
      return apiGet<{ items: Review[] }>(`/api/v1/reviews?${params}`, signal);
    },
  });
}

/** Open follow-ups by due time; read every minute so due-soon and overdue warnings come without a reload. */
export function useFollowUps(state: FollowUpFilter, enabled = true) {
  return useQuery({
    queryKey: [...FOLLOW_UPS_KEY, state],
    enabled,
    refetchInterval: 60_000,
    queryFn: ({ signal }) => apiGet<{ items: FollowUp[] }>(`/api/v1/reviews/follow-ups?state=${state}`, signal),
  });
}

export function useFollowUp(id: string | null) {
  return useQuery({
    queryKey: [...FOLLOW_UPS_KEY, "one", id],
    enabled: id !== null,
    queryFn: ({ signal }) => apiGet<FollowUpDetail>(`/api/v1/reviews/follow-ups/${encodeURIComponent(id!)}`, signal),
  });
}

export function useFollowUpAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: FollowUpRequest) => apiPost<{ followUp: FollowUp }>(`/api/v1/reviews/follow-ups/${encodeURIComponent(id)}/actions`, request),
    // Success or a colleague's change first: either way what is on screen is not current.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
  });
}

export function useReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, text }: { reviewId: string; text: string }) => apiPost<{ review: Review }>(`/api/v1/reviews/${encodeURIComponent(reviewId)}/reply`, { text }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: REVIEWS_KEY }),
  });
}
