// Promotions of the workspace's shops: every agent reads them and asks what applies to a
// buyer's items; owners and supervisors (promotions.manage) set them up.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { HttpError, notFound } from "../../platform/http/errors";
import { parseInput, route } from "../../platform/http/route";
import { findShop } from "../workspace";
import { deletePromotion, findPromotion, insertPromotion, listPromotions, productsOf, updatePromotion, type PromotionRow } from "./promotions.repo";
import { createPromotionBody, evaluateBody, patchPromotionBody, promotionShape, type PromotionInput } from "./promotions.shapes";
import { evaluateForShop, promotionView } from "./promotions.service";
import { shopInstant } from "./window";

const idParams = z.strictObject({ id: z.string().max(100) });

async function shopOrBadRequest(db: Db, auth: AuthContext, shopId: string, field = "shopId") {
  const shop = await findShop(db, auth.agent.workspaceId, shopId);
  if (!shop) throw new HttpError(400, "invalid", "No such shop", field);
  return shop;
}

/** Product scopes name products of the promotion's own shop. */
async function checkScope(db: Db, workspaceId: string, shopId: string, p: PromotionInput): Promise<void> {
  if (p.scope.type !== "product") return;
  const found = new Set((await productsOf(db, workspaceId, shopId, p.scope.productIds)).map((r) => r.id));
  const missing = p.scope.productIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new HttpError(400, "invalid", "No such product in this shop", `scope.productIds.${missing}`);
}

export function registerPromotionRoutes(app: FastifyInstance, db: Db): void {
  const view = async (auth: AuthContext, row: PromotionRow) => {
    const shop = await findShop(db, auth.agent.workspaceId, row.shopId);
    return promotionView(row, shop?.timezone ?? "Asia/Shanghai");
  };

  route(app, {
    method: "GET",
    url: "/api/v1/promotions",
    summary: "The shops' promotions, with their window in shop time and their state now",
    tags: ["promotions"],
    access: "signed-in",
    query: z.strictObject({ shopId: z.string().max(100).optional() }),
    handler: async ({ auth, query }) => {
      const shop = query.shopId ? await shopOrBadRequest(db, auth, query.shopId) : null;
      const rows = await listPromotions(db, auth.agent.workspaceId, shop?.id);
      return { items: await Promise.all(rows.map((row) => view(auth, row))) };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/promotions/:id",
    summary: "One promotion",
    tags: ["promotions"],
    access: "signed-in",
    params: idParams,
    handler: async ({ auth, params }) => {
      const row = await findPromotion(db, auth.agent.workspaceId, params.id);
      if (!row) throw notFound("promotion");
      return { promotion: await view(auth, row) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/promotions",
    summary: "Add a promotion: gift by quantity, coupon, 满减 tiers or free-shipping threshold, with a window in shop time and a scope",
    tags: ["promotions"],
    access: "promotions.manage",
    status: 201,
    body: createPromotionBody,
    handler: async ({ auth, body }) => {
      const { shopId, ...input } = body;
      const shop = await shopOrBadRequest(db, auth, shopId);
      await checkScope(db, auth.agent.workspaceId, shop.id, input);
      const row = await insertPromotion(db, auth.agent.workspaceId, shop.id, input);
      await recordAudit(db, auth, "promotion.create", "promotion", row.id, { kind: row.kind });
      return { promotion: promotionView(row, shop.timezone) };
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/promotions/:id",
    summary: "Change a promotion (switch it off with enabled: false); the result is checked as a whole",
    tags: ["promotions"],
    access: "promotions.manage",
    params: idParams,
    body: patchPromotionBody,
    handler: async ({ auth, params, body }) => {
      const row = await findPromotion(db, auth.agent.workspaceId, params.id);
      if (!row) throw notFound("promotion");
      const current = { kind: row.kind, name: row.name, params: row.params, startsAt: row.startsLocal, endsAt: row.endsLocal, scope: row.scope, enabled: row.enabled };
      const merged = parseInput(promotionShape, { ...current, ...body }, "body");
      await checkScope(db, auth.agent.workspaceId, row.shopId, merged);
      const updated = await updatePromotion(db, auth.agent.workspaceId, row.id, merged);
      if (!updated) throw notFound("promotion");
      await recordAudit(db, auth, "promotion.update", "promotion", row.id, { fields: Object.keys(body) });
      return { promotion: await view(auth, updated) };
    },
  });

  route(app, {
    method: "DELETE",
    url: "/api/v1/promotions/:id",
    summary: "Remove a promotion",
    tags: ["promotions"],
    access: "promotions.manage",
    params: idParams,
    handler: async ({ auth, params }) => {
      const row = await findPromotion(db, auth.agent.workspaceId, params.id);
      if (!row) throw notFound("promotion");
      await deletePromotion(db, auth.agent.workspaceId, row.id);
      await recordAudit(db, auth, "promotion.delete", "promotion", row.id, { name: row.name });
      return undefined;
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/promotions/evaluate",
    summary: "What the shop's promotions give these items now (or at `at`, or at the shop time `atShopTime`), and what is close: 再买 ¥12 包邮, 再买 1 件送袜子",
    tags: ["promotions"],
    access: "signed-in",
    body: evaluateBody,
    handler: async ({ auth, body }) => {
      const shop = await shopOrBadRequest(db, auth, body.shopId);
      const at = body.at ? Date.parse(body.at) : body.atShopTime ? shopInstant(body.atShopTime, shop.timezone) : Date.now();
      const evaluation = await evaluateForShop(db, auth.agent.workspaceId, shop, body.items, at, body.shippingFeeCents);
      return { at: new Date(at).toISOString(), timeZone: shop.timezone, ...evaluation };
    },
  });
}
