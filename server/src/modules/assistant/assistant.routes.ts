// The assistant in the workbench: intent and sentiment of buyer messages (the chips on
// each message), the etiquette check of a draft for integrators (the workbench runs the
// same pure module in the browser as the agent types), and the record that an agent sent
// a draft anyway despite the check's warnings (seed 003/004 etiquette is coached, not
// enforced; supervisors see who overrode it).
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { LlmConfig } from "../../platform/config";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { canSeeConversation, findConversation } from "../conversations";
import { messagesAfter } from "../conversations/conversations.repo";
import { customers } from "../customers";
import { findShopById } from "../workspace";
import { draftReply, LlmError, type DraftLine } from "./llm-draft";
import { analyzeBuyerMessage, INTENTS, SENTIMENTS } from "./intent";
import { lintDraft } from "./lint";
import { LINT_RULES } from "./lint/types";

const MAX_TEXT = 2000;

/** Enough of the conversation for a draft: the model sees the last 20 of these. */
const DRAFT_CONTEXT = 40;

export function registerAssistantRoutes(app: FastifyInstance, db: Db, llm: LlmConfig | null): void {
  route(app, {
    method: "GET",
    url: "/api/v1/assistant/settings",
    summary: "Which optional assistant features this server has (reply drafting by a model)",
    tags: ["assistant"],
    access: "signed-in",
    response: z.object({ llmDrafts: z.boolean() }),
    handler: async () => ({ llmDrafts: llm !== null }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/assistant/draft",
    summary: "A reply drafted by the configured OpenAI-compatible model (contact details masked before sending)",
    tags: ["assistant"],
    access: "conversations.reply",
    body: z.strictObject({ conversationId: z.string().min(1).max(100) }),
    response: z.object({ text: z.string() }),
    handler: async ({ auth, body }) => {
      const conversation = await findConversation(db, auth.agent.workspaceId, body.conversationId);
      if (!conversation || !canSeeConversation(auth, conversation)) throw notFound("conversation");
      if (!llm) throw new HttpError(409, "llm_off", "Reply drafting is off: set QINDESK_LLM_URL and QINDESK_LLM_MODEL to turn it on");
      const [shop, history, [customer]] = await Promise.all([
        findShopById(db, conversation.shopId),
        messagesAfter(db, auth.agent.workspaceId, conversation.id, Math.max(0, conversation.lastSeq - DRAFT_CONTEXT), DRAFT_CONTEXT),
        db
          .select({ phone: customers.phone, address: customers.address })
          .from(customers)
          .where(and(eq(customers.workspaceId, auth.agent.workspaceId), eq(customers.id, conversation.customerId)))
          .limit(1),
      ]);
      const lines: DraftLine[] = history.flatMap((m) => (m.from !== "system" && m.text.trim() ? [{ from: m.from, text: m.text }] : []));
      const product = history.findLast((m) => m.product)?.product ?? null;
      try {
        const text = await draftReply(llm, { shopName: shop?.name ?? "", productTitle: product?.title ?? null, lines, known: customer ?? {} });
        return { text };
      } catch (err) {
        if (err instanceof LlmError) throw new HttpError(502, "llm_failed", `No draft: ${err.message}`);
        throw err;
      }
    },
  });

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
