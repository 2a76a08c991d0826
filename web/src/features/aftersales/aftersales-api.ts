// After-sales cases from /api/v1/aftersales (types shared with the server's modules).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EligibilityNote, ItemCondition, ReasonCode } from "../../../../server/src/modules/aftersales/policy";
import type { ComplaintStep } from "../../../../server/src/modules/aftersales/complaint";
import type { CaseAction, CaseKind, CaseStatus } from "../../../../server/src/modules/aftersales/workflow";
import { apiGet, apiPost } from "../../platform/api";

export { CASE_KINDS } from "../../../../server/src/modules/aftersales/workflow";
export { COMPLAINT_STEPS } from "../../../../server/src/modules/aftersales/complaint";
export type { ComplaintStep };
export { REASON_CODES } from "../../../../server/src/modules/aftersales/policy";
export type { CaseAction, CaseKind, CaseStatus, EligibilityNote, ItemCondition, ReasonCode };

export interface Eligibility {
  eligible: boolean;
  notes: EligibilityNote[];
  returnShippingPaidBy: "buyer" | "shop" | null;
  deadline: string | null;
}

export interface AftersalesCase {
  id: string;
  orderId: string | null;
  conversationId: string | null;
  kind: CaseKind;
  status: CaseStatus;
  reason: ReasonCode;
  retention: "accepted" | "declined" | null;
  retentionOffer: string | null;
  trackingNumber: string | null;
  refundCents: number | null;
  note: string;
  eligibility: Eligibility | null;
  version: number;
  checklist: Partial<Record<ComplaintStep, { at: string; agentId: string }>> | null;
  dueAt: string | null;
  promisedBy: string | null;
  sla: "none" | "ok" | "due_soon" | "overdue";
  openedAt: string;
  closedAt: string | null;
  actions: CaseAction[];
}

export interface CaseStep {
  action: CaseAction | "open" | "promise";
  from: CaseStatus | null;
  to: CaseStatus;
  agentId: string | null;
  at: string;
  details: Record<string, unknown>;
}

const casesKey = (customerId: string) => ["aftersales", "customer", customerId] as const;
const caseKey = (id: string) => ["aftersales", "case", id] as const;

export function useCustomerCases(customerId: string | null) {
  return useQuery({
    queryKey: casesKey(customerId ?? ""),
    enabled: customerId !== null,
    queryFn: ({ signal }) => apiGet<{ items: AftersalesCase[] }>(`/api/v1/aftersales/cases?customerId=${encodeURIComponent(customerId!)}`, signal),
  });
}

export function useCase(id: string | null) {
  return useQuery({
    queryKey: caseKey(id ?? ""),
    enabled: id !== null,
    queryFn: ({ signal }) => apiGet<{ case: AftersalesCase; steps: CaseStep[] }>(`/api/v1/aftersales/cases/${encodeURIComponent(id!)}`, signal),
  });
}

export function useEligibility(request: { orderId: string; kind: CaseKind; reason: ReasonCode; condition: ItemCondition | null } | null) {
  return useQuery({
    queryKey: ["aftersales", "eligibility", request],
    enabled: request !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ orderId: request!.orderId, kind: request!.kind, reason: request!.reason });
      if (request!.condition) params.set("condition", request!.condition);
      return apiGet<{ eligibility: Eligibility | null }>(`/api/v1/aftersales/eligibility?${params}`, signal);
    },
  });
}

export function useOpenCase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: CaseKind; reason: ReasonCode; orderId?: string; conversationId?: string; condition?: ItemCondition; note?: string }) =>
      apiPost<AftersalesCase>("/api/v1/aftersales/cases", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: casesKey(customerId) }),
  });
}

export function useCaseAction(customerId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: CaseAction; version: number; offer?: string; trackingNumber?: string; refundCents?: number; note?: string }) =>
      apiPost<AftersalesCase>(`/api/v1/aftersales/cases/${encodeURIComponent(id)}/actions`, body),
    // Success or a conflict: either way the case on screen is no longer current.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(id) });
      void queryClient.invalidateQueries({ queryKey: casesKey(customerId) });
    },
  });
}

/** Ticks a complaint step or promises a reply time; both refresh the case. */
export function useCaseUpdate(customerId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: { step: ComplaintStep } | { dueAt: string }) =>
      apiPost<AftersalesCase>(`/api/v1/aftersales/cases/${encodeURIComponent(id)}/${"step" in update ? "checklist" : "promise"}`, update),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: caseKey(id) });
      void queryClient.invalidateQueries({ queryKey: casesKey(customerId) });
      void queryClient.invalidateQueries({ queryKey: SLA_KEY });
    },
  });
}

export const SLA_KEY = ["aftersales", "sla"] as const;

/** Open cases by due time; refreshed every minute so warnings appear without a reload. */
export function useSlaList() {
  return useQuery({
    queryKey: SLA_KEY,
    refetchInterval: 60_000,
    queryFn: ({ signal }) => apiGet<{ items: (AftersalesCase & { customerId: string })[] }>("/api/v1/aftersales/sla", signal),
  });
}
