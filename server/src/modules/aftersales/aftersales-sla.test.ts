// Same-day SLA and promises, the complaint checklist, and the evidence bundle.
import { strFromU8, unzipSync } from "fflate";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../platform/db/database";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { aftersalesCases } from "./aftersales.schema";
import { sameDayDue, slaState } from "./sla";

const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

let t: TestApp;
let agent: Session;
let conversationId: string;

beforeAll(async () => {
  t = await createTestApp();
  const base = await listen(t);
  const session = await buyerSession(t, await demoShopId(t));
  const buyer = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  conversationId = (await buyer.say("衣服有个洞 <script>alert(1)</script>")).message.conversationId;
  await buyer.say("", { kind: "image", imageUrl: PNG });
  await buyer.close();
  agent = await t.signIn("aftersales@demo.qindesk");
}, 60_000);
afterAll(async () => t?.close());

interface CaseView {
  id: string;
  version: number;
  dueAt: string | null;
  sla: string;
  promisedBy: string | null;
  checklist: Record<string, { agentId: string }> | null;
}
const post = (url: string, payload: object, headers: Record<string, string> = agent.headers) => t.qindesk.app.inject({ method: "POST", url, payload, headers });
const open = async (kind: string) => (await post("/api/v1/aftersales/cases", { kind, reason: "quality", conversationId })).json<CaseView>();

