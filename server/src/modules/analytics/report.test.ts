// The report figures loaded from a real database, numbers worked out by hand
// (fixtures/golden-day.jsonl: time-zone edges, bots, silent orders, 催付, a buyer
// in two conversations, per-agent attribution) and seed 000's worked example.
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { importInterchange } from "../interchange/import-service";
import { GOLDEN_AGENTS, GOLDEN_SHOP, seed000File } from "./fixtures/golden";
import { ReportInputError, shopReport } from "./report.service";

const GOLDEN = fileURLToPath(new URL("./fixtures/golden-day.jsonl", import.meta.url));
const DAY = { shop: "s1", from: "2026-09-01", to: "2026-09-01" };

describe("shopReport on imported data", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importInterchange(database.db, GOLDEN);
    const seed = seed000File();
    await importInterchange(database.db, Readable.from([Buffer.from(seed)]));
  });
  afterAll(async () => database?.close());

  it("gives the hand-computed shop figures, keys in the contract's order", async () => {
    const report = await shopReport(database.db, DAY);
    expect(report.figures).toEqual(GOLDEN_SHOP);
    expect(Object.keys(report.figures)).toEqual(Object.keys(GOLDEN_SHOP));
  });

  it("splits by agent, by interchange id and by QinDesk id alike", async () => {
    expect((await shopReport(database.db, { ...DAY, agent: "a1" })).figures).toEqual(GOLDEN_AGENTS.a1);
    expect((await shopReport(database.db, { ...DAY, agent: "a2" })).figures).toEqual(GOLDEN_AGENTS.a2);
    const [a2] = await queryRows<{ id: string }>(database.db, sql`select id from agents where external_id = 'a2'`);
    const [shop] = await queryRows<{ id: string }>(database.db, sql`select id from shops where external_id = 's1'`);
    expect((await shopReport(database.db, { ...DAY, shop: shop!.id, agent: a2!.id })).figures).toEqual(GOLDEN_AGENTS.a2);
  });

  it("counts replies after the period and drops inquiries outside it", async () => {
    // The day before: only b3 wrote (23:59:59), and a1's reply came after midnight.
    const before = await shopReport(database.db, { shop: "s1", from: "2026-08-31", to: "2026-08-31" });
    expect(before.figures).toMatchObject({ inquiringBuyers: 1, replyRate: 1, avgFirstResponseSeconds: 31, payingBuyers: 1, sales: 80 });
  });

  it("reproduces seed 000's worked example: 2879.90 / 50 buyers = 57.60, / 55 orders = 52.36", async () => {
    const { figures } = await shopReport(database.db, { shop: "seed000", from: "2026-09-01", to: "2026-09-30" });
    expect(figures).toMatchObject({ inquiringBuyers: 70, payingBuyers: 50, orders: 55, sales: 2879.9, salesPerBuyer: 57.6, salesPerOrder: 52.36, inquiryToPaymentRate: 0.7143, replyRate: 1, avgFirstResponseSeconds: 20 });
  });

  it("refuses an unknown shop or agent and bad dates with one line naming the field", async () => {
    const fails = async (request: Parameters<typeof shopReport>[1]) => {
      const err = await shopReport(database.db, request).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ReportInputError);
      return err as ReportInputError;
    };
    expect((await fails({ ...DAY, shop: "nope" })).message).toBe('unknown shop "nope"');
    expect((await fails({ ...DAY, agent: "nobody" })).field).toBe("agent");
    expect((await fails({ ...DAY, from: "2026-02-30" })).field).toBe("from");
    expect((await fails({ ...DAY, from: "2026-09-02" })).message).toBe("--from 2026-09-02 is after --to 2026-09-01");
  });
});
