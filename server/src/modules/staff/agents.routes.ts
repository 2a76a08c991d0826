// Owners manage their agents; deactivation ends the agent's sessions at once.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../../platform/auth/passwords";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { conflict, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import type { EventBus } from "../../platform/events/bus";
import { AGENT_CAPACITY_CHANGED, AGENT_SESSIONS_ENDED } from "../../platform/events/topics";
import { recordAudit } from "../../platform/audit/audit";
import { agentShape, agentView } from "./agent-view";
import { deleteSessionsOf, findAgent, findAgentByEmail, insertAgent, listAgents, updateAgent } from "./staff.repo";

const role = z.enum(["owner", "supervisor", "agent"]);
const team = z.enum(["presales", "aftersales"]);
const maxChats = z.number().int().min(1).max(50);
const password = z.string().min(MIN_PASSWORD_LENGTH).max(1024);
const idParam = z.strictObject({ id: z.string().max(100) });

export function registerAgentRoutes(app: FastifyInstance, db: Db, bus: EventBus): void {
  // Ends the agent's sessions, and their open sockets on every node.
  const endSessions = async (workspaceId: string, agentId: string) => {
    await deleteSessionsOf(db, agentId);
    await bus.publish({ topic: AGENT_SESSIONS_ENDED, workspaceId, payload: { agentId } });
  };

  route(app, {
    method: "GET",
    url: "/api/v1/agents",
    summary: "Agents of the workspace",
    tags: ["agents"],
    access: "agents.view",
    response: z.object({ items: z.array(agentShape) }),
    handler: async ({ auth }) => ({ items: (await listAgents(db, auth.agent.workspaceId)).map(agentView) }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/agents",
    summary: "Create an agent",
    tags: ["agents"],
    access: "agents.manage",
    status: 201,
    body: z.strictObject({
      name: z.string().trim().min(1).max(100),
      email: z.email().max(320),
      password,
      role: role.default("agent"),
      team: team.default("presales"),
      maxChats: maxChats.default(8),
    }),
    response: z.object({ agent: agentShape }),
    handler: async ({ auth, body }) => {
      const email = body.email.trim().toLowerCase();
      if (await findAgentByEmail(db, email)) throw conflict("email_taken", "An agent with this email exists");
      const agent = await insertAgent(db, {
        id: newId("agent"),
        workspaceId: auth.agent.workspaceId,
        name: body.name,
        email,
        passwordHash: await hashPassword(body.password),
        role: body.role,
        team: body.team,
        maxChats: body.maxChats,
      });
      await recordAudit(db, auth, "agent.create", "agent", agent.id);
      return { agent: agentView(agent) };
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/agents/:id",
    summary: "Change an agent's name, role, team or concurrent-chat limit",
    tags: ["agents"],
    access: "agents.manage",
    params: idParam,
    body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), role: role.optional(), team: team.optional(), maxChats: maxChats.optional() }),
    response: z.object({ agent: agentShape }),
    handler: async ({ auth, params, body }) => {
      const agent = await updateAgent(db, auth.agent.workspaceId, params.id, body);
      if (!agent) throw notFound("agent");
      if (agent.status === "online") await bus.publish({ topic: AGENT_CAPACITY_CHANGED, workspaceId: agent.workspaceId, payload: { team: agent.team } });
      await recordAudit(db, auth, "agent.update", "agent", agent.id, body);
      return { agent: agentView(agent) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/agents/:id/password",
    summary: "Reset an agent's password (ends their sessions)",
    tags: ["agents"],
    access: "agents.manage",
    params: idParam,
    body: z.strictObject({ password }),
    handler: async ({ auth, params, body }) => {
      const agent = await updateAgent(db, auth.agent.workspaceId, params.id, { passwordHash: await hashPassword(body.password) });
      if (!agent) throw notFound("agent");
      await endSessions(agent.workspaceId, agent.id);
      await recordAudit(db, auth, "agent.reset_password", "agent", agent.id);
      return undefined;
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/agents/:id/deactivate",
    summary: "Deactivate an agent: they can no longer sign in and their sessions end now",
    tags: ["agents"],
    access: "agents.manage",
    params: idParam,
    response: z.object({ agent: agentShape }),
    handler: async ({ auth, params }) => {
      if (params.id === auth.agent.id) throw conflict("self", "You cannot deactivate yourself");
      const existing = await findAgent(db, auth.agent.workspaceId, params.id);
      if (!existing) throw notFound("agent");
      const agent = (await updateAgent(db, auth.agent.workspaceId, params.id, { active: false, status: "offline" }))!;
      await endSessions(agent.workspaceId, agent.id);
      await recordAudit(db, auth, "agent.deactivate", "agent", agent.id);
      return { agent: agentView(agent) };
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/me/preferences",
    summary: "Set my workbench language (kept per agent)",
    tags: ["agents"],
    access: "signed-in",
    body: z.strictObject({ locale: z.enum(["zh-CN", "en", "ko"]) }),
    response: z.object({ agent: agentShape }),
    handler: async ({ auth, body }) => {
      const agent = await updateAgent(db, auth.agent.workspaceId, auth.agent.id, { locale: body.locale });
      return { agent: agentView(agent!) };
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/me/status",
    summary: "Set my status: online, busy, away or offline",
    tags: ["agents"],
    access: "signed-in",
    body: z.strictObject({ status: z.enum(["online", "busy", "away", "offline"]) }),
    response: z.object({ agent: agentShape }),
    handler: async ({ auth, body }) => {
      const agent = await updateAgent(db, auth.agent.workspaceId, auth.agent.id, { status: body.status });
      if (body.status === "online") await bus.publish({ topic: AGENT_CAPACITY_CHANGED, workspaceId: agent!.workspaceId, payload: { team: agent!.team } });
      return { agent: agentView(agent!) };
    },
  });
}
