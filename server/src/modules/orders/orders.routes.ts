// Orders over HTTP: the shop's system reports them (idempotent by its order number) and
// pushes logistics; agents list and read them (contact details masked, reveal logged),
// add a remark, set the courier, cancel an unpaid one; supervisors ship from the pick list.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { AuthContext } from "../../platform/auth/auth-context";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { ORDER_STATUSES } from "../interchange";
import { findShop, findShopById } from "../workspace";
import { courierOptionsOf, addLogisticsEvents, setCourier, shipOrder } from "./orders.fulfilment";
import { ingestOrder } from "./orders.ingest";
import { findOrder } from "./orders.repo";
import { cancelUnpaid, setRemark, type OrderDeps } from "./orders.service";
import { inboundOrderShape, logisticsBody } from "./orders.shapes";
import { listOrders, orderDetail, statusCounts } from "./orders.views";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });
const isoTime = z.iso.datetime({ offset: true });

export function registerOrderRoutes(app: FastifyInstance, deps: OrderDeps): void {
  const { db } = deps;

  async function orderOf(auth: AuthContext, id: string) {
    const order = await findOrder(db, auth.agent.workspaceId, id);
    if (!order) throw notFound("order");
    return order;
  }

  async function shopFilter(auth: AuthContext, shop: string | undefined) {
    if (!shop) return undefined;
    const found = await findShop(db, auth.agent.workspaceId, shop);
    if (!found) throw new HttpError(400, "invalid", "No such shop", "shop");
    return found.id;
  }

  route(app, {
    method: "GET",
    url: "/api/v1/orders",
    summary: "Orders, newest first (the pick list: paid and not shipped, oldest paid first); contact details masked",
    tags: ["orders"],
    access: "orders.view",
    query: z.strictObject({
      shop: z.string().max(100).optional(),
      customer: z.string().max(100).optional(),
      status: z
        .string()
        .max(200)
        .transform((s) => s.split(","))
        .pipe(z.array(z.enum(ORDER_STATUSES)))
        .optional(),
      toShip: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    handler: async ({ auth, query }) => {
      const shopId = await shopFilter(auth, query.shop);
      const items = await listOrders(db, auth.agent.workspaceId, {
        shopId,
        customerId: query.customer,
        statuses: query.status,
        toShip: query.toShip,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        limit: query.limit,
      });
      return { items, counts: await statusCounts(db, auth.agent.workspaceId, shopId) };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders",
    summary: "Report an order from the shop's system: created with its stock taken, or updated by the shop's order number (idempotent)",
    tags: ["orders"],
    access: "data.import",
    body: inboundOrderShape,
    handler: async ({ auth, body, reply }) => {
      const { order, created } = await ingestOrder(deps, auth.agent.workspaceId, body, "api");
      return reply.code(created ? 201 : 200).send({ created, ...(await orderDetail(db, order)) });
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/orders/:id",
    summary: "One order (QinDesk id or the shop's order number): items, masked recipient, timeline, chat actions, 催付 reminders",
    tags: ["orders"],
    access: "orders.view",
    params: idParams,
    handler: async ({ auth, params }) => {
      const order = await orderOf(auth, params.id);
      const shop = await findShopById(db, order.shopId);
      return { ...(await orderDetail(db, order)), couriers: shop ? courierOptionsOf(shop.settings) : [] };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/reveal",
    summary: "The order's full recipient phone and address (logged)",
    tags: ["orders"],
    access: "customers.reveal_contact",
    params: idParams,
    handler: async ({ auth, params }) => {
      const order = await orderOf(auth, params.id);
      await recordAudit(db, auth, "order.reveal_contact", "order", order.id);
      return orderDetail(db, order, true);
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/remark",
    summary: "Set the order remark (备注) the warehouse reads; empty clears it",
    tags: ["orders"],
    access: "orders.update",
    params: idParams,
    body: z.strictObject({ remark: z.string().max(500) }),
    handler: async ({ auth, params, body }) => orderDetail(db, await setRemark(deps, auth.agent.workspaceId, (await orderOf(auth, params.id)).id, auth.agent.id, body.remark)),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/courier",
    summary: "Ship with this courier (the shop's default, or one of its options at its surcharge)",
    tags: ["orders"],
    access: "orders.update",
    params: idParams,
    body: z.strictObject({ courier: z.string().trim().min(1).max(50) }),
    handler: async ({ auth, params, body }) => {
      const order = await orderOf(auth, params.id);
      const shop = (await findShopById(db, order.shopId))!;
      return orderDetail(db, await setCourier(deps, shop, order.id, auth.agent.id, body.courier));
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/cancel",
    summary: "Cancel an order that is not paid yet; its stock goes back",
    tags: ["orders"],
    access: "orders.update",
    params: idParams,
    body: z.strictObject({ reason: z.string().trim().max(200).optional() }),
    handler: async ({ auth, params, body }) => orderDetail(db, await cancelUnpaid(deps, auth.agent.workspaceId, (await orderOf(auth, params.id)).id, auth.agent.id, body.reason)),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/ship",
    summary: "Hand a paid order to the courier (from the pick list)",
    tags: ["orders"],
    access: "orders.ship",
    params: idParams,
    body: z.strictObject({ courier: z.string().trim().min(1).max(50).optional(), trackingNo: z.string().trim().min(1).max(60).optional() }),
    handler: async ({ auth, params, body }) => orderDetail(db, await shipOrder(deps, auth.agent.workspaceId, (await orderOf(auth, params.id)).id, auth.agent.id, body)),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/orders/:id/logistics",
    summary: "Push courier events (each kept once by its id); a delivered event marks the order delivered",
    tags: ["orders"],
    access: "data.import",
    params: idParams,
    body: logisticsBody,
    handler: async ({ auth, params, body }) => {
      const { order, added } = await addLogisticsEvents(deps, auth.agent.workspaceId, (await orderOf(auth, params.id)).id, body.events);
      return { added, ...(await orderDetail(db, order)) };
    },
  });
}
