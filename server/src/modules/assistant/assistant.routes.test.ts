// The assistant over HTTP: message chips, the draft check, and the logged override.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";

let t: TestApp;
let conversationId: string;

beforeAll(async () => {
  t = await createTestApp();
  const base = await listen(t);
  const session = await buyerSession(t, await demoShopId(t));
  const buyer = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  conversationId = (await buyer.say("亲，在吗")).message.conversationId;
  await buyer.close();
}, 60_000);
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string>) => t.qindesk.app.inject({ method: "POST", url, payload: payload as object, headers });

describe("assistant API", () => {
  it("labels buyer messages with the contract's intents and sentiments", async () => {
    const agent = await t.signIn("presales@demo.qindesk");
    const res = await post("/api/v1/assistant/analyze", { texts: ["亲，包邮吗？", "收到的衣服破了个洞，质量太差了，我要投诉你们！"] }, agent.headers);
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: { intent: string; confidence: number; sentiment: string }[] }>();
    expect(items.map((i) => i.intent)).toEqual(["gift_or_free_shipping", expect.stringMatching(/^(complaint|damaged_defective)$/)]);
    expect(items[1]!.sentiment).toBe("negative");
    for (const item of items) expect(item.confidence).toBeGreaterThan(0);
  });

  it("refuses empty, oversized and anonymous requests", async () => {
    const agent = await t.signIn("presales@demo.qindesk");
    expect((await post("/api/v1/assistant/analyze", { texts: [] }, agent.headers)).statusCode).toBe(400);
    expect((await post("/api/v1/assistant/analyze", { texts: ["x".repeat(2001)] }, agent.headers)).statusCode).toBe(400);
    expect((await post("/api/v1/assistant/analyze", { texts: ["hi"] }, {})).statusCode).toBe(401);
    expect((await post("/api/v1/assistant/lint", { text: "hi" }, {})).statusCode).toBe(401);
  });

  it("checks a draft as `qindesk lint` does, with rules a shop switched off left out", async () => {
    const agent = await t.signIn("presales@demo.qindesk");
    const draft = "这个你自己没看清楚吧";
    const res = await post("/api/v1/assistant/lint", { text: draft }, agent.headers);
    const { issues } = res.json<{ issues: { rule: string; start: number; end: number; suggestion: string }[] }>();
    expect(issues.map((i) => i.rule)).toContain("blame_buyer");
    for (const issue of issues) expect(draft.slice(issue.start, issue.end).length).toBeGreaterThan(0);
    const off = await post("/api/v1/assistant/lint", { text: draft, disabledRules: ["blame_buyer"] }, agent.headers);
    expect(off.json<{ issues: { rule: string }[] }>().issues.map((i) => i.rule)).not.toContain("blame_buyer");
    expect((await post("/api/v1/assistant/lint", { text: "亲，好的呢～" }, agent.headers)).json()).toEqual({ issues: [] });
  });

  it("logs sending anyway, for a conversation the agent can see only", async () => {
    const agent = await t.signIn("presales@demo.qindesk");
    const ok = await post("/api/v1/assistant/lint-overrides", { conversationId, rules: ["rude", "rude"] }, agent.headers);
    expect(ok.statusCode).toBe(200);
    const [row] = await queryRows<{ agent_id: string; details: { rules: string[] } }>(
      t.database.db,
      sql`select agent_id, details from audit_log where action = 'assistant.lint_override' and subject_id = ${conversationId}`,
    );
    expect(row).toEqual({ agent_id: agent.agentId, details: { rules: ["rude"] } });
    // After-sales cannot see a pre-sales conversation; an unknown id is the same 404.
    const aftersales = await t.signIn("aftersales@demo.qindesk");
    expect((await post("/api/v1/assistant/lint-overrides", { conversationId, rules: ["rude"] }, aftersales.headers)).statusCode).toBe(404);
    expect((await post("/api/v1/assistant/lint-overrides", { conversationId: "conv_nope", rules: ["rude"] }, agent.headers)).statusCode).toBe(404);
    expect((await post("/api/v1/assistant/lint-overrides", { conversationId, rules: ["made_up"] }, agent.headers)).statusCode).toBe(400);
  });
});