describe("SLA", () => {
  it("is the end of the shop's day, then due soon, then overdue", () => {
    const opened = Date.parse("2026-09-01T10:00:00+08:00");
    const due = sameDayDue(opened, "Asia/Shanghai");
    expect(new Date(due).toISOString()).toBe("2026-09-01T16:00:00.000Z");
    expect(slaState(due, due - 2 * 3600_000, false)).toBe("ok");
    expect(slaState(due, due - 1800_000, false)).toBe("due_soon");
    expect(slaState(due, due, false)).toBe("overdue");
    expect(slaState(due, due + 1, true)).toBe("none");
  });

  it("a new case is due today; a promise moves it; overdue cases make the breach list", async () => {
    const c = await open("complaint");
    expect(c.dueAt).not.toBeNull();
    expect(["ok", "due_soon"]).toContain(c.sla);
    const later = new Date(Date.now() + 3 * 3600_000).toISOString();
    const promised = await post(`/api/v1/aftersales/cases/${c.id}/promise`, { dueAt: later });
    expect(promised.json<CaseView>()).toMatchObject({ dueAt: later, promisedBy: agent.agentId, sla: "ok" });
    expect((await post(`/api/v1/aftersales/cases/${c.id}/promise`, { dueAt: new Date(Date.now() - 1000).toISOString() })).json()).toMatchObject({ error: { field: "dueAt" } });
    expect((await post(`/api/v1/aftersales/cases/${c.id}/promise`, { dueAt: "tomorrow" })).statusCode).toBe(400);

    await t.database.db.update(aftersalesCases).set({ dueAt: new Date(Date.now() - 60_000) }).where(eq(aftersalesCases.id, c.id));
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    const breaches = await t.qindesk.app.inject({ url: "/api/v1/aftersales/sla?state=overdue", headers: supervisor.headers });
    expect(breaches.json<{ items: { id: string; sla: string }[] }>().items).toContainEqual(expect.objectContaining({ id: c.id, sla: "overdue" }));
    const detail = await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}`, headers: agent.headers });
    expect(detail.json<{ steps: { action: string }[] }>().steps.map((s) => s.action)).toEqual(["open", "promise"]);
  });
});

describe("complaint checklist (seed 001 §7)", () => {
  it("ticks steps with who and when, keeps the first tick, and both of two ticked at once", async () => {
    const c = await open("complaint");
    expect(c.checklist).toEqual({});
    const [a, b] = await Promise.all([
      post(`/api/v1/aftersales/cases/${c.id}/checklist`, { step: "respond_fast" }),
      post(`/api/v1/aftersales/cases/${c.id}/checklist`, { step: "apologise" }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const again = (await post(`/api/v1/aftersales/cases/${c.id}/checklist`, { step: "respond_fast" })).json<CaseView>();
    expect(Object.keys(again.checklist!).sort()).toEqual(["apologise", "respond_fast"]);
    expect(again.checklist!.apologise!.agentId).toBe(agent.agentId);
    expect((await post(`/api/v1/aftersales/cases/${c.id}/checklist`, { step: "shrug" })).statusCode).toBe(400);
    const notComplaint = await post("/api/v1/aftersales/cases", { kind: "resend_missing", reason: "missing_item", conversationId });
    expect((await post(`/api/v1/aftersales/cases/${notComplaint.json<CaseView>().id}/checklist`, { step: "apologise" })).statusCode).toBe(400);
  });
});

describe("evidence bundle", () => {
  it("zips a readable, escaped summary with the chat and photos, and logs the export", async () => {
    const c = await open("quality_complaint");
    const res = await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}/evidence`, headers: agent.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="evidence-${c.id}.zip"`);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files).sort();
    expect(names).toEqual(["case.json", "chat.txt", expect.stringMatching(/^photos\/\d{4}\.png$/), "summary.html"]);
    const photo = names[2]!;
    expect(files[photo]!.subarray(1, 4)).toEqual(new TextEncoder().encode("PNG"));
    const html = strFromU8(files["summary.html"]!);
    expect(html).toContain("售后举证材料");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(strFromU8(files["chat.txt"]!)).toContain("衣服有个洞");
    const [logged] = await queryRows<{ agent_id: string }>(t.database.db, sql`select agent_id from audit_log where action = 'aftersales.evidence_export' and subject_id = ${c.id}`);
    expect(logged?.agent_id).toBe(agent.agentId);

    // An excerpt: only the chosen messages.
    const excerpt = await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}/evidence?fromSeq=1&toSeq=1`, headers: agent.headers });
    expect(Object.keys(unzipSync(new Uint8Array(excerpt.rawPayload)))).not.toContain(photo);
  });

  it("carries the order's logistics events, as the courier reported them", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const [{ customer_id: customerId }] = await queryRows<{ customer_id: string }>(t.database.db, sql`select customer_id from conversations where id = ${conversationId}`);
    const [{ id: skuId }] = await queryRows<{ id: string }>(t.database.db, sql`select id from skus where stock > 5 limit 1`);
    const reported = await post("/api/v1/orders", { id: "TB-EVIDENCE-1", shop: await demoShopId(t), customer: customerId, status: "paid", createdAt: "2026-11-20T10:00:00+08:00", paidAt: "2026-11-20T10:01:00+08:00", items: [{ sku: skuId, qty: 1, price: 99 }] }, owner.headers);
    expect(reported.statusCode).toBe(201);
    const events = [
      { id: "l1", at: "2026-11-21T09:12:00+08:00", location: "杭州", description: "已揽收 <b>快递员</b>", status: "picked_up" },
      { id: "l2", at: "2026-11-23T15:40:00+08:00", location: "上海", description: "已签收", status: "delivered" },
    ];
    expect((await post("/api/v1/orders/TB-EVIDENCE-1/logistics", { events }, owner.headers)).statusCode).toBe(200);
    const orderId = reported.json<{ order: { id: string } }>().order.id;
    const opened = await post("/api/v1/aftersales/cases", { kind: "logistics", reason: "damaged", orderId, conversationId });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json<CaseView>();
    const files = unzipSync(new Uint8Array((await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}/evidence`, headers: agent.headers })).rawPayload));
    const order = JSON.parse(strFromU8(files["order.json"]!)) as { logistics: { location: string; description: string }[] };
    expect(order.logistics.map((l) => l.location)).toEqual(["杭州", "上海"]);
    const html = strFromU8(files["summary.html"]!);
    expect(html).toContain("杭州 · 已揽收 &lt;b&gt;快递员&lt;/b&gt;");
    expect(html).toContain("上海 · 已签收");
  });

  it("is for after-sales agents and supervisors only", async () => {
    const c = await open("quality_complaint");
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}/evidence`, headers: presales.headers })).statusCode).toBe(403);
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    expect((await t.qindesk.app.inject({ url: `/api/v1/aftersales/cases/${c.id}/evidence`, headers: supervisor.headers })).statusCode).toBe(200);
    expect((await t.qindesk.app.inject({ url: "/api/v1/aftersales/cases/case_nope/evidence", headers: supervisor.headers })).statusCode).toBe(404);
  });
});
