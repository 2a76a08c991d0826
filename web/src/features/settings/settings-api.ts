// Shop profile, settings and widget calls (owners: ability "shops.manage"), and the pure
// rules that turn the settings form into the PATCH body the server accepts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPatch, apiPost } from "../../platform/api";
import { ME_KEY } from "../../platform/session";
import type { Me, ShopDetail, ShopSettings } from "../../platform/types";

export const shopKey = (id: string) => ["shop", id] as const;
export const widgetKey = (id: string) => ["shop", id, "widget"] as const;

/** The platforms the server knows (shop-settings.ts). */
export const PLATFORMS = ["taobao", "tmall", "jd", "pinduoduo", "douyin", "own"] as const;
export const AUTO_REPLIES = ["welcome", "welcomeBack", "busy", "away"] as const;
export type AutoReplyKey = (typeof AUTO_REPLIES)[number];
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface WidgetInfo {
  shopId: string;
  secret: string;
  snippet: string;
}

/** Either tab's form: the profile tab fills the first seven fields, the replies tab the last. */
export interface ShopFormValues {
  name?: string;
  platform?: string;
  timezone?: string;
  currency?: string;
  shippingCutoff?: string;
  defaultCourier?: string;
  responseTargetSeconds?: number | null;
  autoReplies?: Partial<Record<AutoReplyKey, string>>;
}

export interface ShopPatch {
  name?: string;
  platform?: string;
  timezone?: string;
  currency?: string;
  settings?: ShopSettings;
}

/**
 * The PATCH body for the changed form. The server merges settings key by key and refuses
 * empty texts, so a blank field is left out (the stored value stays) rather than sent.
 */
export function shopPatch(values: ShopFormValues): ShopPatch {
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const settings: ShopSettings = {};
  const cutoff = text(values.shippingCutoff);
  if (cutoff) settings.shippingCutoff = cutoff;
  const courier = text(values.defaultCourier);
  if (courier) settings.defaultCourier = courier;
  if (typeof values.responseTargetSeconds === "number") settings.responseTargetSeconds = values.responseTargetSeconds;
  const replies: NonNullable<ShopSettings["autoReplies"]> = {};
  for (const key of AUTO_REPLIES) {
    const reply = text(values.autoReplies?.[key]);
    if (reply) replies[key] = reply;
  }
  if (Object.keys(replies).length) settings.autoReplies = replies;
  return {
    name: text(values.name),
    platform: text(values.platform),
    timezone: text(values.timezone),
    currency: text(values.currency)?.toUpperCase(),
    ...(Object.keys(settings).length ? { settings } : {}),
  };
}

export function formValuesOf(shop: ShopDetail): ShopFormValues {
  return {
    name: shop.name,
    platform: shop.platform ?? "taobao",
    timezone: shop.timezone,
    currency: shop.currency,
    shippingCutoff: shop.settings.shippingCutoff,
    defaultCourier: shop.settings.defaultCourier,
    responseTargetSeconds: shop.settings.responseTargetSeconds ?? null,
    autoReplies: { ...shop.settings.autoReplies },
  };
}

/** Shows only the last four characters, enough to tell two secrets apart. */
export function maskSecret(secret: string): string {
  return secret.length <= 4 ? "••••" : `${"•".repeat(Math.min(24, secret.length - 4))}${secret.slice(-4)}`;
}

export function useShop(id: string | null) {
  return useQuery({
    queryKey: shopKey(id ?? ""),
    queryFn: ({ signal }) => apiGet<{ shop: ShopDetail }>(`/api/v1/shops/${encodeURIComponent(id!)}`, signal).then((r) => r.shop),
    enabled: id !== null,
  });
}

export function useUpdateShop(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ShopPatch) => apiPatch<{ shop: ShopDetail }>(`/api/v1/shops/${encodeURIComponent(id)}`, patch).then((r) => r.shop),
    onSuccess: (shop) => {
      queryClient.setQueryData(shopKey(id), shop);
      // The header and other pages read the shop list from /api/me.
      const { settings: _settings, lostReasons: _reasons, ...profile } = shop;
      queryClient.setQueryData<Me | null>(ME_KEY, (me) =>
        me ? { ...me, shops: me.shops.map((s) => (s.id === id ? { ...s, ...profile } : s)) } : me,
      );
    },
  });
}

export function useWidget(id: string) {
  return useQuery({
    queryKey: widgetKey(id),
    queryFn: ({ signal }) => apiGet<WidgetInfo>(`/api/v1/shops/${encodeURIComponent(id)}/widget`, signal),
  });
}

export function useRotateWidgetSecret(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ shopId: string; secret: string }>(`/api/v1/shops/${encodeURIComponent(id)}/widget/rotate`),
    onSuccess: ({ secret }) => queryClient.setQueryData<WidgetInfo>(widgetKey(id), (old) => (old ? { ...old, secret } : old)),
  });
}
