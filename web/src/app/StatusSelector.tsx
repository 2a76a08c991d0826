import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Badge, Select } from "antd";
import { useTranslation } from "react-i18next";
import { apiPatch } from "../platform/api";
import { ME_KEY, useSession } from "../platform/session";
import type { Agent, AgentStatus, Me } from "../platform/types";

const STATUSES: AgentStatus[] = ["online", "busy", "away", "offline"];
const DOT = { online: "success", busy: "error", away: "warning", offline: "default" } as const;

export function StatusSelector() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: AgentStatus) => apiPatch<{ agent: Agent }>("/api/v1/me/status", { status }),
    onSuccess: ({ agent }) => queryClient.setQueryData<Me | null>(ME_KEY, (old) => (old ? { ...old, agent } : old)),
    onError: () => void message.error(t("status.changeFailed")),
  });
  return (
    <Select<AgentStatus>
      size="small"
      value={change.isPending && change.variables ? change.variables : me.agent.status}
      loading={change.isPending}
      aria-label={t("status.label")}
      style={{ width: 112 }}
      onChange={(status) => change.mutate(status)}
      options={STATUSES.map((status) => ({
        value: status,
        label: <Badge status={DOT[status]} text={t(`status.${status}`)} />,
      }))}
    />
  );
}
