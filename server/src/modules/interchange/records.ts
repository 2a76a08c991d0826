// The records of the interchange file (CONTRACTS.md §3), one zod schema per
// `type`. Inputs are strict: an unknown field is far more often a typo
// ("paid_at") than data we may drop. Money is turned into integer cents and the
// money fields are renamed (`total` → `totalCents`) so nobody mistakes one for
// the other; times keep their original text (it carries the source's offset).
import { z } from "zod";
import { isValidTimeZone, parseLocalDate } from "../../platform/time/zone";
import { decimalToCents } from "./money";
import { interchangeTimeMs } from "./times";

export const DEFAULT_SHOP_TIMEZONE = "Asia/Shanghai";
export const TEAMS = ["presales", "aftersales"] as const;
export const MESSAGE_SENDERS = ["buyer", "agent", "bot"] as const;
/** SPEC §3 order statuses, spelled in snake_case ("awaiting payment" → awaiting_payment). */
export const ORDER_STATUSES = [
  "created",
  "awaiting_payment",
  "paid",
  "shipped",
  "delivered",
  "completed",
  "cancelled",
  "refunding",
  "refunded",
] as const;
export const RETURN_KINDS = ["return", "exchange", "refund_only"] as const;
export const REVIEW_RATINGS = ["good", "neutral", "bad"] as const;

/**
 * Optional fields written as `null` are read as absent: exporters in other
 * systems often write every column. `paidAt` is the exception: its null means
 * "not paid" and the key itself is required.
 */
function nullAsAbsent(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null || key === "paidAt") copy[key] = field;
  }
  return copy;
}

const id = z.string().min(1);
const time = z.string().refine((text) => interchangeTimeMs(text) !== null, "is not an ISO 8601 time with an offset");
const team = z.enum(TEAMS);
const quantity = z.number().int().min(1);

const money = z.number().transform((amount, ctx) => {
  const result = decimalToCents(amount);
  if (result.ok) return result.cents;
  ctx.issues.push({ code: "custom", message: result.problem, input: amount });
  return z.NEVER;
});

const timezone = z
  .string()
  .refine((zone) => isValidTimeZone(zone) && zone.trim() !== "", "is not an IANA time zone (e.g. Asia/Shanghai)");

// Birthday greetings need only month and day, so "MM-DD" is accepted beside a full date.
export function isBirthday(text: string): boolean {
  if (parseLocalDate(text)) return true;
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  return m !== null && parseLocalDate(`2000-${m[1]}-${m[2]}`) !== null;
}
const birthday = z.string().refine(isBirthday, "is not a date (YYYY-MM-DD or MM-DD)");

const email = z.string().refine((text) => /^[^\s@]+@[^\s@]+$/.test(text), "is not an email address");

export const shopSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({
    type: z.literal("shop"),
    id,
    name: z.string(),
    timezone: timezone.default(DEFAULT_SHOP_TIMEZONE),
    platform: z.string().optional(),
  }),
);

export const agentSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({ type: z.literal("agent"), id, name: z.string(), team, email: email.optional() }),
);

export const customerSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({
    type: z.literal("customer"),
    id,
    nick: z.string(),
    name: z.string().optional(),
    phone: z.string().optional(),
    birthday: birthday.optional(),
  }),
);

const skuSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({
    id,
    color: z.string().optional(),
    size: z.string().optional(),
    stock: z.number().int().min(0),
  }),
);

export const productSchema = z.preprocess(
  nullAsAbsent,
  z
    .strictObject({
      type: z.literal("product"),
      id,
      shop: id,
      title: z.string(),
      category: z.string(),
      price: money,
      floorPrice: money.optional(),
      attributes: z.record(z.string(), z.unknown()).optional(),
      skus: z.array(skuSchema),
    })
    .transform(({ price, floorPrice, attributes, skus, ...rest }) => ({
      ...rest,
      priceCents: price,
      ...(floorPrice !== undefined && { floorPriceCents: floorPrice }),
      ...(attributes !== undefined && { attributes }),
      skus,
    })),
);

