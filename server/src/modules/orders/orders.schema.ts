// Orders and after-sales returns as the shop's system reports them.
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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
    /** Where it ships: the recipient may differ from the buyer's own contact. */
    recipientName: text("recipient_name"),
    recipientPhone: text("recipient_phone"),
    shippingAddress: text("shipping_address"),
    /** The buyer confirmed (or corrected) the address in the chat after paying (seed 000, 003). */
    addressVerifiedAt: timestamp("address_verified_at", { withTimezone: true }),
    /** 订单备注 for the warehouse (seed 000, 002): shown on the order and in the pick list. */
    remark: text("remark"),
    remarkBy: text("remark_by"),
    remarkAt: timestamp("remark_at", { withTimezone: true }),
    /** The courier it ships with; a buyer-chosen one may cost a surcharge (shop settings). */
    courier: text("courier"),
    courierSurchargeCents: integer("courier_surcharge_cents"),
    trackingNo: text("tracking_no"),
    /** 满减 and coupons taken off at checkout (storefront orders), in fen. */
    discountCents: integer("discount_cents"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** True while QinDesk holds this order's stock (taken at creation, put back on cancel). */
    stockHeld: boolean("stock_held").notNull().default(false),
    /** api, storefront, import, replacement — where the order came from. */
    source: text("source").notNull().default("import"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_customer_idx").on(t.workspaceId, t.customerId),
    index("orders_shop_created_idx").on(t.shopId, t.createdAt),
    index("orders_shop_status_idx").on(t.workspaceId, t.shopId, t.status),
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

/** The order's timeline: status changes, logistics events (pushed by API or simulated), actions. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** status, logistics, address, sku, remark, courier */
    kind: text("kind").notNull(),
    status: text("status"),
    /** Where the parcel is (logistics events): 杭州. */
    location: text("location"),
    description: text("description").notNull(),
    /** Who did it (an agent), null for the shop's system, the courier or the buyer. */
    agentId: text("agent_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** The sender's id of a pushed event: the same event pushed twice is stored once. */
    externalId: text("external_id"),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.at), uniqueIndex("order_events_external_idx").on(t.orderId, t.externalId)],
);

/**
 * Something the agent asks the buyer to confirm in the chat: the address after payment, a
 * colour/size change. The message in the chat points here; this row holds the state.
 */
export const orderActions = pgTable(
  "order_actions",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    /** address_check, sku_change */
    kind: text("kind").notNull(),
    /** pending, confirmed, corrected, declined, withdrawn, failed */
    state: text("state").notNull().default("pending"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb("result").$type<Record<string, unknown>>(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("order_actions_order_idx").on(t.orderId), index("order_actions_conversation_idx").on(t.conversationId)],
);

/** Every 催付 reminder sent, by hand or by the automatic sequence (recovery rate = reminded orders paid afterwards). */
export const unpaidReminders = pgTable(
  "unpaid_reminders",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id"),
    messageId: text("message_id"),
    /** 1 or 2: an order gets at most two. */
    ordinal: integer("ordinal").notNull(),
    automatic: boolean("automatic").notNull(),
    agentId: text("agent_id"),
    template: text("template"),
    text: text("text").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("unpaid_reminders_order_ordinal_idx").on(t.orderId, t.ordinal), index("unpaid_reminders_shop_idx").on(t.workspaceId, t.shopId, t.sentAt)],
);

/** Signed webhooks: what was sent to the shop's system and how it went, and what came in (replays refused). */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    shopId: text("shop_id").notNull(),
    event: text("event").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** pending, delivered, failed (gave up) */
    state: text("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_shop_idx").on(t.workspaceId, t.shopId, t.createdAt)],
);

export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    shopId: text("shop_id").notNull(),
    /** The sender's delivery id (X-QinDesk-Delivery): seen once, refused after. */
    deliveryId: text("delivery_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("webhook_receipts_idx").on(t.shopId, t.deliveryId)],
);
