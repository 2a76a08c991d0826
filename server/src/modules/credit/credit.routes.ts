// The stored shop's credit over HTTP: the score and what it is made of, and the what-if.
// Anyone who reads reviews reads the credit (the platform shows it to every buyer).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { creditWhatIf, shopCreditView } from "./credit.service";

const isoTime = z.iso.datetime({ offset: true });
const ref = z.string().min(1).max(100);

function asOfOf(text: string | undefined): number {
  return text ? Date.parse(text) : Date.now();
}

export function registerCreditRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/credit",
    summary: "A stored shop's credit: score, level, points by month, the effect of the caps, pending orders",
    tags: ["credit"],
    access: "reviews.view",
    query: z.strictObject({ shop: ref.optional(), asOf: isoTime.optional() }),
    handler: async ({ auth, query }) => shopCreditView(db, auth.agent.workspaceId, query.shop, asOfOf(query.asOf)),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/credit/what-if",
    summary: "The score and level if these orders (or every pending one) were completed and rated so",
    tags: ["credit"],
    access: "reviews.view",
    body: z.strictObject({
      shop: ref.optional(),
      orders: z.array(ref).min(1).max(5000).optional(),
      pending: z.literal(true).optional(),
      rating: z.enum(["good", "neutral", "bad"]),
      asOf: isoTime.optional(),
    }),
    handler: async ({ auth, body }) => {
      if (!body.orders === !body.pending) throw new HttpError(400, "invalid", "orders: give the orders, or pending: true", "orders");
      return creditWhatIf(db, auth.agent.workspaceId, body, asOfOf(body.asOf));
    },
  });
}
