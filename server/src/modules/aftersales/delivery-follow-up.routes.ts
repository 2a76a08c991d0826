// The after-delivery follow-ups over HTTP: the list (open ones by due time), sending the
// question into the chat, and recording how it went.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { route } from "../../platform/http/route";
import type { ChatDeps } from "../conversations";
import { askBuyer, FOLLOW_UP_OUTCOMES, listFollowUps, recordOutcome } from "./delivery-follow-up";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export function registerDeliveryFollowUpRoutes(app: FastifyInstance, deps: ChatDeps): void {
  route(app, {
    method: "GET",
    url: "/api/v1/aftersales/follow-ups",
    summary: "After-delivery follow-ups (seed 001): open and asked ones by due time, or the done ones newest first",
    tags: ["aftersales"],
    access: "aftersales.handle",
    query: z.strictObject({ state: z.enum(["todo", "done"]).default("todo") }),
    handler: async ({ auth, query }) => ({ items: await listFollowUps(deps.db, auth.agent.workspaceId, query.state === "done" ? ["done"] : ["open", "asked"]) }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/aftersales/follow-ups/:id/ask",
    summary: "Ask the buyer whether all is well (seed 001's words unless `text` is given), in their open conversation or a new one",
    tags: ["aftersales"],
    access: "aftersales.handle",
    params: idParams,
    body: z.strictObject({ text: z.string().max(2000).optional() }),
    handler: async ({ auth, params, body }) => askBuyer(deps, auth, params.id, body.text),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/aftersales/follow-ups/:id/outcome",
    summary: "Record how the follow-up went: all good (invited to review), a problem (with the case opened for it), no answer, not needed",
    tags: ["aftersales"],
    access: "aftersales.handle",
    params: idParams,
    body: z.strictObject({ outcome: z.enum(FOLLOW_UP_OUTCOMES), note: z.string().max(500).optional(), caseId: z.string().max(100).optional() }),
    handler: async ({ auth, params, body }) => ({ followUp: await recordOutcome(deps.db, auth, params.id, body) }),
  });
}
