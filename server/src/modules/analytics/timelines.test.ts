// The figures' rollup is a cache the report never trusts blindly: a message stored after a
// report shows in the next one, and a re-import that moves a message's time is seen too.
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { storeMessage } from "../conversations/store-message";
import { importInterchange } from "../interchange/import-service";
import { shopReport } from "./report.service";

const lines = (records: object[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";
const file = (records: object[]) => Readable.from([Buffer.from(lines(records))]);

const BASE = [
  { type: "shop", id: "tl", name: "Rollup shop", timezone: "Asia/Shanghai" },
  { type: "agent", id: "ta", name: "小美", team: "presales" },
  { type: "customer", id: "tc1", nick: "买家一" },
  { type: "customer", id: "tc2", nick: "买家二" },
  { type: "conversation", id: "tv1", shop: "tl", customer: "tc1", team: "presales", startedAt: "2026-10-10T10:00:00+08:00" },
  { type: "message", id: "tm1", conversation: "tv1", from: "buyer", at: "2026-10-10T10:00:00+08:00", text: "在吗" },
  { type: "message", id: "tm2", conversation: "tv1", from: "agent", agent: "ta", at: "2026-10-10T10:00:30+08:00", text: "亲，在的" },
  { type: "conversation", id: "tv2", shop: "tl", customer: "tc2", team: "presales", startedAt: "2026-10-10T11:00:00+08:00" },
  { type: "message", id: "tm3", conversation: "tv2", from: "buyer", at: "2026-10-10T11:00:00+08:00", text: "有M码吗" },
];
const DAY = { shop: "tl", from: "2026-10-10", to: "2026-10-10" };

describe("figures rollup", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importInterchange(database.db, file(BASE));
  }, 60_000);
  afterAll(async () => database?.close());

  it("shows a message stored after the last report", async () => {
    expect((await shopReport(database.db, DAY)).figures).toMatchObject({ inquiringBuyers: 2, replyRate: 0.5 });
    const [{ id: conversationId, workspace_id: workspaceId }] = await queryRows<{ id: string; workspace_id: string }>(database.db, sql`select id, workspace_id from conversations where external_id = 'tv2'`);
    const [{ id: agentId }] = await queryRows<{ id: string }>(database.db, sql`select id from agents where external_id = 'ta'`);
    // The agent answers buyer 2 a minute later, through the chat's own store.
    await storeMessage(database.db, { workspaceId, conversationId, clientId: "late-reply", sender: "agent", agentId, kind: "text", text: "有的亲" });
    // (Its time set to a minute after the question, so the figure is exact.)
    await database.db.execute(sql`update messages set created_at = '2026-10-10T11:01:00+08:00' where client_id = 'late-reply'`);
    expect((await shopReport(database.db, DAY)).figures).toMatchObject({ inquiringBuyers: 2, replyRate: 1, avgFirstResponseSeconds: 45 });
  });

  it("sees a re-import that moves a message's time (same id, same seq)", async () => {
    expect((await shopReport(database.db, DAY)).figures).toMatchObject({ avgFirstResponseSeconds: 45 });
    const moved = BASE.map((r) => ("id" in r && r.id === "tm2" ? { ...r, at: "2026-10-10T10:01:30+08:00" } : r));
    await importInterchange(database.db, file(moved));
    // Buyer 1 now waited 90 s instead of 30 s: (90 + 60) / 2 = 75.
    expect((await shopReport(database.db, DAY)).figures).toMatchObject({ avgFirstResponseSeconds: 75 });
  });

  it("drops a buyer whose only inquiry moves out of the period", async () => {
    const moved = BASE.map((r) => ("id" in r && r.id === "tm3" ? { ...r, at: "2026-10-11T11:00:00+08:00" } : r));
    await importInterchange(database.db, file(moved));
    expect((await shopReport(database.db, DAY)).figures).toMatchObject({ inquiringBuyers: 1 });
  });
});
