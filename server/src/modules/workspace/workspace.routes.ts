import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import type { Db } from "../../platform/db/database";
import { newToken } from "../../platform/auth/tokens";
import { recordAudit } from "../../platform/audit/audit";
import { findShop, listShops, publicShop, updateShop } from "./workspace.repo";
import { effectiveSettings, lostReasonsOf, mergeSettings, settingsProblem, shopProfilePatch } from "./shop-settings";

const shopShape = z.object({ id: z.string(), name: z.string(), platform: z.string(), timezone: z.string(), currency: z.string() });

export function registerWorkspaceRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/shops",
    summary: "The workspace's shops",
    tags: ["shops"],
    access: "signed-in",
    response: z.object({ items: z.array(shopShape) }),
    handler: async ({ auth }) => ({ items: (await listShops(db, auth.agent.workspaceId)).map(publicShop) }),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/shops/:id",
    summary: "A shop's profile and settings",
    tags: ["shops"],
    access: "signed-in",
    params: z.strictObject({ id: z.string().max(100) }),
    handler: async ({ auth, params }) => {
      const shop = await findShop(db, auth.agent.workspaceId, params.id);
      if (!shop) throw notFound("shop");
      return { shop: { ...publicShop(shop), settings: effectiveSettings(shop.settings), lostReasons: lostReasonsOf(shop.settings) } };
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/shops/:id",
    summary: "Change a shop's profile and settings (settings are merged key by key)",
    tags: ["shops"],
    access: "shops.manage",
    params: z.strictObject({ id: z.string().max(100) }),
    body: shopProfilePatch,
    handler: async ({ auth, params, body }) => {
      const shop = await findShop(db, auth.agent.workspaceId, params.id);
      if (!shop) throw notFound("shop");
      const { settings, ...profile } = body;
      const merged = settings ? mergeSettings(shop.settings, settings) : shop.settings;
      const problem = settingsProblem(merged);
      if (problem) throw new HttpError(400, "invalid", problem.message, problem.field);
      const updated = await updateShop(db, auth.agent.workspaceId, shop.id, { ...profile, settings: merged });
      await recordAudit(db, auth, "shop.update", "shop", shop.id, { fields: Object.keys(body) });
      return { shop: { ...publicShop(updated!), settings: effectiveSettings(updated!.settings), lostReasons: lostReasonsOf(updated!.settings) } };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/shops/:id/widget/rotate",
    summary: "Make a new widget identity secret (signed buyer identities and widget sessions made with the old one stop working)",
    tags: ["shops"],
    access: "shops.manage",
    params: z.strictObject({ id: z.string().max(100) }),
    handler: async ({ auth, params }) => {
      const shop = await findShop(db, auth.agent.workspaceId, params.id);
      if (!shop) throw notFound("shop");
      const updated = await updateShop(db, auth.agent.workspaceId, shop.id, { widgetSecret: newToken(32) });
      await recordAudit(db, auth, "shop.rotate_widget_secret", "shop", shop.id);
      return { shopId: shop.id, secret: updated!.widgetSecret };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/shops/:id/widget",
    summary: "The shop's widget embedding code and identity-signing secret",
    tags: ["shops"],
    access: "shops.manage",
    params: z.strictObject({ id: z.string() }),
    handler: async ({ auth, params }) => {
      const shop = await findShop(db, auth.agent.workspaceId, params.id);
      if (!shop) throw notFound("shop");
      return {
        shopId: shop.id,
        secret: shop.widgetSecret,
        snippet: `<script src="/widget.js" data-shop="${shop.id}" async></script>`,
      };
    },
  });
}
