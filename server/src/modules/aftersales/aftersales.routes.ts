// After-sales cases over HTTP: open one from an order or a conversation, see it with its
// steps and what can be done next, act on it naming the version you saw (409 when a
// colleague moved it first), and check eligibility before opening.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { recordAudit } from "../../platform/audit/audit";
import { actOnCase, actionsOf, casesByDue, caseSteps, eligibilityFor, findCase, listCases, openCase, promiseReply, tickComplaintStep, type CaseRow } from "./aftersales.service";
import { COMPLAINT_KINDS, COMPLAINT_STEPS } from "./complaint";
import { evidenceBundle } from "./evidence";
import { slaState } from "./sla";
import { REASON_CODES } from "./policy";
import { CASE_ACTIONS, CASE_KINDS } from "./workflow";

const id = z.string().min(1).max(100);
const condition = z.enum(["unused", "used", "damaged_by_buyer"]);

function view(row: CaseRow) {
  return {
    id: row.id,
    shopId: row.shopId,
    customerId: row.customerId,
    orderId: row.orderId,
    conversationId: row.conversationId,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    retention: row.retention,
    retentionOffer: row.retentionOffer,
    trackingNumber: row.trackingNumber,
    refundCents: row.refundCents,
    note: row.note,
    eligibility: row.eligibility,
    version: row.version,
    checklist: COMPLAINT_KINDS.has(row.kind) ? row.checklist : null,
    dueAt: row.dueAt?.toISOString() ?? null,
    promisedBy: row.promisedBy,
    sla: slaState(row.dueAt?.getTime() ?? null, Date.now(), row.status === "closed" || row.status === "cancelled"),
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    actions: actionsOf(row),
  };
}

export function registerAftersalesRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "POST",
    url: "/api/v1/aftersales/cases",
    summary: "Open an after-sales case from an order or a conversation",
    tags: ["aftersales"],
    access: "aftersales.handle",
    body: z.strictObject({
      kind: z.enum(CASE_KINDS),
      reason: z.enum(REASON_CODES),
      orderId: id.optional(),
      conversationId: id.optional(),
      note: z.string().max(2000).optional(),
      condition: condition.optional(),
    }),
    status: 201,
    handler: async ({ auth, body }) => view(await openCase(db, { workspaceId: auth.agent.workspaceId, agentId: auth.agent.id }, body)),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/aftersales/cases",
    summary: "Cases of a customer or an order (the after-sales file), newest first",
    tags: ["aftersales"],
    access: "aftersales.handle",
    query: z.strictObject({ customerId: id.optional(), orderId: id.optional(), status: z.enum(["open", "all"]).default("all") }),
    handler: async ({ auth, query }) => ({ items: (await listCases(db, auth.agent.workspaceId, query)).map(view) }),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/aftersales/cases/:id",
    summary: "One case with every step (who, when, from and to which status) and the actions open now",
    tags: ["aftersales"],
    access: "aftersales.handle",
    params: z.strictObject({ id }),
    handler: async ({ auth, params }) => {
      const row = await findCase(db, auth.agent.workspaceId, params.id);
      if (!row) throw notFound("case");
      const steps = await caseSteps(db, auth.agent.workspaceId, row.id);
      return {
        case: view(row),
        steps: steps.map((s) => ({ action: s.action, from: s.fromStatus, to: s.toStatus, agentId: s.agentId, at: s.at.toISOString(), details: s.details })),
      };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/aftersales/cases/:id/actions",
    summary: "Move a case on (optimistic lock: send the version you saw)",
    tags: ["aftersales"],
    access: "aftersales.handle",
    params: z.strictObject({ id }),
    body: z.strictObject({
      action: z.enum(CASE_ACTIONS),
      version: z.number().int().min(1),
      offer: z.string().trim().min(1).max(500).optional(),
      trackingNumber: z.string().trim().min(1).max(100).optional(),
      refundCents: z.number().int().optional(),
      note: z.string().max(2000).optional(),
    }),
    handler: async ({ auth, params, body }) => view(await actOnCase(db, auth, params.id, body)),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/aftersales/eligibility",
    summary: "Whether a request about an order is eligible now, and why",
    tags: ["aftersales"],
    access: "aftersales.handle",
    query: z.strictObject({ orderId: id, kind: z.enum(CASE_KINDS), reason: z.enum(REASON_CODES), condition: condition.optional() }),
    handler: async ({ auth, query }) => ({ eligibility: await eligibilityFor(db, auth.agent.workspaceId, query) }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/aftersales/cases/:id/checklist",
    summary: "Tick one of the complaint steps of seed 001 §7 (who and when are recorded)",
    tags: ["aftersales"],
    access: "aftersales.handle",
    params: z.strictObject({ id }),
    body: z.strictObject({ step: z.enum(COMPLAINT_STEPS) }),
    handler: async ({ auth, params, body }) => view(await tickComplaintStep(db, auth, params.id, body.step)),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/aftersales/cases/:id/promise",
    summary: "Promise the buyer an answer by a time; it becomes the case's due time",
    tags: ["aftersales"],
    access: "aftersales.handle",
    params: z.strictObject({ id }),
    body: z.strictObject({ dueAt: z.iso.datetime({ offset: true }) }),
    handler: async ({ auth, params, body }) => view(await promiseReply(db, auth, params.id, new Date(body.dueAt))),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/aftersales/sla",
    summary: "Open cases by due time with their state (ok, due_soon, overdue): warnings and the breach list",
    tags: ["aftersales"],
    access: "aftersales.handle",
    query: z.strictObject({ state: z.enum(["all", "due_soon", "overdue"]).default("all") }),
    handler: async ({ auth, query }) => {
      const items = (await casesByDue(db, auth.agent.workspaceId)).map(view);
      return { items: query.state === "all" ? items : items.filter((c) => c.sla === query.state) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/aftersales/cases/:id/evidence",
    summary: "The evidence bundle for the platform's arbiter: a ZIP with a summary page, the chat (or an excerpt), photos, order and timeline",
    tags: ["aftersales"],
    access: "aftersales.evidence",
    params: z.strictObject({ id }),
    query: z.strictObject({ fromSeq: z.coerce.number().int().min(1).optional(), toSeq: z.coerce.number().int().min(1).optional() }),
    handler: async ({ auth, params, query, reply }) => {
      const { fileName, zip } = await evidenceBundle(db, auth, params.id, query);
      await recordAudit(db, auth, "aftersales.evidence_export", "case", params.id, { fromSeq: query.fromSeq ?? null, toSeq: query.toSeq ?? null });
      return reply.header("content-type", "application/zip").header("content-disposition", `attachment; filename="${fileName}"`).send(Buffer.from(zip));
    },
  });
}
