// The FAQ over HTTP. Every agent reads the approved entries, proposes new ones from a
// chat, gets them suggested for a buyer's message and puts them into the chat (which
// counts a use); owners and supervisors (faq.manage) add, edit, approve, reject and
// delete. A foreign id answers 404, like an entry the caller may not see.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { rankFaq } from "../assistant/suggest-faq";
import { findShop } from "../workspace";
import { registerFaqIoRoutes } from "./faq.io.routes";
import { countByStatus, deleteEntry, findEntry, insertEntry, listEntries, reviewEntry, updateEntry, type FaqFilter, type FaqRow } from "./faq.repo";
import { createEntryBody, entryView, listQuery, patchEntryBody, proposalBody, reviewBody, suggestBody } from "./faq.shapes";
import { checkProposalSource, checkScope, entryViews, faqTokens, suggestForChat, useAnswer, visibleConversation } from "./faq.service";

const idParams = z.strictObject({ id: z.string().max(100) });
const manages = (auth: AuthContext) => auth.abilities.has("faq.manage");

/** An entry the caller may see: managers see all; others approved ones and their own proposals. */
async function visibleEntry(db: Db, auth: AuthContext, id: string): Promise<FaqRow> {
  const row = await findEntry(db, auth.agent.workspaceId, id);
  if (!row || (!manages(auth) && row.status !== "approved" && row.proposedBy !== auth.agent.id)) throw notFound("FAQ entry");
  return row;
}

