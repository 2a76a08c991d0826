// The customer sidebar: contact details masked; revealing them needs the ability and
// leaves a line in the audit log.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../platform/auth/auth-context";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/database";
import { notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { maskAddress, maskPhone } from "../../platform/privacy/mask";
import type { CustomerRow } from "./customers.repo";
import { findCustomer } from "./customers.repo";

const idParam = z.strictObject({ id: z.string().max(100) });

export function customerView(c: CustomerRow, revealed = false) {
  return {
    id: c.id,
    externalId: c.externalId,
    nick: c.nick,
    name: c.name,
    phone: revealed ? c.phone : maskPhone(c.phone),
    address: revealed ? c.address : maskAddress(c.address),
    revealed,
  };
}

export interface CustomerSidebarExtras {
  /** Past conversations of the customer, as the agent may see them. */
  conversationsOf(auth: AuthContext, customerId: string): Promise<unknown[]>;
  /** The customer's orders, newest first. */
  ordersOf(auth: AuthContext, customerId: string): Promise<unknown[]>;
}

export function registerCustomerRoutes(app: FastifyInstance, db: Db, extras: CustomerSidebarExtras): void {
  route(app, {
    method: "GET",
    url: "/api/v1/customers/:id",
    summary: "A customer with masked contact details, their past conversations and orders",
    tags: ["customers"],
    access: "customers.view",
    params: idParam,
    handler: async ({ auth, params }) => {
      const customer = await findCustomer(db, auth.agent.workspaceId, params.id);
      if (!customer) throw notFound("customer");
      return {
        customer: customerView(customer),
        conversations: await extras.conversationsOf(auth, customer.id),
        orders: auth.abilities.has("orders.view") ? await extras.ordersOf(auth, customer.id) : [],
      };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/customers/:id/reveal",
    summary: "Show the customer's full phone number and address (logged)",
    tags: ["customers"],
    access: "customers.reveal_contact",
    params: idParam,
    handler: async ({ auth, params }) => {
      const customer = await findCustomer(db, auth.agent.workspaceId, params.id);
      if (!customer) throw notFound("customer");
      await recordAudit(db, auth, "customer.reveal_contact", "customer", customer.id);
      return { customer: customerView(customer, true) };
    },
  });
}
