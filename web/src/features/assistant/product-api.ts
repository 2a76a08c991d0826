// Products for the assistant (GET /api/v1/products…): the floor price arrives only for
// agents allowed to bargain.
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../platform/api";

export interface ProductDetail {
  id: string;
  shopId: string;
  title: string;
  category: string;
  priceCents: number;
  promoPriceCents: number | null;
  floorPriceCents: number | null;
  imageUrl: string | null;
  /** Material, size chart, care… as the shop wrote them. */
  attributes: Record<string, unknown>;
}

export interface SkuStock {
  id: string;
  color: string | null;
  size: string | null;
  stock: number;
  displayedStock: number | null;
}

export function useProduct(productId: string | null) {
  return useQuery({
    queryKey: ["product", productId],
    enabled: productId !== null,
    queryFn: ({ signal }) => apiGet<{ product: ProductDetail; skus: SkuStock[] }>(`/api/v1/products/${encodeURIComponent(productId!)}`, signal),
  });
}

export function useShopProducts(shopId: string, enabled: boolean, q = "") {
  return useQuery({
    queryKey: ["products", shopId, q],
    enabled,
    queryFn: ({ signal }) =>
      apiGet<{ items: ProductDetail[] }>(`/api/v1/products?shopId=${encodeURIComponent(shopId)}&limit=200${q ? `&q=${encodeURIComponent(q)}` : ""}`, signal),
  });
}
