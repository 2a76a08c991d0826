// The common, well-formed record accepted without zod. An import reads every line
// twice and most lines are messages, conversations, customers and orders: zod's
// preprocess + strict object + refinements cost ~4× the JSON.parse of the line
// (bench/import.ts). These checks accept only records zod accepts too and build the
// same output; anything unusual (a null, an unknown field, a wrong type, a bad
// time) returns null and goes through zod, which also words the error. The test
// (quick-accept.test.ts) holds both to the same answers over valid and broken records.
import { decimalToCents } from "./money";
import {
  isBirthday,
  MESSAGE_SENDERS,
  ORDER_STATUSES,
  TEAMS,
  type ConversationRecord,
  type CustomerRecord,
  type InterchangeRecord,
  type MessageRecord,
  type OrderRecord,
} from "./records";
import { interchangeTimeMs } from "./times";

type Fields = Record<string, unknown>;

const SENDERS: ReadonlySet<unknown> = new Set(MESSAGE_SENDERS);
const STATUSES: ReadonlySet<unknown> = new Set(ORDER_STATUSES);
const TEAM_SET: ReadonlySet<unknown> = new Set(TEAMS);

const isId = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isTime = (value: unknown): value is string => typeof value === "string" && interchangeTimeMs(value) !== null;

/** Every key of `value` is one of `allowed` (strict objects refuse the rest). */
function onlyKeys(value: Fields, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

/** Integer cents of an amount, or null when zod should look at it. */
function cents(amount: unknown): number | null {
  if (typeof amount !== "number") return null;
  const result = decimalToCents(amount);
  return result.ok ? result.cents : null;
}

const MESSAGE_KEYS = new Set(["type", "conversation", "from", "agent", "at", "text", "id"]);

function message(v: Fields): MessageRecord | null {
  const { conversation, from, agent, at, text, id } = v;
  if (!onlyKeys(v, MESSAGE_KEYS) || !isId(conversation) || !SENDERS.has(from) || !isTime(at) || typeof text !== "string") return null;
  if (agent === undefined ? from === "agent" : !isId(agent) || from === "buyer") return null;
  if (id !== undefined && !isId(id)) return null;
  const record: Fields = { type: "message", conversation, from, at, text };
  if (agent !== undefined) record.agent = agent;
  if (id !== undefined) record.id = id;
  return record as MessageRecord;
}

const CONVERSATION_KEYS = new Set(["type", "id", "shop", "customer", "team", "startedAt"]);

function conversation(v: Fields): ConversationRecord | null {
  const { id, shop, customer, team, startedAt } = v;
  if (!onlyKeys(v, CONVERSATION_KEYS) || !isId(id) || !isId(shop) || !isId(customer) || !TEAM_SET.has(team) || !isTime(startedAt)) return null;
  return { type: "conversation", id, shop, customer, team, startedAt } as ConversationRecord;
}

const CUSTOMER_KEYS = new Set(["type", "id", "nick", "name", "phone", "birthday"]);

function customer(v: Fields): CustomerRecord | null {
  const { id, nick, name, phone, birthday } = v;
  if (!onlyKeys(v, CUSTOMER_KEYS) || !isId(id) || typeof nick !== "string") return null;
  const record: Fields = { type: "customer", id, nick };
  if (name !== undefined) {
    if (typeof name !== "string") return null;
    record.name = name;
  }
  if (phone !== undefined) {
    if (typeof phone !== "string") return null;
    record.phone = phone;
  }
  if (birthday !== undefined) {
    if (typeof birthday !== "string" || !isBirthday(birthday)) return null;
    record.birthday = birthday;
  }
  return record as CustomerRecord;
}

const ORDER_KEYS = new Set(["type", "id", "shop", "customer", "createdAt", "paidAt", "status", "items", "total", "shippingFee"]);
const ITEM_KEYS = new Set(["product", "sku", "qty", "price"]);

function orderItem(item: unknown): OrderRecord["items"][number] | null {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
  const v = item as Fields;
  const { product, sku, qty, price } = v;
  const priceCents = cents(price);
  if (!onlyKeys(v, ITEM_KEYS) || !Number.isSafeInteger(qty) || (qty as number) < 1 || priceCents === null) return null;
  const out: Fields = {};
  if (product !== undefined) {
    if (!isId(product)) return null;
    out.product = product;
  }
  if (sku !== undefined) {
    if (!isId(sku)) return null;
    out.sku = sku;
  }
  out.qty = qty;
  out.priceCents = priceCents;
  return out as OrderRecord["items"][number];
}

function order(v: Fields): OrderRecord | null {
  const { id, shop, customer, createdAt, paidAt, status, items, total, shippingFee } = v;
  if (!onlyKeys(v, ORDER_KEYS) || !isId(id) || !isId(shop) || !isId(customer) || !isTime(createdAt)) return null;
  if ((paidAt !== null && !isTime(paidAt)) || !STATUSES.has(status) || !Array.isArray(items)) return null;
  const totalCents = cents(total);
  if (totalCents === null) return null;
  const parsedItems: OrderRecord["items"] = [];
  for (const item of items) {
    const parsed = orderItem(item);
    if (!parsed) return null;
    parsedItems.push(parsed);
  }
  const record: Fields = { type: "order", id, shop, customer, createdAt, paidAt, status, items: parsedItems, totalCents };
  if (shippingFee !== undefined) {
    const fee = cents(shippingFee);
    if (fee === null) return null;
    record.shippingFeeCents = fee;
  }
  return record as OrderRecord;
}

const QUICK: Partial<Record<string, (value: Fields) => InterchangeRecord | null>> = { message, conversation, customer, order };

/** The record when it is plainly valid, else null (let zod decide and explain). */
export function quickAccept(value: Fields): InterchangeRecord | null {
  const type = value.type;
  if (typeof type !== "string" || !Object.hasOwn(QUICK, type)) return null;
  return QUICK[type]!(value);
}
