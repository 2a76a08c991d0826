// What an agent does to a conversation besides writing: move the pre-sales stage, close
// it with its outcome, transfer it, ask a supervisor, take it over.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../platform/auth/auth-context";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { findAgent } from "../staff";
import { findShopById, lostReasonsOf } from "../workspace";
import { assignWaiting } from "./assignment";
import { PRESALES_STAGES } from "./chat-protocol";
import { publishConversation, type ChatDeps } from "./chat.service";
import type { ConversationRow } from "./conversations.repo";
import { findConversation, summary, toChatMessage, updateConversation } from "./conversations.repo";
import { canReplyTo, canSeeConversation } from "./conversations.policy";
import { storeMessage } from "./store-message";

const idParam = z.strictObject({ id: z.string().max(100) });
const note = z.string().trim().max(500).optional();

export function registerConversationActionRoutes(app: FastifyInstance, deps: ChatDeps): void {
  /** The conversation if this agent may act on it; 404 if they may not even see it. */
  async function actionable(auth: AuthContext, id: string): Promise<ConversationRow> {
    const c = await findConversation(deps.db, auth.agent.workspaceId, id);
    if (!c || !canSeeConversation(auth, c)) throw notFound("conversation");
    if (!canReplyTo(auth, c)) throw new HttpError(409, "assigned", "This conversation belongs to a colleague");
    return c;
  }

  /** An internal note (agents only, never the buyer) recording why something happened. */
  async function systemNote(auth: AuthContext, c: ConversationRow, text: string | undefined) {
    if (!text) return [];
    const stored = await storeMessage(deps.db, { workspaceId: c.workspaceId, conversationId: c.id, clientId: null, sender: "system", agentId: auth.agent.id, kind: "text", text });
    return [{ type: "message.new" as const, message: toChatMessage(stored.message, auth.agent.name) }];
  }

  async function answer(auth: AuthContext, c: ConversationRow, events: Awaited<ReturnType<typeof systemNote>> = []) {
    const fresh = (await findConversation(deps.db, auth.agent.workspaceId, c.id))!;
    await publishConversation(deps, fresh, events);
    return { conversation: await summary(deps.db, auth.agent.workspaceId, c.id) };
  }

  route(app, {
    method: "POST",
    url: "/api/v1/conversations/:id/stage",
    summary: "Move the pre-sales stage (欢迎 → 介绍 → 议价 → 下单 → 付款 → 核对信息 → 快递 → 告别 → 备注 → 发货)",
    tags: ["conversations"],
    access: "conversations.reply",
    params: idParam,
    body: z.strictObject({ stage: z.enum(PRESALES_STAGES) }),
    handler: async ({ auth, params, body }) => {
      const c = await actionable(auth, params.id);
      if (c.team !== "presales") throw new HttpError(409, "not_presales", "Only pre-sales conversations have stages");
      await updateConversation(deps.db, c.workspaceId, c.id, { stage: body.stage });
      return answer(auth, c);
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/conversations/:id/close",
    summary: "Close a conversation with its outcome: converted, or not converted with the reason",
    tags: ["conversations"],
    access: "conversations.reply",
    params: idParam,
    body: z.strictObject({ outcome: z.enum(["converted", "not_converted"]).optional(), lostReason: z.string().trim().max(50).optional(), note }),
    handler: async ({ auth, params, body }) => {
      const c = await actionable(auth, params.id);
      if (body.outcome === "not_converted") {
        const shop = await findShopById(deps.db, c.shopId);
        if (!body.lostReason) throw new HttpError(400, "invalid", "Say why the buyer did not buy", "lostReason");
        if (!lostReasonsOf(shop?.settings ?? {}).includes(body.lostReason)) throw new HttpError(400, "invalid", "Not one of the shop's reasons", "lostReason");
      } else if (body.lostReason) {
        throw new HttpError(400, "invalid", "A reason belongs to a conversation that did not convert", "lostReason");
      }
      await updateConversation(deps.db, c.workspaceId, c.id, {
        status: "closed",
        closedAt: new Date(),
        waitingSince: null,
        outcome: body.outcome ?? null,
        lostReason: body.lostReason ?? null,
        outcomeNote: body.note ?? null,
      });
      const result = await answer(auth, c);
      // The agent has room again.
      if (c.assigneeId) await assignWaiting(deps, c.workspaceId, c.team);
      return result;
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/conversations/:id/transfer",
    summary: "Hand a conversation to a colleague or to a team's queue, with a note",
    tags: ["conversations"],
    access: "conversations.reply",
    params: idParam,
    body: z
      .strictObject({ agentId: z.string().max(100).optional(), team: z.enum(["presales", "aftersales"]).optional(), note })
      .refine((b) => (b.agentId === undefined) !== (b.team === undefined), { message: "give either agentId or team", path: ["agentId"] }),
    handler: async ({ auth, params, body }) => {
      const c = await actionable(auth, params.id);
      if (body.agentId) {
        const target = await findAgent(deps.db, auth.agent.workspaceId, body.agentId);
        if (!target || !target.active) throw new HttpError(400, "invalid", "No such active colleague", "agentId");
        await updateConversation(deps.db, c.workspaceId, c.id, { assigneeId: target.id, team: target.team, status: c.status === "closed" ? "closed" : "open" });
      } else {
        await updateConversation(deps.db, c.workspaceId, c.id, { assigneeId: null, team: body.team!, status: "waiting", stage: body.team === "presales" ? c.stage : null });
      }
      const result = await answer(auth, c, await systemNote(auth, c, body.note));
      if (body.team) await assignWaiting(deps, c.workspaceId, body.team);
      return result;
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/conversations/:id/escalate",
    summary: "Ask a supervisor to step in (hard customers, seed 002/004)",
    tags: ["conversations"],
    access: "conversations.reply",
    params: idParam,
    body: z.strictObject({ note }),
    handler: async ({ auth, params, body }) => {
      const c = await actionable(auth, params.id);
      await updateConversation(deps.db, c.workspaceId, c.id, { escalated: true });
      return answer(auth, c, await systemNote(auth, c, body.note));
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/conversations/:id/claim",
    summary: "Take a conversation: assign it to me (supervisors may take over any)",
    tags: ["conversations"],
    access: "conversations.reply",
    params: idParam,
    handler: async ({ auth, params }) => {
      const c = await actionable(auth, params.id);
      await updateConversation(deps.db, c.workspaceId, c.id, { assigneeId: auth.agent.id, status: c.status === "closed" ? "closed" : "open", escalated: false });
      return answer(auth, c);
    },
  });
}
