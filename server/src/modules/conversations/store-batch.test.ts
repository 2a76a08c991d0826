// Group commit: sends that arrive together are stored in one statement, with the same
// guarantees as one by one — gapless seqs per conversation, a repeated client id answered
// with the stored message, the buyer's own open conversation only, the queue summary.
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { queryRows } from "../../platform/db/database";
import { conversations, messages } from "./conversations.schema";
import { MessageBatcher } from "./store-batch";
import { storeMessage, type NewMessage } from "./store-message";

let database: TestDatabase;
const WS = "ws_batch";
const SHOP = "shop_batch";

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await db.execute(sql`insert into workspaces (id, name) values (${WS}, 'Batch')`);
  await db.execute(sql`insert into shops (id, workspace_id, name, widget_secret) values (${SHOP}, ${WS}, 'Batch', 'x')`);
  await db.execute(sql`insert into customers (id, workspace_id, nick) select 'cus_' || g, ${WS}, '买家' || g from generate_series(0, 19) g`);
  await db.insert(conversations).values(
    Array.from({ length: 20 }, (_, i) => ({ id: `conv_${i}`, workspaceId: WS, shopId: SHOP, customerId: `cus_${i}`, team: "presales" as const, status: "open" as const, startedAt: new Date(Date.now() - 60_000) })),
  );
  // Buyer 19 has no open conversation.
  await db.update(conversations).set({ status: "closed", closedAt: new Date() }).where(eq(conversations.id, "conv_19"));
}, 60_000);
afterAll(async () => database?.close());

const buyerSend = (i: number, clientId: string, text = `消息 ${clientId}`): NewMessage => ({
  workspaceId: WS,
  conversationId: null,
  ownedBy: { customerId: `cus_${i}`, shopId: SHOP },
  clientId,
  sender: "buyer",
  agentId: null,
  kind: "text",
  text,
  summarize: true,
});

