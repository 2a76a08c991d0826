// The quick path must never accept what zod refuses, nor build a different record.
// Every valid record below and hundreds of broken variants of it go through both.
import { describe, expect, it } from "vitest";
import { parseRecord } from "./parse";
import { quickAccept } from "./quick-accept";
import { isRecordType, recordSchemas } from "./records";

type Fields = Record<string, unknown>;

const VALID: Fields[] = [
  { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: "在吗" },
  { type: "message", conversation: "v1", from: "agent", agent: "a1", at: "2026-09-01T02:00:00.5Z", text: "在的", id: "m1" },
  { type: "message", conversation: "v1", from: "bot", agent: "a1", at: "2026-09-01T10:00+0800", text: "" },
  { type: "message", conversation: "v1", from: "bot", at: "2026-09-01T10:00:00-05", text: "自动回复" },
  { type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "presales", startedAt: "2026-09-01T10:00:00+08:00" },
  { type: "conversation", id: "v2", shop: "s1", customer: "c1", team: "aftersales", startedAt: "2026-09-01T02:00:00Z" },
  { type: "customer", id: "c1", nick: "买家" },
  { type: "customer", id: "c2", nick: "", name: "张三", phone: "13812341234", birthday: "1990-02-28" },
  { type: "customer", id: "c3", nick: "b", birthday: "02-29" },
  {
    type: "order", id: "o1", shop: "s1", customer: "c1", createdAt: "2026-09-01T10:00:00+08:00", paidAt: null,
    status: "awaiting_payment", items: [{ qty: 1, price: 59.9 }], total: 59.9,
  },
  {
    type: "order", id: "o2", shop: "s1", customer: "c1", createdAt: "2026-09-01T10:00:00+08:00", paidAt: "2026-09-01T10:05:00+08:00",
    status: "paid", items: [{ product: "p1", sku: "k1", qty: 2, price: 1.15 }, { sku: "k2", qty: 1, price: 0 }], total: 2.3, shippingFee: 10,
  },
  { type: "order", id: "o3", shop: "s1", customer: "c1", createdAt: "2026-09-01T10:00:00Z", paidAt: null, status: "cancelled", items: [], total: 0 },
];

const ODD_VALUES: unknown[] = [null, undefined, "", "x", 0, -1, 1.5, 1.234, 1e21, true, [], {}, "2026-02-30T10:00:00+08:00", "2026-09-01 10:00:00+08:00", "agent", "buyer", "bot", "paid", "presales", "13-01", "__proto__"];

/** The valid record with one field changed, removed or added, for every field and odd value. */
function* variants(record: Fields): Generator<Fields> {
  for (const key of [...Object.keys(record), "unknown", "paid_at", "agent", "id", "name", "shippingFee"]) {
    for (const value of ODD_VALUES) {
      const copy = structuredClone(record);
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      yield copy;
    }
  }
  const items = record.items as Fields[] | undefined;
  for (const [i, item] of (items ?? []).entries()) {
    for (const key of [...Object.keys(item), "product", "sku", "extra"]) {
      for (const value of ODD_VALUES) {
        const copy = structuredClone(record);
        const target = (copy.items as Fields[])[i];
        if (value === undefined) delete target[key];
        else target[key] = value;
        yield copy;
      }
    }
    for (const value of ODD_VALUES) {
      const copy = structuredClone(record);
      (copy.items as unknown[])[i] = value;
      yield copy;
    }
  }
}

/** What zod says; a record of another or no type stands for any refusal. */
function zodAnswer(record: Fields) {
  if (!isRecordType(record.type)) return { success: false as const, data: undefined };
  return recordSchemas[record.type].safeParse(structuredClone(record));
}

describe("quick accept", () => {
  it("takes every plainly valid record and builds exactly what zod builds", () => {
    for (const record of VALID) {
      const quick = quickAccept(structuredClone(record));
      const zod = zodAnswer(record);
      expect(zod.success, JSON.stringify(record)).toBe(true);
      expect(quick, JSON.stringify(record)).toEqual(zod.data);
    }
  });

  it("never accepts a variant zod refuses, and agrees on every one it accepts", () => {
    let accepted = 0;
    let refused = 0;
    for (const base of VALID) {
      for (const record of variants(base)) {
        const quick = quickAccept(structuredClone(record));
        const zod = zodAnswer(record);
        if (quick === null) {
          refused += 1;
          continue;
        }
        accepted += 1;
        expect(zod.success, JSON.stringify(record)).toBe(true);
        expect(quick, JSON.stringify(record)).toEqual(zod.data);
      }
    }
    // Both kinds occur: the variants do exercise the quick path and its refusals.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(500);
  });

  it("leaves the wording of errors to zod", () => {
    const broken = { ...VALID[9], paid_at: "2026-09-01T10:05:00+08:00" };
    expect(quickAccept(broken)).toBeNull();
    expect(() => parseRecord(broken, 7)).toThrow("line 7: order.paid_at: unknown field");
  });
});
