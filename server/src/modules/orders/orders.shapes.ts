// What the shop's system sends: an order (POST /api/v1/orders, the inbound webhook) and
// logistics events. Money is a decimal in the shop's currency as in the interchange file
// (CONTRACTS §3), at most two places, never negative; quantities are whole and positive.
import { z } from "zod";
import { decimalToCents } from "../interchange";
import { ORDER_STATUSES } from "../interchange";

const isoTime = z.iso.datetime({ offset: true });

const money = z.number().transform((amount, ctx) => {
  const result = decimalToCents(amount);
  if (result.ok && result.cents >= 0) return result.cents;
  ctx.issues.push({ code: "custom", message: result.ok ? "must not be negative" : result.problem, input: amount });
  return z.NEVER;
});

export const recipientShape = z.strictObject({
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().regex(/^[+\d][\d\s-]{5,19}$/, "a phone number"),
  address: z.string().trim().min(5).max(300),
});

export const orderItemShape = z.strictObject({
  /** The shop's product id or QinDesk's. */
  product: z.string().min(1).max(100).optional(),
  sku: z.string().min(1).max(100).optional(),
  qty: z.number().int().min(1).max(9999),
  price: money,
});

export const inboundOrderShape = z.strictObject({
  /** The shop's order number: sending it again updates the order. */
  id: z.string().min(1).max(100),
  shop: z.string().min(1).max(100),
  /** The shop's buyer id (旺旺 nick id) or QinDesk's customer id. */
  customer: z.string().min(1).max(100),
  /** Shown for a buyer QinDesk does not know yet. */
  customerNick: z.string().trim().min(1).max(100).optional(),
  status: z.enum(ORDER_STATUSES),
  createdAt: isoTime,
  paidAt: isoTime.nullable().optional(),
  shippedAt: isoTime.nullable().optional(),
  deliveredAt: isoTime.nullable().optional(),
  items: z.array(orderItemShape).min(1).max(200),
  total: money.optional(),
  shippingFee: money.optional(),
  recipient: recipientShape.optional(),
  courier: z.string().trim().min(1).max(50).optional(),
  trackingNo: z.string().trim().min(1).max(60).optional(),
});
export type InboundOrder = z.infer<typeof inboundOrderShape>;

export const LOGISTICS_STATUSES = ["picked_up", "in_transit", "out_for_delivery", "delivered", "exception"] as const;

export const logisticsEventShape = z.strictObject({
  /** The courier's or shop's event id: the same event sent twice is kept once. */
  id: z.string().min(1).max(100).optional(),
  at: isoTime,
  /** Where the parcel is: 杭州. */
  location: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().min(1).max(300),
  status: z.enum(LOGISTICS_STATUSES).optional(),
});
export type LogisticsEventInput = z.infer<typeof logisticsEventShape>;

export const logisticsBody = z.strictObject({ events: z.array(logisticsEventShape).min(1).max(100) });
