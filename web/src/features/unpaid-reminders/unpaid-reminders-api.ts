// 催付 over HTTP (server/src/modules/unpaid-reminders): the unpaid list, one order's send
// form (templates filled for it), sending, the recovery rate, and the shop's templates.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiGet, apiPost } from "../../platform/api";
import type { ChatMessage, OrderStatus } from "../../platform/types";

export interface SentReminder {
  ordinal: number;
  automatic: boolean;
  agentId: string | null;
  agentName: string | null;
  template: string | null;
  sentAt: string;
}

export interface UnpaidItem {
  order: {
    id: string;
    externalId: string | null;
    shopId: string;
    status: OrderStatus;
    totalCents: number;
    createdAt: string;
    items: { title: string | null; color: string | null; size: string | null; qty: number; priceCents: number }[];
  };
  buyer: { id: string; nick: string };
  ageMinutes: number;
  lastChat: { conversationId: string; status: string; from: "buyer" | "agent"; kind: string; text: string; at: string } | null;
  reminders: SentReminder[];
  remindersLeft: number;
  nextDueAt: string | null;
}

export interface FilledTemplate {
  key: string;
  custom: boolean;
  /** The template with its {variables}. */
  template: string;
  /** Filled for this order; variables without a value stay as {placeholders}. */
  text: string;
  missing: string[];
}

export type Blocked = "not_unpaid" | "reminder_cap" | "assigned" | null;

export interface ReminderForm {
  item: UnpaidItem | null;
  templates: FilledTemplate[];
  target: { conversationId: string | null; opensNew: boolean };
  quietHours: { start: string; end: string; now: boolean; endsAt: string | null; timeZone: string };
  blocked: Blocked;
}

// The recovery figures' shape is the server's own (types only: nothing of the server lands in the bundle).
import type { RecoveryReport } from "../../../../server/src/modules/unpaid-reminders/recovery";
export type { Recovery, RecoveryReport } from "../../../../server/src/modules/unpaid-reminders/recovery";

export interface ReminderRules {
  enabled: boolean;
  firstAfterMinutes: number;
  secondAfterMinutes: number;
  quietHours: { start: string; end: string };
}

export interface ReminderSettings {
  shopId: string;
  timeZone: string;
  rules: ReminderRules;
  defaults: ReminderRules;
  maxReminders: number;
  variables: string[];
  templates: { key: string; text: string; custom: boolean; defaultText: string }[];
}

const enc = encodeURIComponent;

export function useUnpaidList(shopId: string | null) {
  return useQuery({
    queryKey: ["unpaid-reminders", "list", shopId],
    enabled: shopId !== null,
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiGet<{ items: UnpaidItem[]; maxReminders: number }>(`/api/v1/unpaid-reminders?shop=${enc(shopId!)}`, signal),
  });
}

export function useReminderForm(orderId: string | null, conversationId?: string | null) {
  return useQuery({
    queryKey: ["unpaid-reminders", "form", orderId, conversationId ?? null],
    enabled: orderId !== null,
    queryFn: ({ signal }) =>
      apiGet<ReminderForm>(`/api/v1/unpaid-reminders/orders/${enc(orderId!)}${conversationId ? `?conversationId=${enc(conversationId)}` : ""}`, signal),
  });
}

export function useSendReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { orderId: string; text: string; template: string | null; conversationId?: string | null }) =>
      apiPost<{ reminder: SentReminder & { conversationId: string }; message: ChatMessage }>(`/api/v1/unpaid-reminders/orders/${enc(input.orderId)}/send`, {
        text: input.text,
        template: input.template,
        ...(input.conversationId ? { conversationId: input.conversationId } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["unpaid-reminders"] });
      // The order's detail lists its reminders.
      void queryClient.invalidateQueries({ queryKey: ["order"] });
      void queryClient.invalidateQueries({ queryKey: ["orders"] });
    },
  });
}

export function useRecovery(shopId: string | null, period: { from: string; to: string } | null) {
  const query = period ? `&from=${period.from}&to=${period.to}` : "";
  return useQuery({
    queryKey: ["unpaid-reminders", "recovery", shopId, period],
    enabled: shopId !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => apiGet<RecoveryReport>(`/api/v1/unpaid-reminders/recovery?shop=${enc(shopId!)}${query}`, signal),
  });
}

export function useReminderSettings(shopId: string) {
  return useQuery({
    queryKey: ["unpaid-reminders", "settings", shopId],
    queryFn: ({ signal }) => apiGet<ReminderSettings>(`/api/v1/unpaid-reminders/settings?shop=${enc(shopId)}`, signal),
  });
}

export function useSaveTemplate(shopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, text }: { key: string; text: string | null }) => api<{ templates: ReminderSettings["templates"] }>(`/api/v1/unpaid-reminders/templates/${enc(key)}`, { method: "PUT", body: { shop: shopId, text } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["unpaid-reminders"] }),
  });
}
