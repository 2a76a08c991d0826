// The figures dashboard: the 3-minute response rate worked by hand, every trend bucket
// equal to `qindesk report` for that bucket's dates, why-not-bought reasons, and who may
// see what over HTTP.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { computeBreakdown } from "./figures";
import type { Dashboard } from "./dashboard.service";
import { shopReport } from "./report.service";
import { at, Scenario } from "./scenario";

const GOLDEN = fileURLToPath(new URL("./fixtures/golden-day.jsonl", import.meta.url));
const SEPTEMBER = { from: "2026-09-01", to: "2026-09-30" };

describe("3-minute response rate", () => {
  const story = () =>
    new Scenario()
      .chat("v1", "b1")
      .buyer("v1", at("2026-09-02 10:00"))
      .bot("v1", at("2026-09-02 10:00:01")) // a bot's welcome is not a reply
      .agent("v1", "a1", at("2026-09-02 10:03")) // exactly 180 s: in time
      .chat("v2", "b2")
      .buyer("v2", at("2026-09-03 10:00"))
      .agent("v2", "a1", at("2026-09-03 10:03:00.001")) // just late
      .chat("v3", "b3")
      .buyer("v3", at("2026-09-04 10:00"))
      .agent("v3", "a2", at("2026-09-04 10:00:30"))
      .chat("v4", "b4") // never answered: counts as late for the shop
      .buyer("v4", at("2026-09-05 10:00"))
      .chat("v5", "b5") // the inquiry is outside the period: not counted at all
      .buyer("v5", at("2026-10-01 10:00"))
      .agent("v5", "a2", at("2026-10-01 10:00:10"));

  it("for the shop: answered within 3 minutes / conversations with an inquiry", () => {
    expect(computeBreakdown(story().data, SEPTEMBER, false).shopService).toEqual({ responseWithin3MinRate: 0.5 });
  });

  it("for an agent: over the conversations whose first reply was theirs", () => {
    const { agents } = computeBreakdown(story().data, SEPTEMBER, true);
    expect(agents.get("a1")?.service).toEqual({ responseWithin3MinRate: 0.5 });
    expect(agents.get("a2")?.service).toEqual({ responseWithin3MinRate: 1 });
  });

  it("is null with no inquiry", () => {
    expect(computeBreakdown(story().data, { from: "2026-08-01", to: "2026-08-31" }, false).shopService).toEqual({ responseWithin3MinRate: null });
  });
});

