// GET /api/v1/reports/dashboard: the shop's (or the agent's own) figures, the ranking,
// the trend and why buyers did not buy, in one answer cached per (shop, period, bucket).
import { useQuery } from "@tanstack/react-query";
import type { Bucket } from "../../../../server/src/modules/analytics/buckets";
import type { Dashboard } from "../../../../server/src/modules/analytics/dashboard.service";
import { apiGet } from "../../platform/api";
import { figuresQuery } from "./figures-format";

export type { Bucket, Dashboard };
export const BUCKETS: readonly Bucket[] = ["day", "week", "month"];
export const REPORT_ABILITY = { viewAll: "reports.view_all", viewOwn: "reports.view_own" } as const;

export interface Period {
  shop: string;
  from: string;
  to: string;
}

/** Shop-wide (agent null, needs reports.view_all) or one agent's dashboard. */
export function useDashboard(period: Period | null, bucket: Bucket, agent: string | null) {
  return useQuery({
    queryKey: ["dashboard", period?.shop, period?.from, period?.to, bucket, agent ?? ""],
    queryFn: ({ signal }) => apiGet<Dashboard>(`/api/v1/reports/dashboard?${figuresQuery({ ...period!, agent })}&bucket=${bucket}`, signal),
    enabled: period !== null,
  });
}
