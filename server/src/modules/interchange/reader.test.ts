import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { InterchangeError } from "./errors";
import { readInterchange, type InterchangeLine } from "./reader";

const sample = join(import.meta.dirname, "fixtures", "sample.jsonl");
const dir = mkdtempSync(join(tmpdir(), "qindesk-interchange-"));

async function readAll(input: NodeJS.ReadableStream | string): Promise<InterchangeLine[]> {
  const out: InterchangeLine[] = [];
  for await (const item of readInterchange(input)) out.push(item);
  return out;
}

async function refusal(input: NodeJS.ReadableStream | string): Promise<InterchangeError> {
  try {
    await readAll(input);
  } catch (err) {
    if (err instanceof InterchangeError) return err;
    throw err;
  }
  throw new Error("expected the file to be refused");
}

const shop = '{"type":"shop","id":"s1","name":"n"}';
const customer = '{"type":"customer","id":"c1","nick":"n"}';

describe("readInterchange", () => {
  it("reads every record type of a file in order, with line numbers, skipping blank lines", async () => {
    const lines = await readAll(sample);
    expect(lines.map((l) => [l.line, l.record.type])).toEqual([
      [1, "shop"],
      [2, "agent"],
      [3, "agent"],
      [4, "customer"],
      [5, "customer"],
      [6, "product"],
      [8, "conversation"],
      [9, "message"],
      [10, "message"],
      [11, "message"],
      [12, "order"],
      [13, "order"],
      [14, "return"],
      [15, "review"],
    ]);
    expect(lines[10]?.record).toMatchObject({ type: "order", totalCents: 11980, paidAt: "2026-09-01T10:06:00.250+08:00" });
  });

  it("reads a stream split at arbitrary bytes, with CRLF line ends and a BOM", async () => {
    const bytes = Buffer.from(`\uFEFF${shop}\r\n\r\n${customer}\r\n`);
    // One byte at a time splits the BOM and every multi-byte character.
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const lines = await readAll(Readable.from(chunks));
    expect(lines).toEqual([
      { line: 1, record: { type: "shop", id: "s1", name: "n", timezone: "Asia/Shanghai" } },
      { line: 3, record: { type: "customer", id: "c1", nick: "n" } },
    ]);
  });

  it("stops at the first bad line with its number and field", async () => {
    const text = [shop, customer, "", '{"type":"customer","id":"c2","nick":"n","vip":true}', shop].join("\n");
    const err = await refusal(Readable.from([text]));
    expect(err.line).toBe(4);
    expect(err.field).toBe("customer.vip");
    expect(err.message).toBe("line 4: customer.vip: unknown field");
    expect((await refusal(Readable.from([`${shop}\n{"type":`]))).message).toBe("line 2: not valid JSON");
  });

  it("refuses U+0000 in any text with its field (PostgreSQL cannot store it), and lets an escaped backslash through", async () => {
    const message = (text: string) => JSON.stringify({ type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text });
    const err = await refusal(Readable.from([[shop, customer, message("在吗\u0000")].join("\n")]));
    expect(err.message).toBe("line 3: message.text: must not contain the character U+0000");
    expect(err.field).toBe("message.text");
    const product = { type: "product", id: "p1", shop: "s1", title: "T", category: "c", price: 1, skus: [{ id: "k1", color: "红\u0000", stock: 1 }] };
    expect((await refusal(Readable.from([JSON.stringify(product)]))).field).toBe("product.skus[0].color");
    const key = { ...product, skus: [], attributes: { "a\u0000": "x" } };
    expect((await refusal(Readable.from([JSON.stringify(key)]))).field).toBe('product.attributes."a\\u0000"');
    // A backslash before "u0000" is text, not a NUL.
    const [line] = await readAll(Readable.from([message("C:\\u0000")]));
    expect(line?.record).toMatchObject({ text: "C:\\u0000" });
  });

  it("names the line of bytes that are not UTF-8 (a GBK export)", async () => {
    const gbk = Buffer.from([0xc0, 0xee, 0xc0, 0xf6]); // 李丽 in GBK
    const file = Buffer.concat([Buffer.from(`${shop}\n${customer}\n{"type":"customer","id":"c3","nick":"`), gbk, Buffer.from('"}\n')]);
    const err = await refusal(Readable.from([file]));
    expect(err.line).toBe(3);
    expect(err.message).toBe("line 3: not valid UTF-8 (the file must be saved as UTF-8)");
    const split = await refusal(Readable.from([Buffer.from(`${shop}\n`), Buffer.from(`${customer}\n`), file]));
    expect(split.line).toBe(5);
  });

  it("refuses a missing file with one line", async () => {
    const err = await refusal(join(dir, "nope.jsonl"));
    expect(err.message).toBe(`cannot read ${join(dir, "nope.jsonl")}: no such file`);
    expect(err.line).toBe(0);
  });

  it("streams a large file without reading ahead of the consumer", async () => {
    const path = join(dir, "many.jsonl");
    const count = 200_000;
    const body = Array.from({ length: count }, (_, i) => `{"type":"customer","id":"c${i}","nick":"买家${i}"}`).join("\n");
    writeFileSync(path, `${body}\n`);
    let seen = 0;
    let last = 0;
    for await (const { line, record } of readInterchange(path)) {
      seen += 1;
      last = line;
      if (record.type !== "customer") throw new Error("wrong type");
    }
    expect(seen).toBe(count);
    expect(last).toBe(count);

    // Stopping early must not leave the file open or throw.
    let taken = 0;
    for await (const _ of readInterchange(path)) if (++taken === 3) break;
    expect(taken).toBe(3);
  });
});