export function registerFaqRoutes(app: FastifyInstance, deps: { db: Db; bus: EventBus }): void {
  const { db, bus } = deps;
  const one = async (auth: AuthContext, row: FaqRow) => ({ entry: (await entryViews(db, auth.agent.workspaceId, [row]))[0]! });

  route(app, {
    method: "GET",
    url: "/api/v1/faq",
    summary:
      "FAQ entries: filter by shop, status, category, intent and scope; `q` searches the questions and answers (Chinese-aware, jieba) and sorts by relevance. Agents without faq.manage see approved entries and their own proposals",
    tags: ["faq"],
    access: "signed-in",
    query: listQuery,
    response: z.object({ items: z.array(entryView), total: z.number().int(), counts: z.record(z.string(), z.number().int()) }),
    handler: async ({ auth, query }) => {
      const workspaceId = auth.agent.workspaceId;
      const filter: FaqFilter = {
        shopId: query.shopId,
        status: query.status,
        category: query.category,
        intent: query.intent,
        scopeType: query.scope,
        visibleTo: manages(auth) ? null : { agentId: auth.agent.id },
        proposedBy: query.mine === "1" ? auth.agent.id : undefined,
      };
      let rows = await listEntries(db, workspaceId, filter, query.sort === "usage" ? "usage" : "updated");
      if (query.q) {
        const ranked = rankFaq({ text: query.q, intent: null, products: null }, rows, faqTokens);
        rows = query.sort === "usage" || query.sort === "updated" ? rows.filter((r) => ranked.some((x) => x.entry === r)) : ranked.map((r) => r.entry);
      }
      const page = rows.slice(query.offset, query.offset + query.limit);
      return { items: await entryViews(db, workspaceId, page), total: rows.length, counts: await countByStatus(db, workspaceId, { ...filter, status: undefined }) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/faq/:id",
    summary: "One FAQ entry",
    tags: ["faq"],
    access: "signed-in",
    params: idParams,
    response: z.object({ entry: entryView }),
    handler: async ({ auth, params }) => one(auth, await visibleEntry(db, auth, params.id)),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/faq",
    summary: "Add an approved FAQ entry (faq.manage): question variants, an answer with {variables}, category, intent, stage and scope (shop, category or product)",
    tags: ["faq"],
    access: "faq.manage",
    status: 201,
    body: createEntryBody,
    response: z.object({ entry: entryView }),
    handler: async ({ auth, body }) => {
      const { shopId, ...content } = body;
      const shop = await findShop(db, auth.agent.workspaceId, shopId);
      if (!shop) throw new HttpError(400, "invalid", "No such shop", "shopId");
      await checkScope(db, auth.agent.workspaceId, shop.id, content.scope);
      const row = await insertEntry(db, auth.agent.workspaceId, { ...content, shopId: shop.id, status: "approved", reviewedBy: auth.agent.id });
      await recordAudit(db, auth, "faq.create", "faq_entry", row.id);
      return one(auth, row);
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/faq/proposals",
    summary:
      "Propose an FAQ entry from a chat: the buyer's question messages and the agent's answer messages that worked (by seq), with the wording to keep; a supervisor approves it before it reaches the chat",
    tags: ["faq"],
    access: "conversations.reply",
    status: 201,
    body: proposalBody,
    response: z.object({ entry: entryView }),
    handler: async ({ auth, body }) => {
      const { conversationId, questionSeqs, answerSeqs, ...content } = body;
      const conversation = await visibleConversation(db, auth, conversationId);
      await checkProposalSource(db, conversation, questionSeqs, answerSeqs);
      await checkScope(db, auth.agent.workspaceId, conversation.shopId, content.scope);
      const row = await insertEntry(db, auth.agent.workspaceId, {
        ...content,
        shopId: conversation.shopId,
        status: "proposed",
        proposedBy: auth.agent.id,
        source: { conversationId: conversation.id, questionSeqs, answerSeqs },
      });
      return one(auth, row);
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/faq/:id",
    summary: "Edit an entry (faq.manage); its status stays as it is",
    tags: ["faq"],
    access: "faq.manage",
    params: idParams,
    body: patchEntryBody,
    response: z.object({ entry: entryView }),
    handler: async ({ auth, params, body }) => {
      const existing = await visibleEntry(db, auth, params.id);
      if (body.scope) await checkScope(db, auth.agent.workspaceId, existing.shopId, body.scope);
      const row = await updateEntry(db, auth.agent.workspaceId, existing.id, body);
      if (!row) throw notFound("FAQ entry");
      await recordAudit(db, auth, "faq.update", "faq_entry", row.id, { fields: Object.keys(body) });
      return one(auth, row);
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/faq/:id/review",
    summary: "Approve an entry (it reaches the chat) or reject it with a note (faq.manage)",
    tags: ["faq"],
    access: "faq.manage",
    params: idParams,
    body: reviewBody,
    response: z.object({ entry: entryView }),
    handler: async ({ auth, params, body }) => {
      const existing = await visibleEntry(db, auth, params.id);
      const status = body.decision === "approve" ? "approved" : "rejected";
      const row = await reviewEntry(db, auth.agent.workspaceId, existing.id, { status, by: auth.agent.id, note: body.note ?? null });
      if (!row) throw notFound("FAQ entry");
      await recordAudit(db, auth, `faq.${body.decision}`, "faq_entry", row.id, body.note ? { note: body.note } : {});
      return one(auth, row);
    },
  });

  route(app, {
    method: "DELETE",
    url: "/api/v1/faq/:id",
    summary: "Delete an entry (faq.manage)",
    tags: ["faq"],
    access: "faq.manage",
    params: idParams,
    handler: async ({ auth, params }) => {
      const existing = await visibleEntry(db, auth, params.id);
      await deleteEntry(db, auth.agent.workspaceId, existing.id);
      await recordAudit(db, auth, "faq.delete", "faq_entry", existing.id, { question: existing.questions[0] });
      return undefined;
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/faq/suggest",
    summary:
      "Approved FAQ answers for a buyer's message in a chat, best first: by the words shared with the questions (jieba, weighted by rarity), the message's intent and the chat's products (entries scoped to other products are left out)",
    tags: ["faq"],
    access: "conversations.reply",
    body: suggestBody,
    response: z.object({
      intent: z.string(),
      items: z.array(z.object({ entry: entryView, question: z.string(), score: z.number() })),
    }),
    handler: async ({ auth, body }) => {
      const { intent, items } = await suggestForChat(db, auth, body.conversationId, body.text, body.limit);
      const views = await entryViews(db, auth.agent.workspaceId, items.map((i) => i.entry));
      return { intent, items: items.map((item, i) => ({ entry: views[i]!, question: item.question, score: Math.round(item.score * 1000) / 1000 })) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/faq/:id/use",
    summary:
      "Put an approved answer into a chat: the text with {buyer} {shop} {agent} {product} {courier} {cutoff} {promotion} {promotion_end} filled in, `missing` naming those the chat has no value for (left in for the agent to fill); counts one use",
    tags: ["faq"],
    access: "conversations.reply",
    params: idParams,
    body: z.strictObject({ conversationId: z.string().max(100) }),
    response: z.object({ text: z.string(), missing: z.array(z.string()) }),
    handler: async ({ auth, params, body }) => useAnswer(db, auth, params.id, body.conversationId),
  });

  registerFaqIoRoutes(app, db, bus);
}
