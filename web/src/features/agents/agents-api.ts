// Agent management calls (owners: ability "agents.manage"). Every change refetches the
// list instead of trusting one answer's shape, so the table is always the server's.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormInstance } from "antd";
import { ApiError, apiGet, apiPatch, apiPost } from "../../platform/api";
import type { Agent, AgentRole, Team } from "../../platform/types";

export const AGENTS_KEY = ["agents"] as const;
export const ROLES: AgentRole[] = ["owner", "supervisor", "agent"];
export const TEAMS: Team[] = ["presales", "aftersales"];

export interface AgentDraft {
  name: string;
  email: string;
  password: string;
  role: AgentRole;
  team: Team;
  maxChats: number;
}
export type AgentChanges = Partial<Pick<AgentDraft, "name" | "role" | "team" | "maxChats">>;

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: AGENTS_KEY,
    queryFn: ({ signal }) => apiGet<{ items: Agent[] }>("/api/v1/agents", signal).then((r) => r.items),
    enabled,
  });
}

export function useAgentMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
  return {
    create: useMutation({ mutationFn: (draft: AgentDraft) => apiPost<unknown>("/api/v1/agents", draft), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, changes }: { id: string; changes: AgentChanges }) =>
        apiPatch<unknown>(`/api/v1/agents/${encodeURIComponent(id)}`, changes),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: string; password: string }) =>
        apiPost<unknown>(`/api/v1/agents/${encodeURIComponent(id)}/password`, { password }),
    }),
    deactivate: useMutation({
      mutationFn: (id: string) => apiPost<unknown>(`/api/v1/agents/${encodeURIComponent(id)}/deactivate`),
      onSuccess,
    }),
  };
}

/**
 * Puts a 400/409 answer on the form field it names; true when it did. The server's own
 * message is shown, since it says exactly what is wrong with the value.
 */
export function showFieldError(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || !error.field || !fields.includes(error.field)) return false;
  form.setFields([{ name: error.field, errors: [error.message] }]);
  return true;
}

export const isActive = (agent: Agent) => agent.active !== false;
