// GET /api/v1/reports/figures: the CONTRACTS §4 object of `qindesk report`, from the
// same code. Supervisors and owners see every agent; an agent with only
// "reports.view_own" may ask for their own figures and nothing else.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { forbidden, HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { BUCKETS } from "./buckets";
import { shopDashboard } from "./dashboard.service";
import { findReportAgent, findReportShop, ReportInputError, shopReport } from "./report.service";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const figure = z.number().nullable();

export const figuresShape = z.object({
  inquiringBuyers: z.number().int(),
  orderingBuyers: z.number().int(),
  payingBuyers: z.number().int(),
  inquiryToOrderRate: figure,
  inquiryToPaymentRate: figure,
  replyRate: figure,
  avgFirstResponseSeconds: figure,
  avgResponseSeconds: figure,
  sales: z.number(),
  orders: z.number().int(),
  salesPerBuyer: figure,
  salesPerOrder: figure,
});

const dashboardFigures = figuresShape.extend({ responseWithin3MinRate: figure });
const dashboardShape = z.object({
  shop: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  from: z.string(),
  to: z.string(),
  bucket: z.enum(BUCKETS),
  figures: dashboardFigures,
  agents: z.array(z.object({ agentId: z.string(), name: z.string(), figures: dashboardFigures })),
  trend: z.array(z.object({ from: z.string(), to: z.string(), figures: dashboardFigures })),
  lostReasons: z.array(z.object({ reason: z.string().nullable(), conversations: z.number().int() })),
  aftersales: z
    .object({
      cases: z.number().int(),
      byReason: z.array(z.object({ reason: z.string(), cases: z.number().int() })),
      byKind: z.array(z.object({ kind: z.string(), cases: z.number().int() })),
      byProduct: z.array(z.object({ productId: z.string().nullable(), title: z.string().nullable(), color: z.string().nullable(), size: z.string().nullable(), cases: z.number().int() })),
      byAgent: z.array(z.object({ agentId: z.string().nullable(), name: z.string().nullable(), cases: z.number().int() })),
      paidOrders: z.number().int(),
      returnRate: z.number().nullable(),
    })
    .nullable(),
});

export function registerReportRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/reports/figures",
    summary: "Figures of a shop (or one agent) over a period, as `qindesk report --json` (CONTRACTS §4)",
    tags: ["reports"],
    access: "reports.view_own",
    query: z.strictObject({ shop: z.string().min(1).max(200), from: date, to: date, agent: z.string().min(1).max(200).optional() }),
    response: figuresShape,
    handler: async ({ auth, query }) => {
      const workspaceId = auth.agent.workspaceId;
      return asHttpErrors(async () => {
        await checkOwnFigures(db, auth, query);
        return (await shopReport(db, { ...query, workspaceId })).figures;
      });
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/reports/dashboard",
    summary: "The figures dashboard: figures, 3-minute response rate, agent ranking, trend by day/week/month, why-not-bought reasons",
    tags: ["reports"],
    access: "reports.view_own",
    query: z.strictObject({
      shop: z.string().min(1).max(200),
      from: date,
      to: date,
      agent: z.string().min(1).max(200).optional(),
      bucket: z.enum(BUCKETS).default("day"),
    }),
    response: dashboardShape,
    handler: async ({ auth, query }) => {
      const workspaceId = auth.agent.workspaceId;
      return asHttpErrors(async () => {
        await checkOwnFigures(db, auth, query);
        return shopDashboard(db, { ...query, workspaceId });
      });
    },
  });
}

/** Without reports.view_all, an agent may ask only for their own figures. */
async function checkOwnFigures(db: Db, auth: AuthContext, query: { shop: string; agent?: string | undefined }): Promise<void> {
  if (auth.abilities.has("reports.view_all")) return;
  if (query.agent === undefined) throw forbidden("You may see your own figures only: pass agent=<your id>");
  const shop = await findReportShop(db, query.shop, auth.agent.workspaceId);
  const agent = await findReportAgent(db, shop.workspaceId, query.agent);
  if (agent.id !== auth.agent.id) throw forbidden("You may see your own figures only");
}

async function asHttpErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ReportInputError) throw new HttpError(400, "invalid", err.message, err.field);
    throw err;
  }
}
