// The catalog over HTTP: the list (search, category, archived), one product with all its
// SKUs, changes (ability products.manage), stock by hand, pictures, CSV export and the
// two-step import. Types mirror server/src/modules/catalog/catalog.shapes.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiGet, apiPatch, apiPost } from "../../platform/api";
import type { ImportError, PreviewRow } from "../../../../server/src/modules/catalog/catalog-import";
import type { Knowledge } from "../../../../server/src/modules/catalog/knowledge";

export type { Knowledge, SizeChartRow } from "../../../../server/src/modules/catalog/knowledge";
export type { ImportError, ImportProblem, PreviewRow } from "../../../../server/src/modules/catalog/catalog-import";

/** The abilities the catalog pages follow (the server's table decides; these only show and hide). */
export const CATALOG_ABILITY = { view: "products.view", manage: "products.manage", viewFloorPrice: "products.view_floor_price" } as const;

export interface CatalogProduct {
  id: string;
  shopId: string;
  externalId: string | null;
  title: string;
  category: string;
  priceCents: number;
  promoPriceCents: number | null;
  /** null unless the agent may see floor prices. */
  floorPriceCents: number | null;
  imageUrl: string | null;
  attributes: Record<string, unknown>;
  knowledge: Knowledge;
  archived: boolean;
  updatedAt: string;
  stock: { real: number; displayed: number | null; skus: number; soldOut: number };
}

export interface CatalogSku {
  id: string;
  externalId: string | null;
  color: string | null;
  size: string | null;
  stock: number;
  displayedStock: number | null;
  archived: boolean;
}

export interface ProductDetailAnswer {
  product: CatalogProduct;
  skus: CatalogSku[];
}

export interface ProductDraft {
  externalId?: string | null;
  title: string;
  category: string;
  priceCents: number;
  promoPriceCents: number | null;
  floorPriceCents?: number | null;
  imageUrl: string | null;
  knowledge: Knowledge;
}

export interface NewSku {
  color: string | null;
  size: string | null;
  stock: number;
  displayedStock: number | null;
}

export interface StockItem {
  skuId: string;
  stock?: number;
  expectedStock?: number;
  displayedStock?: number | null;
}

export interface ImportPreview {
  ok: boolean;
  summary: { rows: number; products: { create: number; update: number; unchanged: number }; skus: { create: number; update: number; unchanged: number }; errors: number };
  columns: string[];
  rows: PreviewRow[];
  errors: ImportError[];
  moreErrors: number;
}

export interface ImportResult {
  products: { created: number; updated: number };
  skus: { created: number; updated: number };
  stockChanges: number;
}

export type ArchivedFilter = "exclude" | "only" | "include";

const enc = encodeURIComponent;

export function useCatalogList(shopId: string | null, filter: { q: string; category: string | null; archived: ArchivedFilter; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["products", shopId, "catalog", filter],
    enabled: shopId !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ shopId: shopId!, archived: filter.archived, limit: String(filter.pageSize), offset: String((filter.page - 1) * filter.pageSize) });
      if (filter.q) params.set("q", filter.q);
      if (filter.category) params.set("category", filter.category);
      return apiGet<{ items: CatalogProduct[]; total: number }>(`/api/v1/products?${params}`, signal);
    },
  });
}

export function useCategories(shopId: string | null) {
  return useQuery({
    queryKey: ["products", shopId, "categories"],
    enabled: shopId !== null,
    queryFn: ({ signal }) => apiGet<{ items: { category: string; count: number }[] }>(`/api/v1/products/categories?shopId=${enc(shopId!)}`, signal).then((r) => r.items),
  });
}

/** One product with every SKU, archived ones too (the editor). */
export function useCatalogProduct(productId: string | null) {
  return useQuery({
    queryKey: ["product", productId, "all"],
    enabled: productId !== null,
    queryFn: ({ signal }) => apiGet<ProductDetailAnswer>(`/api/v1/products/${enc(productId!)}?skus=all`, signal),
  });
}

export function useCatalogMutations() {
  const queryClient = useQueryClient();
  // Lists, the sidebar's product views and promotions' product pickers all read products.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ["products"] }), queryClient.invalidateQueries({ queryKey: ["product"] })]);
  return {
    create: useMutation({
      mutationFn: (input: ProductDraft & { shopId: string; skus: NewSku[] }) => apiPost<ProductDetailAnswer>("/api/v1/products", input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: Partial<ProductDraft> & { archived?: boolean } }) => apiPatch<ProductDetailAnswer>(`/api/v1/products/${enc(id)}`, patch),
      onSuccess: refresh,
    }),
    addSku: useMutation({
      mutationFn: ({ id, sku }: { id: string; sku: NewSku }) => apiPost<ProductDetailAnswer>(`/api/v1/products/${enc(id)}/skus`, sku),
      onSuccess: refresh,
    }),
    updateSku: useMutation({
      mutationFn: ({ id, skuId, patch }: { id: string; skuId: string; patch: { color?: string | null; size?: string | null; archived?: boolean } }) =>
        apiPatch<ProductDetailAnswer>(`/api/v1/products/${enc(id)}/skus/${enc(skuId)}`, patch),
      onSuccess: refresh,
    }),
    setStock: useMutation({
      mutationFn: ({ id, items }: { id: string; items: StockItem[] }) => api<ProductDetailAnswer>(`/api/v1/products/${enc(id)}/stock`, { method: "PUT", body: { items } }),
      onSettled: refresh,
    }),
  };
}

/** Uploads a picture file; the answer is the imageUrl to store on the product. */
export async function uploadPicture(shopId: string, file: File): Promise<string> {
  const body = await api<{ imageUrl: string }>(`/api/v1/products/images?shopId=${enc(shopId)}`, { method: "POST", raw: { body: file, contentType: file.type || "application/octet-stream" } });
  return body.imageUrl;
}

/** A file's text: UTF-8, else GB18030 (Excel's plain "CSV" on a Chinese Windows is GBK). */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export const previewImport = (shopId: string, csv: string) =>
  api<ImportPreview>(`/api/v1/products/import/preview?shopId=${enc(shopId)}`, { method: "POST", raw: { body: csv, contentType: "text/csv" } });

export const applyImport = (shopId: string, csv: string) => api<ImportResult>(`/api/v1/products/import?shopId=${enc(shopId)}`, { method: "POST", raw: { body: csv, contentType: "text/csv" } });

export const exportCatalog = (shopId: string, headers: "en" | "zh") => api<string>(`/api/v1/products/export?shopId=${enc(shopId)}&headers=${headers}`, { asText: true });
