// A shop's policies for the features that follow them (the etiquette check, the bargaining
// helper): the seeds' defaults until the shop is loaded. Every agent may read a shop.
import { useMemo } from "react";
import { policiesOf, type ShopPolicies } from "./policies";
import { useShop } from "./settings-api";

export function useShopPolicies(shopId: string | null): ShopPolicies {
  const shop = useShop(shopId);
  return useMemo(() => policiesOf(shop.data ?? { settings: {} }), [shop.data]);
}