export const conversationSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({ type: z.literal("conversation"), id, shop: id, customer: id, team, startedAt: time }),
);

export const messageSchema = z.preprocess(
  nullAsAbsent,
  z
    .strictObject({
      type: z.literal("message"),
      conversation: id,
      from: z.enum(MESSAGE_SENDERS),
      agent: id.optional(),
      at: time,
      text: z.string(),
      id: id.optional(),
    })
    .superRefine((message, ctx) => {
      // A bot message may name an agent: per-agent away replies are bots speaking for one agent.
      if (message.from === "agent" && message.agent === undefined) {
        ctx.addIssue({ code: "custom", path: ["agent"], message: 'is required when from is "agent"' });
      } else if (message.from === "buyer" && message.agent !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["agent"],
          message: 'is only allowed when from is "agent" or "bot"',
          input: message.agent,
        });
      }
    }),
);

const orderItemSchema = z.preprocess(
  nullAsAbsent,
  z
    .strictObject({ product: id.optional(), sku: id.optional(), qty: quantity, price: money })
    .transform(({ price, ...rest }) => ({ ...rest, priceCents: price })),
);

export const orderSchema = z.preprocess(
  nullAsAbsent,
  z
    .strictObject({
      type: z.literal("order"),
      id,
      shop: id,
      customer: id,
      createdAt: time,
      paidAt: time.nullable(),
      status: z.enum(ORDER_STATUSES),
      items: z.array(orderItemSchema),
      total: money,
      shippingFee: money.optional(),
    })
    .transform(({ total, shippingFee, ...rest }) => ({
      ...rest,
      totalCents: total,
      ...(shippingFee !== undefined && { shippingFeeCents: shippingFee }),
    })),
);

const returnItemSchema = z.preprocess(nullAsAbsent, z.strictObject({ sku: id.optional(), qty: quantity }));

export const returnSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({
    type: z.literal("return"),
    id,
    order: id,
    createdAt: time,
    kind: z.enum(RETURN_KINDS),
    items: z.array(returnItemSchema),
    reason: z.string().optional(),
  }),
);

export const reviewSchema = z.preprocess(
  nullAsAbsent,
  z.strictObject({
    type: z.literal("review"),
    id,
    order: id,
    item: id.optional(),
    rating: z.enum(REVIEW_RATINGS),
    at: time,
    text: z.string().optional(),
  }),
);

export const recordSchemas = {
  shop: shopSchema,
  agent: agentSchema,
  customer: customerSchema,
  product: productSchema,
  conversation: conversationSchema,
  message: messageSchema,
  order: orderSchema,
  return: returnSchema,
  review: reviewSchema,
} as const;

export type RecordType = keyof typeof recordSchemas;
export const RECORD_TYPES = Object.keys(recordSchemas) as RecordType[];

export type ShopRecord = z.infer<typeof shopSchema>;
export type AgentRecord = z.infer<typeof agentSchema>;
export type CustomerRecord = z.infer<typeof customerSchema>;
export type ProductRecord = z.infer<typeof productSchema>;
export type ConversationRecord = z.infer<typeof conversationSchema>;
export type MessageRecord = z.infer<typeof messageSchema>;
export type OrderRecord = z.infer<typeof orderSchema>;
export type ReturnRecord = z.infer<typeof returnSchema>;
export type ReviewRecord = z.infer<typeof reviewSchema>;
export type InterchangeRecord =
  | ShopRecord
  | AgentRecord
  | CustomerRecord
  | ProductRecord
  | ConversationRecord
  | MessageRecord
  | OrderRecord
  | ReturnRecord
  | ReviewRecord;
export type Team = (typeof TEAMS)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === "string" && Object.hasOwn(recordSchemas, value);
}
