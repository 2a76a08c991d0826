import { describe, expect, it } from "vitest";
import { InterchangeError } from "./errors";
import { parseInterchangeLine } from "./parse";

const line = (value: unknown) => JSON.stringify(value);

function parse(value: unknown, at = 1) {
  return parseInterchangeLine(typeof value === "string" ? value : line(value), at);
}

/** The error a bad line raises: its one-line message, line and field. */
function failure(value: unknown, at = 1) {
  try {
    parse(value, at);
  } catch (err) {
    if (err instanceof InterchangeError) return { message: err.message, line: err.line, field: err.field };
    throw err;
  }
  throw new Error("expected the line to be refused");
}

const order = {
  type: "order",
  id: "o1",
  shop: "s1",
  customer: "c1",
  createdAt: "2026-09-01T10:05:00+08:00",
  paidAt: null,
  status: "created",
  items: [{ qty: 1, price: 12.5 }],
  total: 12.5,
};

describe("interchange records: one valid line per type", () => {
  it("shop, with the time zone defaulting to Asia/Shanghai", () => {
    expect(parse({ type: "shop", id: "s1", name: "瑞丽女坊" })).toEqual({
      type: "shop",
      id: "s1",
      name: "瑞丽女坊",
      timezone: "Asia/Shanghai",
    });
    expect(parse({ type: "shop", id: "s2", name: "Seoul", timezone: "Asia/Seoul", platform: "tmall" })).toEqual({
      type: "shop",
      id: "s2",
      name: "Seoul",
      timezone: "Asia/Seoul",
      platform: "tmall",
    });
  });

  it("agent and customer, optional fields absent or given", () => {
    expect(parse({ type: "agent", id: "a1", name: "小美", team: "presales" })).toEqual({
      type: "agent",
      id: "a1",
      name: "小美",
      team: "presales",
    });
    expect(parse({ type: "agent", id: "a2", name: "B", team: "aftersales", email: "b@shop.cn" })).toMatchObject({
      email: "b@shop.cn",
    });
    expect(parse({ type: "customer", id: "c1", nick: "tb_lily", birthday: "03-08" })).toEqual({
      type: "customer",
      id: "c1",
      nick: "tb_lily",
      birthday: "03-08",
    });
    expect(parse({ type: "customer", id: "c1", nick: "n", name: "李丽", phone: "139", birthday: "1996-02-29" })).toMatchObject(
      { name: "李丽", phone: "139", birthday: "1996-02-29" },
    );
  });

  it("product: prices become integer cents without float drift", () => {
    const product = parse({
      type: "product",
      id: "p1",
      shop: "s1",
      title: "T恤",
      category: "T恤",
      price: 1.15, // 1.15 * 100 = 114.99999999999999 in floating point
      floorPrice: 0.3,
      attributes: { material: "棉" },
      skus: [{ id: "k1", color: "白", size: "M", stock: 3 }, { id: "k2", stock: 0 }],
    });
    expect(product).toEqual({
      type: "product",
      id: "p1",
      shop: "s1",
      title: "T恤",
      category: "T恤",
      priceCents: 115,
      floorPriceCents: 30,
      attributes: { material: "棉" },
      skus: [{ id: "k1", color: "白", size: "M", stock: 3 }, { id: "k2", stock: 0 }],
    });
  });

  it("conversation and the three kinds of message", () => {
    expect(
      parse({ type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "aftersales", startedAt: "2026-09-01T02:00:00Z" }),
    ).toMatchObject({ team: "aftersales", startedAt: "2026-09-01T02:00:00Z" });
    const base = { type: "message", conversation: "v1", at: "2026-09-01T10:00:00+08:00", text: "在吗" };
    expect(parse({ ...base, from: "buyer" })).toEqual({ ...base, from: "buyer" });
    expect(parse({ ...base, from: "agent", agent: "a1", id: "m1" })).toEqual({ ...base, from: "agent", agent: "a1", id: "m1" });
    expect(parse({ ...base, from: "bot" })).toEqual({ ...base, from: "bot" });
    expect(parse({ ...base, from: "bot", agent: "a1" })).toMatchObject({ agent: "a1" }); // an agent's away reply
    expect(parse({ ...base, from: "buyer", agent: null })).toEqual({ ...base, from: "buyer" });
  });

  it("order: paidAt null or a time, every SPEC §3 status, money in cents", () => {
    expect(parse(order)).toEqual({
      type: "order",
      id: "o1",
      shop: "s1",
      customer: "c1",
      createdAt: "2026-09-01T10:05:00+08:00",
      paidAt: null,
      status: "created",
      items: [{ qty: 1, priceCents: 1250 }],
      totalCents: 1250,
    });
    const statuses = ["created", "awaiting_payment", "paid", "shipped", "delivered", "completed", "cancelled", "refunding", "refunded"];
    for (const status of statuses) expect(parse({ ...order, status })).toMatchObject({ status });
    expect(
      parse({
        ...order,
        paidAt: "2026-09-01T10:06:00.5+08:00",
        items: [{ product: "p1", sku: "k1", qty: 2, price: 1439.95 }],
        total: 2879.9,
        shippingFee: 10,
      }),
    ).toMatchObject({ paidAt: "2026-09-01T10:06:00.5+08:00", items: [{ product: "p1", sku: "k1", qty: 2, priceCents: 143995 }], totalCents: 287990, shippingFeeCents: 1000 });
  });

  it("return and review", () => {
    expect(
      parse({ type: "return", id: "r1", order: "o1", createdAt: "2026-09-05T09:00:00+08:00", kind: "refund_only", items: [{ qty: 1 }] }),
    ).toEqual({ type: "return", id: "r1", order: "o1", createdAt: "2026-09-05T09:00:00+08:00", kind: "refund_only", items: [{ qty: 1 }] });
    expect(
      parse({ type: "review", id: "v1", order: "o1", item: "p1", rating: "bad", at: "2026-09-08T20:00:00+08:00", text: "色差" }),
    ).toMatchObject({ rating: "bad", item: "p1", text: "色差" });
  });

  it("skips blank lines and a UTF-8 byte-order mark on line 1", () => {
    expect(parse("   ", 4)).toBeNull();
    expect(parseInterchangeLine(`\uFEFF${line({ type: "shop", id: "s1", name: "n" })}`, 1)).toMatchObject({ id: "s1" });
  });
});

