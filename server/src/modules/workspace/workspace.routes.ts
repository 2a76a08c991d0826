import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import type { Db } from "../../platform/db/database";
import { findShop, listShops, publicShop } from "./workspace.repo";

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
