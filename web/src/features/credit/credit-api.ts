// A stored shop's credit and the what-if, from /api/v1/credit (the server's own view types).
import { useMutation, useQuery } from "@tanstack/react-query";
import type { CreditWhatIfView, ShopCreditView } from "../../../../server/src/modules/credit/credit.service";
import { apiGet, apiPost } from "../../platform/api";

export type ShopCredit = ShopCreditView;
export type CreditWhatIf = CreditWhatIfView;
export type CreditLevel = ShopCredit["level"];
export type MonthCredit = ShopCredit["byMonth"][number];
export type PendingOrder = ShopCredit["pending"]["orders"][number];

export function useShopCredit(shopId: string | null) {
  return useQuery({
    queryKey: ["credit", shopId],
    enabled: shopId !== null,
    queryFn: ({ signal }) => apiGet<ShopCredit>(`/api/v1/credit?shop=${encodeURIComponent(shopId!)}`, signal),
  });
}

export function useWhatIf() {
  return useMutation({
    mutationFn: (ask: { shop: string; rating: "good" | "neutral" | "bad" } & ({ orders: string[] } | { pending: true })) => apiPost<CreditWhatIf>("/api/v1/credit/what-if", ask),
  });
}
