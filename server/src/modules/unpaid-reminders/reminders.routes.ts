// 催付 over HTTP: every agent sees the unpaid list and each order's send form and sends
// reminders (orders.update); the recovery rate for the page; owners rewrite the shop's
// templates (shops.manage; the timing rules are shop settings, PATCH /api/v1/shops/{id}).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { AuthContext } from "../../platform/auth/auth-context";
import { HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { dayKey } from "../../platform/time/zone";
import type { ChatDeps } from "../conversations";
import { findShop, updateShop } from "../workspace";
import { recoveryReport } from "./recovery";
import { checkTemplateText, MAX_TEXT, sendByHand } from "./reminders.service";
import { reminderForm, unpaidList } from "./reminders.views";
import { DEFAULT_REMINDER_RULES, MAX_REMINDERS, reminderRulesOf } from "./rules";
import { REMINDER_VARIABLES, shopTemplates } from "./templates";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export function registerUnpaidReminderRoutes(app: FastifyInstance, deps: ChatDeps): void {
  const { db } = deps;

  async function shopOf(auth: AuthContext, ref: string, field = "shop") {
    const shop = await findShop(db, auth.agent.workspaceId, ref);
    if (!shop) throw new HttpError(400, "invalid", "No such shop", field);
    return shop;
  }

  route(app, {
    method: "GET",
    url: "/api/v1/unpaid-reminders",
    summary: "Created-but-unpaid orders, newest first: age, the buyer's last chat, reminders sent, the next automatic one",
    tags: ["unpaid-reminders"],
    access: "orders.view",
    query: z.strictObject({ shop: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }),
    handler: async ({ auth, query }) => {
      const shop = query.shop ? await shopOf(auth, query.shop) : undefined;
      return { items: await unpaidList(db, auth, shop?.id, query.limit), maxReminders: MAX_REMINDERS };
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/unpaid-reminders/orders/:id",
    summary: "One order's reminder form: each template filled for it (missing values named), where it would go, what stops it now",
    tags: ["unpaid-reminders"],
    access: "orders.view",
    params: idParams,
    query: z.strictObject({ conversationId: z.string().max(100).optional() }),
    handler: async ({ auth, params, query }) => reminderForm(db, auth, params.id, query.conversationId),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/unpaid-reminders/orders/:id/send",
    summary: "Send a reminder as the agent into the buyer's conversation (the given one, their open one, or a new one); at most 2 per order, not in quiet hours",
    tags: ["unpaid-reminders"],
    access: "orders.update",
    status: 201,
    params: idParams,
    body: z.strictObject({
      template: z.string().max(40).nullable().optional(),
      text: z.string().max(MAX_TEXT * 2),
      conversationId: z.string().max(100).optional(),
    }),
    handler: async ({ auth, params, body }) => sendByHand(deps, auth, params.id, body),
  });

  route(app, {
    method: "GET",
    url: "/api/v1/unpaid-reminders/recovery",
    summary: "Recovery rate of a shop's reminders over shop days: reminded orders paid afterwards / reminded orders, by hand, automatic and per agent",
    tags: ["unpaid-reminders"],
    access: "orders.view",
    query: z.strictObject({ shop: z.string().min(1).max(100), from: localDay.optional(), to: localDay.optional() }),
    handler: async ({ auth, query }) => {
      const shop = await shopOf(auth, query.shop);
      const now = Date.now();
      // The last 30 shop days by default.
      const to = query.to ?? dayKey(now, shop.timezone);
      const from = query.from ?? dayKey(now - 29 * 86_400_000, shop.timezone);
      // Everyone's rows for those who read the team's figures; an agent sees their own.
      const only = auth.abilities.has("reports.view_all") ? null : auth.agent.id;
      const report = await recoveryReport(db, auth.agent.workspaceId, shop, from, to, only);
      if (!report) throw new HttpError(400, "invalid", "from: must not be after to", "from");
      return report;
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/unpaid-reminders/settings",
    summary: "A shop's reminder rules as they take effect and its templates (its own texts over the built-in ones)",
    tags: ["unpaid-reminders"],
    access: "orders.view",
    query: z.strictObject({ shop: z.string().min(1).max(100) }),
    handler: async ({ auth, query }) => {
      const shop = await shopOf(auth, query.shop);
      return { shopId: shop.id, timeZone: shop.timezone, rules: reminderRulesOf(shop.settings), defaults: DEFAULT_REMINDER_RULES, maxReminders: MAX_REMINDERS, variables: REMINDER_VARIABLES, templates: shopTemplates(shop.settings) };
    },
  });

  route(app, {
    method: "PUT",
    url: "/api/v1/unpaid-reminders/templates/:key",
    summary: "Rewrite one template for a shop (only known {variables}); text null goes back to the built-in one",
    tags: ["unpaid-reminders"],
    access: "shops.manage",
    params: z.strictObject({ key: z.string().max(40) }),
    body: z.strictObject({ shop: z.string().min(1).max(100), text: z.string().max(600).nullable() }),
    handler: async ({ auth, params, body }) => {
      const shop = await shopOf(auth, body.shop);
      if (!shopTemplates(shop.settings).some((t) => t.key === params.key)) throw new HttpError(400, "invalid", "key: no such template", "key");
      const stored = (shop.settings.unpaidReminders ?? {}) as Record<string, unknown>;
      const own = { ...((stored.templates ?? {}) as Record<string, string>) };
      if (body.text === null) delete own[params.key];
      else own[params.key] = checkTemplateText(body.text);
      // Kept under the shop's reminder settings; PATCH /shops merges that group key by key, so it stays.
      const updated = await updateShop(db, auth.agent.workspaceId, shop.id, { settings: { ...shop.settings, unpaidReminders: { ...stored, templates: own } } });
      await recordAudit(db, auth, "unpaid_reminders.template", "shop", shop.id, { key: params.key, reset: body.text === null });
      return { templates: shopTemplates(updated!.settings) };
    },
  });
}
