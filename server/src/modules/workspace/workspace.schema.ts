// Workspaces own everything; a shop is one storefront of a workspace with its own time
// zone (days, months and cut-offs are computed in it) and currency.
import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const workspaces = pgTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const shops = pgTable(
  "shops",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    /** The source system's id (interchange file), unique per workspace. */
    externalId: text("external_id"),
    name: text("name").notNull(),
    platform: text("platform").notNull().default("taobao"),
    timezone: text("timezone").notNull().default("Asia/Shanghai"),
    currency: text("currency").notNull().default("CNY"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /** Secret the shop's server uses to sign buyer identities for the widget. */
    widgetSecret: text("widget_secret").notNull(),
    /** Secret for order webhooks both ways (HMAC-SHA256 over timestamp and body); null until set up. */
    webhookSecret: text("webhook_secret"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("shops_workspace_idx").on(t.workspaceId), uniqueIndex("shops_external_idx").on(t.workspaceId, t.externalId)],
);
