// Orders and after-sales returns as the shop's system reports them.
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export type OrderStatus =
  | "created"
  | "awaiting_payment"
  | "paid"
  | "shipped"
  | "delivered"
  | "completed"
  | "cancelled"
  | "refunding"
  | "refunded";

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    customerId: text("customer_id").notNull(),
    externalId: text("external_id"),
    status: text("status").$type<OrderStatus>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** Handed to the courier, and signed for by the buyer: the 7-day return runs from delivery. */
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    totalCents: integer("total_cents").notNull(),
    shippingFeeCents: integer("shipping_fee_cents"),
  },
  (t) => [
    index("orders_customer_idx").on(t.workspaceId, t.customerId),
    index("orders_shop_created_idx").on(t.shopId, t.createdAt),
    uniqueIndex("orders_external_idx").on(t.workspaceId, t.externalId),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    productId: text("product_id"),
    skuId: text("sku_id"),
    qty: integer("qty").notNull(),
    priceCents: integer("price_cents").notNull(),
  },
  (t) => [index("order_items_order_idx").on(t.orderId)],
);

export const returns = pgTable(
  "returns",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    orderId: text("order_id").notNull(),
    externalId: text("external_id"),
    kind: text("kind").$type<"return" | "exchange" | "refund_only">().notNull(),
    items: jsonb("items").$type<{ skuId: string | null; qty: number }[]>().notNull().default([]),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("returns_order_idx").on(t.orderId), uniqueIndex("returns_external_idx").on(t.workspaceId, t.externalId)],
);
