// A shop's promotions. The window is kept as the shop's wall-clock time (text
// "YYYY-MM-DDTHH:mm"), not as instants: "双11 00:00" stays the shop's midnight even if the
// shop changes its time zone (README.md). Kind-specific terms live in `params`, checked
// by the zod shapes in promotions.shapes.ts on the way in.
import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { PromotionKind, PromotionScope } from "./types";

export const promotions = pgTable(
  "promotions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    kind: text("kind").$type<PromotionKind>().notNull(),
    name: text("name").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    /** Shop wall-clock time, inclusive. */
    startsLocal: text("starts_local").notNull(),
    /** Shop wall-clock time, exclusive; null runs until switched off. */
    endsLocal: text("ends_local"),
    scope: jsonb("scope").$type<PromotionScope>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("promotions_shop_idx").on(t.workspaceId, t.shopId)],
);