describe("GET /api/v1/reports/dashboard", { timeout: 120_000 }, () => {
  let app: TestApp;
  let owner: Awaited<ReturnType<TestApp["signIn"]>>;
  const dashboard = (query: string, headers: Record<string, string> = owner.headers) => app.qindesk.app.inject({ method: "GET", url: `/api/v1/reports/dashboard?${query}`, headers });

  beforeAll(async () => {
    app = await createTestApp();
    owner = await app.signIn("owner@demo.qindesk");
    const imported = await app.qindesk.app.inject({
      method: "POST",
      url: "/api/v1/import",
      headers: { ...owner.headers, "content-type": "application/x-ndjson" },
      payload: readFileSync(GOLDEN, "utf8"),
    });
    expect(imported.statusCode).toBe(200);
  });
  afterAll(async () => app?.close());

  it("gives every bucket exactly the figures of `qindesk report` for its dates", async () => {
    const res = await dashboard("shop=s1&from=2026-08-30&to=2026-09-02&bucket=day");
    expect(res.statusCode).toBe(200);
    const body = res.json<Dashboard>();
    expect(body.trend.map((b) => b.from)).toEqual(["2026-08-30", "2026-08-31", "2026-09-01", "2026-09-02"]);
    for (const bucket of [...body.trend, { from: body.from, to: body.to, figures: body.figures }]) {
      const { figures } = await shopReport(app.database.db, { shop: "s1", from: bucket.from, to: bucket.to, workspaceId: app.workspaceId });
      const { responseWithin3MinRate, ...contract } = bucket.figures;
      expect(contract).toEqual(figures);
      expect(responseWithin3MinRate === null || (responseWithin3MinRate >= 0 && responseWithin3MinRate <= 1)).toBe(true);
    }
    // The ranking: one row per agent who answered, with the figures of `report --agent`.
    for (const row of body.agents) {
      const { figures } = await shopReport(app.database.db, { shop: "s1", from: body.from, to: body.to, agent: row.agentId, workspaceId: app.workspaceId });
      const { responseWithin3MinRate: _, ...contract } = row.figures;
      expect(contract).toEqual(figures);
    }
    expect(body.agents.map((row) => row.name).sort()).toEqual(["小丽", "小美"]);
  });

  it("cuts weeks Monday to Sunday and months by the calendar", async () => {
    const weeks = (await dashboard("shop=s1&from=2026-08-26&to=2026-09-08&bucket=week")).json<Dashboard>();
    expect(weeks.trend.map((b) => [b.from, b.to])).toEqual([
      ["2026-08-26", "2026-08-30"],
      ["2026-08-31", "2026-09-06"],
      ["2026-09-07", "2026-09-08"],
    ]);
    const months = (await dashboard("shop=s1&from=2026-08-15&to=2026-09-15&bucket=month")).json<Dashboard>();
    expect(months.trend.map((b) => b.from)).toEqual(["2026-08-15", "2026-09-01"]);
  });

  it("counts why buyers did not buy, from conversations closed in the period", async () => {
    const [shop] = await queryRows<{ id: string }>(app.database.db, sql`select id from shops where external_id = 's1'`);
    const conversations = await queryRows<{ id: string }>(app.database.db, sql`select id from conversations where shop_id = ${shop!.id} and team = 'presales' order by id`);
    const close = (id: string, reason: string | null, when: string) =>
      app.database.db.execute(sql`update conversations set status = 'closed', outcome = 'not_converted', lost_reason = ${reason}, closed_at = ${when}::timestamptz where id = ${id}`);
    await close(conversations[0]!.id, "price", "2026-09-01T02:00:00Z");
    await close(conversations[1]!.id, "price", "2026-09-01T03:00:00Z");
    await close(conversations[2]!.id, null, "2026-09-01T04:00:00Z");
    await close(conversations[3]!.id, "size", "2026-08-31T15:59:59Z"); // 23:59:59 the day before, Shanghai time
    const body = (await dashboard("shop=s1&from=2026-09-01&to=2026-09-01")).json<Dashboard>();
    expect(body.lostReasons).toEqual([
      { reason: "price", conversations: 2 },
      { reason: null, conversations: 1 },
    ]);
  });

  it("lets an agent see only their own dashboard, and refuses bad input naming the field", async () => {
    const agent = await app.signIn("presales@demo.qindesk");
    const base = "shop=s1&from=2026-09-01&to=2026-09-01";
    expect((await dashboard(base, agent.headers)).statusCode).toBe(403);
    expect((await dashboard(`${base}&agent=a1`, agent.headers)).statusCode).toBe(403);
    const own = await dashboard(`${base}&agent=${agent.agentId}`, agent.headers);
    expect(own.statusCode).toBe(200);
    expect(own.json<Dashboard>()).toMatchObject({ agents: [], figures: { inquiringBuyers: 0, replyRate: null, responseWithin3MinRate: null } });
    expect((await dashboard(`${base}&bucket=year`)).json()).toMatchObject({ error: { field: "bucket" } });
    expect((await dashboard("shop=s1&from=2020-01-01&to=2026-09-01&bucket=day")).json()).toMatchObject({ error: { field: "to" } });
    expect((await dashboard("shop=s1&from=2026-09-01&to=2026-09-01", {})).statusCode).toBe(401);
  });
});
