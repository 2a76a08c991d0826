// The workbench's HTTP side of conversations: queues, history, claim, close, and a send
// endpoint for integrators (the workbench itself sends over the socket).
import { and, eq, ne, type SQL } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../platform/auth/auth-context";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { agentSend, type ChatDeps } from "./chat.service";
import { findConversation, messagesAfter, summaries, summary } from "./conversations.repo";
import { canSeeConversation } from "./conversations.policy";
import { conversations } from "./conversations.schema";

const idParam = z.strictObject({ id: z.string().max(100) });
export const QUEUE_VIEWS = ["waiting", "mine", "team", "all"] as const;

function queueFilter(auth: AuthContext, view: (typeof QUEUE_VIEWS)[number]): SQL {
  const ws = eq(conversations.workspaceId, auth.agent.workspaceId);
  const all = auth.abilities.has("conversations.view_all");
  const notClosed = ne(conversations.status, "closed");
  switch (view) {
    case "waiting":
      return and(ws, eq(conversations.status, "waiting"), all ? undefined : eq(conversations.team, auth.agent.team))!;
    case "mine":
      return and(ws, notClosed, eq(conversations.assigneeId, auth.agent.id))!;
    case "team":
      return and(ws, notClosed, eq(conversations.team, auth.agent.team))!;
    case "all":
      if (!all) throw new HttpError(403, "forbidden", "Only supervisors see every conversation");
      return and(ws, notClosed)!;
  }
}

async function visibleConversation(deps: ChatDeps, auth: AuthContext, id: string) {
  const c = await findConversation(deps.db, auth.agent.workspaceId, id);
  if (!c || !canSeeConversation(auth, c)) throw notFound("conversation");
  return c;
}

export function registerConversationRoutes(app: FastifyInstance, deps: ChatDeps): void {
  route(app, {
    method: "GET",
    url: "/api/v1/conversations",
    summary: "A queue of conversations: waiting, mine, my team's, or all (supervisors)",
    tags: ["conversations"],
    access: "conversations.view_team",
    query: z.strictObject({ view: z.enum(QUEUE_VIEWS).default("mine") }),
    handler: async ({ auth, query }) => ({ items: await summaries(deps.db, queueFilter(auth, query.view)) }),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/conversations/:id",
    summary: "One conversation",
    tags: ["conversations"],
    access: "conversations.view_team",
    params: idParam,
    handler: async ({ auth, params }) => {
      await visibleConversation(deps, auth, params.id);
      return { conversation: await summary(deps.db, auth.agent.workspaceId, params.id) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/conversations/:id/messages",
    summary: "Messages of a conversation after a sequence number, in order",
    tags: ["conversations"],
    access: "conversations.view_team",
    params: idParam,
    query: z.strictObject({ afterSeq: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    handler: async ({ auth, params, query }) => {
      const c = await visibleConversation(deps, auth, params.id);
      return { items: await messagesAfter(deps.db, auth.agent.workspaceId, c.id, query.afterSeq, query.limit) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/conversations/:id/messages",
    summary: "Send an agent message (idempotent by clientId)",
    tags: ["conversations"],
    access: "conversations.reply",
    status: 201,
    params: idParam,
    body: z.strictObject({ clientId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/), text: z.string().min(1).max(2000) }),
    handler: async ({ auth, params, body }) => ({
      message: await agentSend(deps, auth, { type: "message.send", conversationId: params.id, clientId: body.clientId, text: body.text }),
    }),
  });
}

/** Past conversations of a customer that this agent may see (customer sidebar). */
export async function conversationsOfCustomer(deps: ChatDeps, auth: AuthContext, customerId: string) {
  const rows = await summaries(deps.db, and(eq(conversations.workspaceId, auth.agent.workspaceId), eq(conversations.customerId, customerId)), 50);
  return rows.filter((c) => canSeeConversation(auth, c));
}