describe("group commit", () => {
  it("stores a burst from many buyers with gapless seqs, each in their own open conversation", async () => {
    const batcher = new MessageBatcher(database.db);
    const sends = Array.from({ length: 150 }, (_, n) => batcher.store(buyerSend(n % 15, `burst-${n}`)));
    const stored = await Promise.all(sends);
    expect(stored.every((s) => !s.duplicate)).toBe(true);
    // They really went in shared statements, none of which failed.
    expect(batcher.stats.batches).toBeGreaterThan(1);
    expect(batcher.stats.fallbacks).toBe(0);
    stored.forEach((s, n) => expect(s.conversation.id).toBe(`conv_${n % 15}`));
    for (let i = 0; i < 15; i++) {
      const rows = await database.db.select({ seq: messages.seq, clientId: messages.clientId }).from(messages).where(eq(messages.conversationId, `conv_${i}`)).orderBy(asc(messages.seq));
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, k) => k + 1));
      // A buyer's sends keep the order they were made in.
      expect(rows.map((r) => r.clientId)).toEqual(Array.from({ length: 10 }, (_, k) => `burst-${i + 15 * k}`));
    }
    const [{ lastSeq }] = (await database.db.select({ lastSeq: conversations.lastSeq }).from(conversations).where(eq(conversations.id, "conv_3"))) as [{ lastSeq: number }];
    expect(lastSeq).toBe(10);
    // The summary matches what the queue would read.
    const last = stored.filter((s) => s.conversation.id === "conv_3").at(-1)!;
    expect(last.summary).toMatchObject({ id: "conv_3", lastSeq: 10, unread: 10, customer: { nick: "买家3" }, lastMessage: { text: last.message.text, from: "buyer" } });
  });

  it("answers a repeated client id with the stored message, stores nothing twice, and leaves no gap", async () => {
    const batcher = new MessageBatcher(database.db);
    const first = await batcher.store(buyerSend(16, "dup-1"));
    const release = batcher.hold();
    const all = Promise.all([batcher.store(buyerSend(16, "dup-1")), batcher.store(buyerSend(17, "dup-2")), batcher.store(buyerSend(16, "dup-1"))]);
    release();
    const [again, other, againTwice] = await all;
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(againTwice).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(batcher.stats.fallbacks).toBe(0);
    expect(other.duplicate).toBe(false);
    const [{ n, max }] = await queryRows<{ n: number; max: number }>(database.db, sql`select count(*)::int as n, max(seq)::int as max from messages where conversation_id = 'conv_16'`);
    expect({ n, max }).toEqual({ n: 1, max: 1 });
  });

  it("reports a buyer without an open conversation as not found, without touching the others", async () => {
    const batcher = new MessageBatcher(database.db);
    const release = batcher.hold();
    const settled = Promise.allSettled([batcher.store(buyerSend(19, "none-1")), batcher.store(buyerSend(18, "ok-1")), batcher.store(buyerSend(19, "none-2"))]);
    release();
    const results = await settled;
    expect(batcher.stats).toMatchObject({ batches: 1, fallbacks: 0 });
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected"]);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ status: 404 });
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, "conv_19"))).toEqual([]);
  });

  it("refuses a message for a conversation id with no row, in a batch and alone (messages have no foreign key: the write itself is the check)", async () => {
    const ghost: NewMessage = { ...buyerSend(3, "ghost-1"), conversationId: "conv_nowhere", ownedBy: undefined };
    const batcher = new MessageBatcher(database.db);
    const release = batcher.hold();
    const settled = Promise.allSettled([batcher.store(ghost), batcher.store(buyerSend(4, "real-1"))]);
    release();
    const [lost, kept] = await settled;
    expect(lost).toMatchObject({ status: "rejected", reason: { status: 404 } });
    expect(kept.status).toBe("fulfilled");
    await expect(storeMessage(database.db, { ...ghost, clientId: "ghost-2" })).rejects.toMatchObject({ status: 404 });
    expect(await database.db.select().from(messages).where(eq(messages.conversationId, "conv_nowhere"))).toEqual([]);
  });

  it("never stores into another buyer's conversation, even when it is named", async () => {
    const batcher = new MessageBatcher(database.db);
    const theirs = { ...buyerSend(5, "steal-1"), conversationId: "conv_6" };
    const release = batcher.hold();
    const settled = Promise.allSettled([batcher.store(theirs), batcher.store(buyerSend(7, "fine-1"))]);
    release();
    const [stolen, fine] = await settled;
    expect(stolen.status).toBe("rejected");
    expect(fine.status).toBe("fulfilled");
    expect(batcher.stats).toMatchObject({ batches: 1, fallbacks: 0 });
    expect(await database.db.select().from(messages).where(and(eq(messages.conversationId, "conv_6"), eq(messages.clientId, "steal-1")))).toEqual([]);
  });

  it("answers the buyer and stops the waiting timer when an agent replies in the same batch", async () => {
    const batcher = new MessageBatcher(database.db);
    const agentReply: NewMessage = { workspaceId: WS, conversationId: "conv_8", clientId: "agent-1", sender: "agent", agentId: "agent_x", kind: "text", text: "亲，在的", summarize: true };
    const release = batcher.hold();
    const all = Promise.all([batcher.store(buyerSend(8, "q-1", "在吗")), batcher.store(agentReply), batcher.store(buyerSend(9, "q-2", "在吗"))]);
    release();
    const [buyer, agent] = await all;
    // The agent's reply to conversation 8 waited for the next statement: one conversation once per statement.
    expect(batcher.stats).toMatchObject({ batches: 1, fallbacks: 0 });
    expect(buyer.message.seq).toBeLessThan(agent.message.seq);
    expect(agent.conversation).toMatchObject({ waitingSince: null, assigneeId: "agent_x", status: "open", agentReadSeq: agent.message.seq });
    expect(agent.summary).toMatchObject({ unread: 0, waitingSince: null, lastMessage: { text: "亲，在的", from: "agent" } });
  });
});
