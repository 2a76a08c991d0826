import { z } from "zod";

export const agentShape = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(["owner", "supervisor", "agent"]),
  team: z.enum(["presales", "aftersales"]),
  status: z.enum(["online", "busy", "away", "offline"]),
  maxChats: z.number().int(),
  locale: z.enum(["zh-CN", "en", "ko"]),
  active: z.boolean(),
});
export type AgentView = z.infer<typeof agentShape>;

/** What other agents and the workbench may see of an agent (never the hash). */
export function agentView(a: Omit<AgentView, "active" | "locale"> & { active?: boolean; locale?: AgentView["locale"] }): AgentView {
  return {
    id: a.id,
    workspaceId: a.workspaceId,
    name: a.name,
    email: a.email,
    role: a.role,
    team: a.team,
    status: a.status,
    maxChats: a.maxChats,
    locale: a.locale ?? "zh-CN",
    active: a.active ?? true,
  };
}
