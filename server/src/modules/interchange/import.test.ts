// The importer on a real database: all or nothing, idempotent, updates by id,
// references checked against the file and the workspace, message order kept, and
// export giving back what was imported.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { storeMessage } from "../conversations/store-message";
import { InterchangeError } from "./errors";
import { exportInterchange } from "./export-service";
import { importInterchange } from "./import-service";
import { batchSize } from "./import-tables";
import { readInterchange } from "./reader";
import type { InterchangeRecord } from "./records";
import { formatInterchangeRecord } from "./writer";

const GOLDEN = fileURLToPath(new URL("../analytics/fixtures/golden-day.jsonl", import.meta.url));
const SAMPLE = fileURLToPath(new URL("./fixtures/sample.jsonl", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "qindesk-import-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.close();
});

const fromText = (text: string) => Readable.from([Buffer.from(text, "utf8")]);
const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

const TABLES = ["workspaces", "shops", "agents", "customers", "products", "skus", "conversations", "messages", "orders", "order_items", "returns", "reviews"];

/** Every row of every table the importer writes, for before/after comparisons. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await queryRows(database.db, sql.raw(`select * from ${table} order by id`));
  return out;
}

async function rowCount(): Promise<number> {
  let total = 0;
  for (const table of TABLES) total += (await queryRows(database.db, sql.raw(`select id from ${table}`))).length;
  return total;
}

async function records(path: string | (() => NodeJS.ReadableStream)): Promise<InterchangeRecord[]> {
  const out: InterchangeRecord[] = [];
  for await (const { record } of readInterchange(typeof path === "string" ? path : path())) out.push(record);
  return out;
}

async function exported(workspaceId: string): Promise<InterchangeRecord[]> {
  const out: InterchangeRecord[] = [];
  for await (const record of exportInterchange(database.db, workspaceId)) out.push(record);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<InterchangeError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(InterchangeError);
  return err as InterchangeError;
}

describe("importInterchange", () => {
  it("writes every record and counts them per type", async () => {
    const result = await importInterchange(database.db, GOLDEN);
    expect(result.records).toEqual({ shop: 1, agent: 2, customer: 6, product: 0, conversation: 7, message: 16, order: 7, return: 0, review: 0 });
    expect(result.created).toEqual(result.records);
    const [shop] = await queryRows<{ external_id: string; timezone: string }>(database.db, sql`select external_id, timezone from shops`);
    expect(shop).toEqual({ external_id: "s1", timezone: "Asia/Shanghai" });
    const orders = await queryRows<{ external_id: string; total_cents: number }>(database.db, sql`select external_id, total_cents from orders where external_id = 'o2'`);
    expect(orders).toEqual([{ external_id: "o2", total_cents: 5003 }]);
  });

  it("changes nothing when the same file is imported twice", async () => {
    await importInterchange(database.db, GOLDEN);
    const before = await snapshot();
    const again = await importInterchange(database.db, GOLDEN);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("updates a changed record by its id and leaves the others alone", async () => {
    const base = [
      { type: "shop", id: "s1", name: "A" },
      { type: "customer", id: "c1", nick: "n" },
      { type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "presales", startedAt: "2026-09-01T10:00:00+08:00" },
      { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: "hi", id: "m1" },
      { type: "order", id: "o1", shop: "s1", customer: "c1", createdAt: "2026-09-01T10:00:00+08:00", paidAt: null, status: "created", items: [{ qty: 1, price: 1 }, { qty: 2, price: 3 }], total: 7 },
    ];
    await importInterchange(database.db, fromText(lines(...base)));
    const changed = structuredClone(base);
    Object.assign(changed[3]!, { text: "hello" });
    Object.assign(changed[4]!, { paidAt: "2026-09-01T11:00:00+08:00", status: "paid", items: [{ qty: 1, price: 1 }], total: 1 });
    const result = await importInterchange(database.db, fromText(lines(...changed)));
    expect(result.updated).toMatchObject({ shop: 0, customer: 0, conversation: 0, message: 1, order: 1 });
    expect(await queryRows(database.db, sql`select text, seq::int as seq from messages`)).toEqual([{ text: "hello", seq: 1 }]);
    expect(await queryRows(database.db, sql`select status, total_cents, paid_at is not null as paid from orders`)).toEqual([{ status: "paid", total_cents: 100, paid: true }]);
    expect(await queryRows(database.db, sql`select position, qty from order_items`)).toEqual([{ position: 0, qty: 1 }]);
  });

  it("writes nothing when line 500 is bad, and names the line and the field", async () => {
    await importInterchange(database.db, SAMPLE);
    const before = await snapshot();
    const body = [
      JSON.stringify({ type: "shop", id: "big", name: "Big" }),
      ...Array.from({ length: 498 }, (_, i) => JSON.stringify({ type: "customer", id: `k${i}`, nick: `k${i}` })),
      JSON.stringify({ type: "customer", id: "bad" }), // line 500: no nick
      ...Array.from({ length: 100 }, (_, i) => JSON.stringify({ type: "customer", id: `z${i}`, nick: "z" })),
    ].join("\n");
    const err = await failure(importInterchange(database.db, fromText(body)));
    expect(err.line).toBe(500);
    expect(err.field).toBe("customer.nick");
    expect(err.message).toBe("line 500: customer.nick: is required");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a message whose conversation is neither in the file nor in the workspace", async () => {
    const text = lines(
      { type: "shop", id: "s1", name: "A" },
      { type: "customer", id: "c1", nick: "n" },
      { type: "message", conversation: "nowhere", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: "hi" },
    );
    const err = await failure(importInterchange(database.db, fromText(text)));
    expect(err.message).toBe('line 3: message.conversation: conversation "nowhere" is neither in the file nor in the workspace');
    expect(err.field).toBe("message.conversation");
    expect(await rowCount()).toBe(0);
  });

  it("writes nothing when the database refuses a row after earlier batches were queued", async () => {
    // A rule the file check knows nothing of (an operator's trigger): the last batch is refused by the database.
    await database.db.execute(sql.raw(`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.text = 'boom' then raise exception 'no booms'; end if; return new; end $$`));
    await database.db.execute(sql.raw("create trigger refuse_boom before insert on messages for each row execute function refuse_boom()"));
    const messages = Array.from({ length: 2.5 * batchSize(database.kind) }, (_, i) => ({ type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: `m${i}` }));
    messages.push({ ...messages[0]!, text: "boom" });
    const text = lines(
      { type: "shop", id: "s1", name: "A" },
      { type: "customer", id: "c1", nick: "n" },
      { type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "presales", startedAt: "2026-09-01T10:00:00+08:00" },
      ...messages,
    );
    await expect(importInterchange(database.db, fromText(text))).rejects.toThrow(/Failed query: with written as \(insert into "messages"/);
    expect(await rowCount()).toBe(0);
  });

  it("leaves the planner statistics of the tables it filled (PGlite has no autovacuum)", async () => {
    const messages = Array.from({ length: 1_200 }, (_, i) => ({ type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: `m${i}` }));
    const text = lines(
      { type: "shop", id: "s1", name: "A" },
      { type: "customer", id: "c1", nick: "n" },
      { type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "presales", startedAt: "2026-09-01T10:00:00+08:00" },
      ...messages,
    );
    await importInterchange(database.db, fromText(text));
    const tuples = async () =>
      Object.fromEntries(
        (await queryRows<{ relname: string; reltuples: number }>(database.db, sql`select relname, reltuples::float8 as reltuples from pg_class where relname in ('messages', 'conversations')`)).map((r) => [r.relname, r.reltuples]),
      );
    // 1,200 new messages: analyzed. One new conversation: left to autovacuum.
    expect(await tuples()).toEqual({ messages: 1_200, conversations: -1 });
    // 1,200 more on 1,200 is more than a tenth: analyzed again; 100 more would not be.
    await importInterchange(database.db, fromText(lines(...messages.map((m) => ({ ...m, text: `${m.text}b` })))));
    expect((await tuples()).messages).toBe(2_400);
    await importInterchange(database.db, fromText(lines(...messages.slice(0, 100).map((m) => ({ ...m, text: `${m.text}c` })))));
    expect((await tuples()).messages).toBe(2_400);
  });

  it("refuses an agent message naming an unknown agent, and a duplicate agent email", async () => {
    await importInterchange(database.db, SAMPLE);
    const before = await snapshot();
    const unknown = lines({ type: "message", conversation: "v1", from: "agent", agent: "ghost", at: "2026-09-02T10:00:00+08:00", text: "x" });
    expect((await failure(importInterchange(database.db, fromText(unknown)))).field).toBe("message.agent");
    const dupe = lines({ type: "agent", id: "a9", name: "X", team: "presales", email: "XiaoMei@example.com" });
    expect((await failure(importInterchange(database.db, fromText(dupe)))).message).toMatch(/^line 1: agent\.email: xiaomei@example\.com is already the email/);
    expect(await snapshot()).toEqual(before);
  });

  it("adds messages to a conversation imported earlier, continuing its sequence, and live chat continues after", async () => {
    const first = await importInterchange(database.db, SAMPLE);
    const more = lines(
      { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:01:00+08:00", text: "four" },
      { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:59+08:00", text: "five" },
    );
    await importInterchange(database.db, fromText(more));
    await importInterchange(database.db, fromText(more));
    const seqs = await queryRows<{ text: string; seq: number }>(database.db, sql`select text, seq::int as seq from messages order by seq`);
    expect(seqs.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(seqs.slice(3).map((m) => m.text)).toEqual(["four", "five"]);
    const [conversation] = await queryRows<{ id: string; last_seq: number }>(database.db, sql`select id, last_seq from conversations`);
    expect(conversation!.last_seq).toBe(5);
    const live = await storeMessage(database.db, { workspaceId: first.workspaceId, conversationId: conversation!.id, clientId: null, sender: "buyer", agentId: null, kind: "text", text: "live" });
    expect(live.message.seq).toBe(6);
  });

  it("leaves each new conversation's last_seq and last message time after its last message, across batches and repeated lines", async () => {
    const many = 2.5 * batchSize(database.kind);
    const at = (minute: number) => `2026-09-01T10:${String(minute).padStart(2, "0")}:00+08:00`;
    const message = (conversation: string, minute: number, text: string) => ({ type: "message", conversation, from: "buyer", at: at(minute), text });
    const conversation = (id: string, team = "presales") => ({ type: "conversation", id, shop: "s1", customer: "c1", team, startedAt: at(0) });
    const text = lines(
      { type: "shop", id: "s1", name: "A" },
      { type: "customer", id: "c1", nick: "n" },
      conversation("v1"),
      message("v1", 1, "a"),
      message("v1", 2, "b"),
      conversation("v2"),
      ...Array.from({ length: many }, (_, i) => message("v2", 3, `m${i}`)),
      conversation("v1", "aftersales"), // the same conversation again, after its row went in
      message("v1", 4, "c"),
      conversation("v3"), // no messages
    );
    await importInterchange(database.db, fromText(text));
    const tails = await queryRows<{ external_id: string; team: string; last_seq: number; at: string | null }>(
      database.db,
      sql`select external_id, team, last_seq, to_char(last_message_at at time zone 'UTC', 'HH24:MI') as at from conversations order by external_id`,
    );
    expect(tails).toEqual([
      { external_id: "v1", team: "aftersales", last_seq: 3, at: "02:04" },
      { external_id: "v2", team: "presales", last_seq: many, at: "02:03" },
      { external_id: "v3", team: "presales", last_seq: 0, at: null },
    ]);
  });

  it("keeps a double send as two messages without ids, idempotently", async () => {
    await importInterchange(database.db, SAMPLE);
    const twice = { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:03:00+08:00", text: "在吗" };
    const text = lines(twice, twice, { ...twice, text: "?" }, twice);
    await importInterchange(database.db, fromText(text));
    const again = await importInterchange(database.db, fromText(text));
    expect(again.created.message + again.updated.message).toBe(0);
    const rows = await queryRows<{ text: string }>(database.db, sql`select text from messages where seq > 3 order by seq`);
    expect(rows.map((r) => r.text)).toEqual(["在吗", "在吗", "?", "在吗"]);
  });

  it("accepts messages before their conversation's line, keeping file order", async () => {
    const text = lines(
      { type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: "one" },
      { type: "message", conversation: "v1", from: "agent", agent: "a1", at: "2026-09-01T10:00:00+08:00", text: "two" },
      { type: "agent", id: "a1", name: "A", team: "presales" },
      { type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "presales", startedAt: "2026-09-01T10:00:00+08:00" },
      { type: "customer", id: "c1", nick: "n" },
      { type: "shop", id: "s1", name: "A" },
    );
    const result = await importInterchange(database.db, fromText(text));
    expect(result.created).toMatchObject({ message: 2, conversation: 1, agent: 1, customer: 1, shop: 1 });
    const rows = await queryRows<{ text: string; seq: number }>(database.db, sql`select text, seq::int as seq from messages order by seq`);
    expect(rows).toEqual([{ text: "one", seq: 1 }, { text: "two", seq: 2 }]);
  });

  it("accepts more messages than a batch before their conversation's line, and still refuses a conversation the file never gives", async () => {
    const many = 2.5 * batchSize(database.kind);
    const messages = Array.from({ length: many }, (_, i) => ({ type: "message", conversation: "v1", from: "buyer", at: "2026-09-01T10:00:00+08:00", text: `m${i}` }));
    const rest = [
      { type: "shop", id: "s1", name: "A" },
      { type: "customer", id: "c1", nick: "n" },
      { type: "conversation", id: "v1", shop: "s1", customer: "c1", team: "presales", startedAt: "2026-09-01T10:00:00+08:00" },
    ];
    // Batches of messages go in before the conversation row; the end of the import checks it exists.
    const result = await importInterchange(database.db, fromText(lines(...messages, ...rest)));
    expect(result.created).toMatchObject({ message: many, conversation: 1 });
    const [tail] = await queryRows<{ last_seq: number; n: number; first: string }>(
      database.db,
      sql`select c.last_seq, (select count(*)::int from messages) as n, (select text from messages where seq = 1) as first from conversations c`,
    );
    expect(tail).toEqual({ last_seq: many, n: many, first: "m0" });

    const orphans = messages.map((m) => ({ ...m, conversation: "v2" }));
    const err = await failure(importInterchange(database.db, fromText(lines(...orphans, ...rest))));
    expect(err.message).toBe('line 1: message.conversation: conversation "v2" is neither in the file nor in the workspace');
    expect(await queryRows(database.db, sql`select id from conversations where external_id = 'v2'`)).toEqual([]);
    expect((await queryRows(database.db, sql`select id from messages`)).length).toBe(many);
  });

  it("refers to rows made in the app by their QinDesk id, and a definition under that id takes the row over", async () => {
    const { workspaceId } = await importInterchange(database.db, SAMPLE);
    const [conversation] = await queryRows<{ id: string; shop_id: string }>(database.db, sql`select id, shop_id from conversations`);
    await database.db.execute(sql`insert into customers (id, workspace_id, nick) values ('cus_app', ${workspaceId}, '店里加的')`);
    const text = lines(
      { type: "message", conversation: conversation!.id, from: "buyer", at: "2026-09-01T11:00:00+08:00", text: "by our own id" },
      { type: "order", id: "o-app", shop: "s1", customer: "cus_app", createdAt: "2026-09-01T11:00:00+08:00", paidAt: null, status: "created", items: [], total: 1 },
      { type: "customer", id: "cus_app", nick: "改名了" },
    );
    const result = await importInterchange(database.db, fromText(text));
    expect(result.created).toMatchObject({ message: 1, order: 1, customer: 0 });
    expect(result.updated).toMatchObject({ customer: 1 });
    const customers = await queryRows<{ id: string; external_id: string; nick: string }>(database.db, sql`select id, external_id, nick from customers where id = 'cus_app'`);
    expect(customers).toEqual([{ id: "cus_app", external_id: "cus_app", nick: "改名了" }]);
    const [order] = await queryRows<{ customer_id: string }>(database.db, sql`select customer_id from orders where external_id = 'o-app'`);
    expect(order!.customer_id).toBe("cus_app");
    const [message] = await queryRows<{ conversation_id: string }>(database.db, sql`select conversation_id from messages where text = 'by our own id'`);
    expect(message!.conversation_id).toBe(conversation!.id);

    // A row imported under another id is that record's: a line defining its QinDesk id is refused,
    // whether or not a line named it before, in the same batch or an earlier one.
    const [imported] = await queryRows<{ id: string }>(database.db, sql`select id from customers where external_id <> id limit 1`);
    const naming = { type: "order", id: "o-x", shop: "s1", customer: imported!.id, createdAt: "2026-09-01T11:00:00+08:00", paidAt: null, status: "created", items: [], total: 1 };
    const filler = Array.from({ length: batchSize(database.kind) }, (_, i) => ({ ...naming, id: `o-f${i}` }));
    const clash = { type: "customer", id: imported!.id, nick: "x" };
    const before = await snapshot();
    for (const [body, line] of [[[clash], 1], [[naming, clash], 2], [[...filler, naming, clash], filler.length + 2]] as const) {
      const err = await failure(importInterchange(database.db, fromText(lines(...body))));
      expect(err.message).toBe(`line ${line}: customer.id: "${imported!.id}" is the QinDesk id of a customer imported under another id`);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("imports into the workspace named, and refuses one that does not exist", async () => {
    await queryRows(database.db, sql`insert into workspaces (id, name) values ('ws_a', 'A'), ('ws_b', 'B') returning id`);
    const result = await importInterchange(database.db, SAMPLE, { workspaceId: "ws_b" });
    expect(result.workspaceId).toBe("ws_b");
    await expect(importInterchange(database.db, SAMPLE, { workspaceId: "ws_zz" })).rejects.toThrow('no workspace "ws_zz"');
  });
});

describe("exportInterchange", () => {
  it("gives back the imported records (import → export → import is stable)", async () => {
    const input = await records(GOLDEN);
    const { workspaceId } = await importInterchange(database.db, GOLDEN);
    const out = await exported(workspaceId);
    // The fixture is written in export order with shop-time offsets: the export equals it.
    expect(out).toEqual(input);
    expect(out.map(formatInterchangeRecord)).toEqual(input.map(formatInterchangeRecord));

    const before = await snapshot();
    const file = join(scratch, "export.jsonl");
    writeFileSync(file, out.map(formatInterchangeRecord).join("\n") + "\n");
    const again = await importInterchange(database.db, file);
    expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("normalizes the sample: times in shop time, jsonb key order aside", async () => {
    const { workspaceId } = await importInterchange(database.db, SAMPLE);
    const out = await exported(workspaceId);
    const input = await records(SAMPLE);
    const o2 = input.find((r) => r.type === "order" && r.id === "o2") as { createdAt: string };
    o2.createdAt = "2026-09-02T10:00:00+08:00"; // written 02:00Z in the file; exported in the shop's zone
    expect(out).toEqual(input);
  });
});
