// The customer sidebar: contact details masked, revealed only with the ability and
// logged; orders newest first; other workspaces' customers are not found.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { auditLog } from "../../platform/audit/audit.schema";
import { createWorkspace } from "../workspace";
import { customers } from "./customers.schema";
import { insertCustomer } from "./customers.repo";

let t: TestApp;
let xiaohong: string;
beforeAll(async () => {
  t = await createTestApp();
  xiaohong = (await t.database.db.select().from(customers).where(eq(customers.externalId, "tb_xiaohong")))[0]!.id;
}, 60_000);
afterAll(async () => t?.close());

describe("customer sidebar", () => {
  it("shows phone and address masked, with the buyer's orders newest first", async () => {
    const s = await t.signIn("presales@demo.qindesk");
    const res = await t.qindesk.app.inject({ url: `/api/v1/customers/${xiaohong}`, headers: { cookie: s.cookie } });
    const body = res.json();
    expect(body.customer).toMatchObject({ nick: "小红爱逛街", phone: "138****1234", address: "浙江省杭州市西湖区****", revealed: false });
    expect(JSON.stringify(body)).not.toContain("文三路");
    expect(body.orders.map((o: { status: string }) => o.status)).toEqual(["awaiting_payment", "completed"]);
    expect(body.orders[1].items[0]).toMatchObject({ title: "纯棉圆领短袖T恤 基础款", color: "白色", qty: 2 });
  });

  it("reveals contact details only to roles allowed to, and logs each reveal", async () => {
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await t.qindesk.app.inject({ method: "POST", url: `/api/v1/customers/${xiaohong}/reveal`, headers: presales.headers })).statusCode).toBe(403);
    const after = await t.signIn("aftersales@demo.qindesk");
    const res = await t.qindesk.app.inject({ method: "POST", url: `/api/v1/customers/${xiaohong}/reveal`, headers: after.headers });
    expect(res.json().customer).toMatchObject({ phone: "13812341234", address: "浙江省杭州市西湖区文三路100号5幢302", revealed: true });
    const log = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, xiaohong));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "customer.reveal_contact", agentId: after.agentId });
  });

  it("answers 404 for another workspace's customer", async () => {
    const other = await createWorkspace(t.database.db, "别家");
    const stranger = await insertCustomer(t.database.db, other, { nick: "别家的买家", phone: "13900000000" });
    const s = await t.signIn("owner@demo.qindesk");
    expect((await t.qindesk.app.inject({ url: `/api/v1/customers/${stranger.id}`, headers: { cookie: s.cookie } })).statusCode).toBe(404);
    expect((await t.qindesk.app.inject({ method: "POST", url: `/api/v1/customers/${stranger.id}/reveal`, headers: s.headers })).statusCode).toBe(404);
  });
});
