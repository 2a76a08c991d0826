import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readInterchange } from "./reader";
import type { InterchangeRecord } from "./records";
import { formatInterchangeRecord, writeInterchange } from "./writer";

const sample = join(import.meta.dirname, "fixtures", "sample.jsonl");

async function readRecords(input: NodeJS.ReadableStream | string): Promise<InterchangeRecord[]> {
  const out: InterchangeRecord[] = [];
  for await (const { record } of readInterchange(input)) out.push(record);
  return out;
}

async function writeToText(records: InterchangeRecord[]): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  await writeInterchange(records, sink);
  sink.end();
  return Buffer.concat(chunks).toString("utf8");
}

describe("writeInterchange", () => {
  it("import → export → import gives the same records", async () => {
    const first = await readRecords(sample);
    const text = await writeToText(first);
    const second = await readRecords(Readable.from([text]));
    expect(second).toEqual(first);
    expect(text.split("\n").filter(Boolean)).toHaveLength(first.length);
  });

  it("writes exactly the source lines back when they are already in contract form", async () => {
    const source = readFileSync(sample, "utf8").split("\n").filter((l) => l.trim() !== "");
    const written = (await writeToText(await readRecords(sample))).trimEnd().split("\n");
    expect(written).toEqual(source);
  });

  it("money as decimal numbers with at most 2 decimals, fields in contract order, absent optionals left out", () => {
    const line = formatInterchangeRecord({
      type: "order",
      id: "o1",
      shop: "s1",
      customer: "c1",
      createdAt: "2026-09-01T10:00:00+08:00",
      paidAt: null,
      status: "awaiting_payment",
      items: [{ qty: 1, priceCents: 1250 }],
      totalCents: 287990,
    });
    expect(line).toBe(
      '{"type":"order","id":"o1","shop":"s1","customer":"c1","createdAt":"2026-09-01T10:00:00+08:00","paidAt":null,' +
        '"status":"awaiting_payment","items":[{"qty":1,"price":12.5}],"total":2879.9}',
    );
    expect(formatInterchangeRecord({ type: "product", id: "p", shop: "s", title: "t", category: "c", priceCents: 115, skus: [] })).toBe(
      '{"type":"product","id":"p","shop":"s","title":"t","category":"c","price":1.15,"skus":[]}',
    );
    expect(
      formatInterchangeRecord({ type: "message", conversation: "v", from: "agent", agent: "a1", at: "2026-09-01T10:00:00Z", text: "亲", id: "m" }),
    ).toBe('{"type":"message","conversation":"v","from":"agent","agent":"a1","at":"2026-09-01T10:00:00Z","text":"亲","id":"m"}');
  });

  it("every cent amount survives the trip through a decimal number", async () => {
    const amounts = [0, 1, 5, 10, 99, 101, 115, 1005, 287990, 123456789, 999999999999];
    const records: InterchangeRecord[] = amounts.map((cents, i) => ({
      type: "product",
      id: `p${i}`,
      shop: "s",
      title: "t",
      category: "c",
      priceCents: cents,
      skus: [],
    }));
    const back = await readRecords(Readable.from([await writeToText(records)]));
    expect(back.map((r) => (r.type === "product" ? r.priceCents : -1))).toEqual(amounts);
  });
});
