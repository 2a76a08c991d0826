// kill -9 under load, then restart on the same data (bench/chat-crash.ts does the work and
// runs longer and on PGlite too: `npx tsx bench/chat-crash.ts`). Here one short cycle on
// PostgreSQL, whose server starts in seconds; a PGlite first start (initdb, migrations,
// demo seed) alone takes longer than a test file should.
import { describe, expect, it } from "vitest";
import { crashRun } from "../../bench/chat-crash";

describe.runIf(Boolean(process.env.DATABASE_URL))("crash under load", () => {
  it("keeps every acknowledged message exactly once, with gapless seqs, across kill -9", async () => {
    const result = await crashRun({ postgresUrl: process.env.DATABASE_URL!, buyers: 10, cycles: 1, loadMs: 2500 });
    expect(result.acked).toBeGreaterThan(10);
    expect(result).toMatchObject({ lostAcked: 0, duplicates: 0, gaps: 0, unstored: 0 });
    // Sends made while the server was down went out from the outbox after the restart.
    expect(result.acked).toBe(result.sent);
  }, 180_000);
});
