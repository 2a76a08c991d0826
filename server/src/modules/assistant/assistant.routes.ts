// The assistant in the workbench: intent and sentiment of buyer messages (the chips on
// each message), the etiquette check of a draft for integrators (the workbench runs the
// same pure module in the browser as the agent types), and the record that an agent sent
// a draft anyway despite the check's warnings (seed 003/004 etiquette is coached, not
// enforced; supervisors see who overrode it).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { canSeeConversation, findConversation } from "../conversations";
import { analyzeBuyerMessage, INTENTS, SENTIMENTS } from "./intent";
import { lintDraft } from "./lint";
import { LINT_RULES } from "./lint/types";

const MAX_TEXT = 2000;

export function registerAssistantRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "POST",
    url: "/api/v1/assistant/analyze",
    summary: "Intent, confidence and sentiment of buyer messages (CONTRACTS §6 labels)",
    tags: ["assistant"],
    access: "conversations.reply",
    body: z.strictObject({ texts: z.array(z.string().max(MAX_TEXT)).min(1).max(100) }),
    response: z.object({ items: z.array(z.object({ intent: z.enum(INTENTS), confidence: z.number(), sentiment: z.enum(SENTIMENTS) })) }),
    handler: async ({ body }) => ({
      items: body.texts.map((text) => {
        const { intent, confidence, sentiment } = analyzeBuyerMessage(text);
        return { intent, confidence, sentiment };
      }),
    }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/assistant/lint",
    summary: "Etiquette check of an agent's draft: issues with offsets and a polite rewrite (as `qindesk lint`)",
    tags: ["assistant"],
    access: "conversations.reply",
    body: z.strictObject({ text: z.string().max(MAX_TEXT), disabledRules: z.array(z.enum(LINT_RULES)).max(LINT_RULES.length).optional() }),
    response: z.object({
      issues: z.array(z.object({ rule: z.enum(LINT_RULES), start: z.number().int(), end: z.number().int(), suggestion: z.string(), message: z.string().optional() })),
    }),
    handler: async ({ body }) => lintDraft(body.text, { disabledRules: body.disabledRules ?? [] }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/assistant/lint-overrides",
    summary: "Records that the agent sent a reply despite the etiquette check's warnings",
    tags: ["assistant"],
    access: "conversations.reply",
    body: z.strictObject({ conversationId: z.string().min(1).max(100), rules: z.array(z.enum(LINT_RULES)).min(1).max(LINT_RULES.length) }),
    response: z.object({ ok: z.literal(true) }),
    handler: async ({ auth, body }) => {
      const conversation = await findConversation(db, auth.agent.workspaceId, body.conversationId);
      if (!conversation || !canSeeConversation(auth, conversation)) throw notFound("conversation");
      await recordAudit(db, auth, "assistant.lint_override", "conversation", conversation.id, { rules: [...new Set(body.rules)] });
      return { ok: true as const };
    },
  });
}
