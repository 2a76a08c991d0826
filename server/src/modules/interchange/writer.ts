// Records back to interchange lines: fields in the contract's order, money as
// decimal numbers (12.5, not "12.50"), optional fields left out when absent.
// Reading what this writes gives back the same records.
import { once } from "node:events";
import { centsToDecimal } from "./money";
import type { InterchangeRecord, OrderRecord, ProductRecord } from "./records";

/** Drop absent optional fields while keeping the key order given. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

const decimalOrAbsent = (cents: number | undefined) => (cents === undefined ? undefined : centsToDecimal(cents));

function productFields(r: ProductRecord) {
  return {
    type: r.type,
    id: r.id,
    shop: r.shop,
    title: r.title,
    category: r.category,
    price: centsToDecimal(r.priceCents),
    floorPrice: decimalOrAbsent(r.floorPriceCents),
    attributes: r.attributes,
    skus: r.skus.map((s) => present({ id: s.id, color: s.color, size: s.size, stock: s.stock })),
  };
}

function orderFields(r: OrderRecord) {
  return {
    type: r.type,
    id: r.id,
    shop: r.shop,
    customer: r.customer,
    createdAt: r.createdAt,
    paidAt: r.paidAt,
    status: r.status,
    items: r.items.map((i) =>
      present({ product: i.product, sku: i.sku, qty: i.qty, price: centsToDecimal(i.priceCents) }),
    ),
    total: centsToDecimal(r.totalCents),
    shippingFee: decimalOrAbsent(r.shippingFeeCents),
  };
}

function contractFields(r: InterchangeRecord): Record<string, unknown> {
  switch (r.type) {
    case "shop":
      return { type: r.type, id: r.id, name: r.name, timezone: r.timezone, platform: r.platform };
    case "agent":
      return { type: r.type, id: r.id, name: r.name, team: r.team, email: r.email };
    case "customer":
      return { type: r.type, id: r.id, nick: r.nick, name: r.name, phone: r.phone, birthday: r.birthday };
    case "product":
      return productFields(r);
    case "conversation":
      return {
        type: r.type,
        id: r.id,
        shop: r.shop,
        customer: r.customer,
        team: r.team,
        startedAt: r.startedAt,
      };
    case "message":
      return { type: r.type, conversation: r.conversation, from: r.from, agent: r.agent, at: r.at, text: r.text, id: r.id };
    case "order":
      return orderFields(r);
    case "return":
      return {
        type: r.type,
        id: r.id,
        order: r.order,
        createdAt: r.createdAt,
        kind: r.kind,
        items: r.items.map((i) => present({ sku: i.sku, qty: i.qty })),
        reason: r.reason,
      };
    case "review":
      return { type: r.type, id: r.id, order: r.order, item: r.item, rating: r.rating, at: r.at, text: r.text };
  }
}

/** One record as one line of JSON, without the line break. */
export function formatInterchangeRecord(record: InterchangeRecord): string {
  return JSON.stringify(present(contractFields(record)));
}

/**
 * Write records as JSON Lines, waiting whenever the output is full so that an
 * export of millions of rows does not pile up in memory. Does not end the
 * output (it may be stdout). Returns the number of records written.
 */
export async function writeInterchange(
  records: Iterable<InterchangeRecord> | AsyncIterable<InterchangeRecord>,
  output: NodeJS.WritableStream,
): Promise<number> {
  let count = 0;
  for await (const record of records) {
    if (!output.write(`${formatInterchangeRecord(record)}\n`)) await once(output as NodeJS.EventEmitter, "drain");
    count += 1;
  }
  return count;
}