describe("interchange records: every refusal names its line and field", () => {
  it("not JSON, not an object, no type, unknown type", () => {
    expect(failure("{oops", 3)).toEqual({ message: "line 3: not valid JSON", line: 3, field: null });
    expect(failure("[1,2]", 4)).toEqual({ message: "line 4: a record must be a JSON object", line: 4, field: null });
    expect(failure({ id: "x" }, 5)).toEqual({ message: 'line 5: missing "type"', line: 5, field: "type" });
    expect(failure({ type: "refund", id: "x" }, 7)).toEqual({ message: 'line 7: unknown type "refund"', line: 7, field: "type" });
  });

  it("unknown fields, also inside items, are refused before anything else", () => {
    expect(failure({ ...order, paid_at: "x", paidAt: undefined }, 9)).toEqual({
      message: "line 9: order.paid_at: unknown field",
      line: 9,
      field: "order.paid_at",
    });
    expect(failure({ ...order, items: [{ qty: 1, price: 1, colour: "红" }] }, 2).field).toBe("order.items[0].colour");
  });

  it("times must be ISO 8601 with an offset and a real date", () => {
    expect(failure({ ...order, paidAt: "2026-13-01" }, 12)).toEqual({
      message: 'line 12: order.paidAt: "2026-13-01" is not an ISO 8601 time with an offset',
      line: 12,
      field: "order.paidAt",
    });
    for (const bad of ["2026-09-01T10:00:00", "2026-02-30T10:00:00+08:00", "2026-09-01 10:00:00+08:00", "2026-09-01T24:00:00Z", "1725156000"]) {
      expect(failure({ ...order, createdAt: bad }).field).toBe("order.createdAt");
    }
    expect(failure({ ...order, createdAt: 1725156000 }).message).toBe("line 1: order.createdAt: expected a string, got number 1725156000");
  });

  it("paidAt is a required key, null allowed", () => {
    const { paidAt: _drop, ...unpaid } = order;
    expect(failure(unpaid, 6)).toEqual({ message: "line 6: order.paidAt: is required (null when unpaid)", line: 6, field: "order.paidAt" });
  });

  it("money: at most 2 decimals, not negative, a number", () => {
    expect(failure({ ...order, total: 12.345 }, 8)).toEqual({
      message: "line 8: order.total: 12.345 has more than 2 decimal places",
      line: 8,
      field: "order.total",
    });
    expect(failure({ ...order, total: 0.1 + 0.2 }).message).toContain("has more than 2 decimal places");
    expect(failure({ ...order, total: 1e-7 }).message).toContain("has more than 2 decimal places");
    expect(failure({ ...order, total: -1 }).message).toBe("line 1: order.total: -1 must not be negative");
    expect(failure({ ...order, total: "12.50" }).message).toBe('line 1: order.total: expected a number, got string "12.50"');
    expect(failure({ ...order, items: [{ qty: 1, price: 1.001 }] }).field).toBe("order.items[0].price");
    expect(failure({ ...order, total: 1e20 }).message).toContain("is too large");
  });

  it("enumerations: team, from, status, kind, rating", () => {
    expect(failure({ type: "agent", id: "a", name: "n", team: "sales" }).message).toBe(
      'line 1: agent.team: "sales" is not one of presales, aftersales',
    );
    expect(failure({ type: "message", conversation: "v", from: "seller", at: "2026-09-01T10:00:00Z", text: "" }).field).toBe(
      "message.from",
    );
    expect(failure({ ...order, status: "awaiting payment" }).field).toBe("order.status");
    expect(failure({ type: "return", id: "r", order: "o", createdAt: "2026-09-01T10:00:00Z", kind: "swap", items: [] }).field).toBe(
      "return.kind",
    );
    expect(failure({ type: "review", id: "r", order: "o", rating: 5, at: "2026-09-01T10:00:00Z" }).field).toBe("review.rating");
  });

  it("message: agent required from an agent, refused from a buyer", () => {
    const base = { type: "message", conversation: "v1", at: "2026-09-01T10:00:00+08:00", text: "好的" };
    expect(failure({ ...base, from: "agent" }, 10)).toEqual({
      message: 'line 10: message.agent: is required when from is "agent"',
      line: 10,
      field: "message.agent",
    });
    expect(failure({ ...base, from: "buyer", agent: "a1" }).field).toBe("message.agent");
  });

  it("shop time zone must be an IANA zone", () => {
    expect(failure({ type: "shop", id: "s", name: "n", timezone: "Mars/Olympus" }).message).toBe(
      'line 1: shop.timezone: "Mars/Olympus" is not an IANA time zone (e.g. Asia/Shanghai)',
    );
  });

  it("required fields, empty ids, whole numbers", () => {
    expect(failure({ type: "customer", id: "c1" }).message).toBe("line 1: customer.nick: is required");
    expect(failure({ type: "customer", id: "", nick: "n" }).message).toBe("line 1: customer.id: must not be empty");
    expect(failure({ ...order, items: [{ qty: 1.5, price: 1 }] }).message).toBe(
      "line 1: order.items[0].qty: expected a whole number, got number 1.5",
    );
    expect(failure({ ...order, items: [{ qty: 0, price: 1 }] }).message).toBe("line 1: order.items[0].qty: 0 must be at least 1");
    expect(
      failure({ type: "product", id: "p", shop: "s", title: "t", category: "c", price: 1, skus: [{ id: "k", stock: -1 }] }).field,
    ).toBe("product.skus[0].stock");
    expect(failure({ type: "customer", id: "c", nick: "n", birthday: "02-30" }).field).toBe("customer.birthday");
    expect(failure({ type: "agent", id: "a", name: "n", team: "presales", email: "nobody" }).field).toBe("agent.email");
    expect(failure({ type: "product", id: "p", shop: "s", title: "t", category: "c", price: 1, attributes: [], skus: [] }).field).toBe(
      "product.attributes",
    );
  });
});
