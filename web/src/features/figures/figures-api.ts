// GET /api/v1/reports/figures, once for the shop (or the agent's own figures) and once
// per agent for the ranking. Answers are cached per (shop, period, agent).
import { useQueries, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { apiGet } from "../../platform/api";
import { figuresQuery, type Figures } from "./figures-format";

export const REPORT_ABILITY = { viewAll: "reports.view_all", viewOwn: "reports.view_own" } as const;

export interface Period {
  shop: string;
  from: string;
  to: string;
}

const figuresKey = (period: Period, agent: string | null) => ["figures", period.shop, period.from, period.to, agent ?? ""] as const;

function fetchFigures(period: Period, agent: string | null, signal: AbortSignal) {
  return apiGet<Figures>(`/api/v1/reports/figures?${figuresQuery({ ...period, agent })}`, signal);
}

/** Shop-wide figures (agent null, needs reports.view_all) or one agent's. */
export function useFigures(period: Period | null, agent: string | null) {
  return useQuery({
    queryKey: period ? figuresKey(period, agent) : ["figures", "none"],
    queryFn: ({ signal }) => fetchFigures(period!, agent, signal),
    enabled: period !== null,
  });
}

// Module-level, so TanStack keeps the combined value (and its data array) between renders
// until an answer changes: the ranking and the chart are recomputed only then.
const combineFigures = (results: readonly UseQueryResult<Figures>[]) => ({
  data: results.map((r) => r.data),
  pending: results.some((r) => r.isPending),
  failed: results.some((r) => r.isError),
});

/** One figures call per agent, in the order of agentIds. */
export function useAgentsFigures(period: Period | null, agentIds: readonly string[]) {
  return useQueries({
    combine: combineFigures,
    queries: agentIds.map((id) => ({
      queryKey: period ? figuresKey(period, id) : ["figures", "none", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchFigures(period!, id, signal),
      enabled: period !== null,
    })),
  });
}
