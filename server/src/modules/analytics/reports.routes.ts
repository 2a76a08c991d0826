// GET /api/v1/reports/figures: the CONTRACTS §4 object of `qindesk report`, from the
// same code. Supervisors and owners see every agent; an agent with only
// "reports.view_own" may ask for their own figures and nothing else.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { forbidden, HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
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
      try {
        if (!auth.abilities.has("reports.view_all")) {
          if (query.agent === undefined) throw forbidden("You may see your own figures only: pass agent=<your id>");
          const shop = await findReportShop(db, query.shop, workspaceId);
          const agent = await findReportAgent(db, shop.workspaceId, query.agent);
          if (agent.id !== auth.agent.id) throw forbidden("You may see your own figures only");
        }
        const report = await shopReport(db, { ...query, workspaceId });
        return report.figures;
      } catch (err) {
        if (err instanceof ReportInputError) throw new HttpError(400, "invalid", err.message, err.field);
        throw err;
      }
    },
  });
}
