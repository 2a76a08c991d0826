// 催付 around the edges: who may do what, another workspace's orders are not found, a
// shop's own templates, the recovery rate's numbers, and a pending reminder that survives
// a restart (a new app and job runner on the same database sends it).
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { buildQinDesk } from "../../main";
import { insertCustomer } from "../customers";
import { insertOrder } from "../orders";
import { createShop, createWorkspace } from "../workspace";
import { jobs } from "../../platform/jobs/jobs.schema";
import { dayKey } from "../../platform/time/zone";
import { REMINDER_QUEUE } from "./reminders.repo";
import { Kit, SH, shopDay } from "./reminders.test-kit";

let t: TestApp;
let kit: Kit;
let owner: Session;
let presales: Session;
let supervisor: Session;

beforeAll(async () => {
  t = await createTestApp();
  const shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  kit = await new Kit(t, shopId, owner).init();
  presales = await t.signIn("presales@demo.qindesk");
  supervisor = await t.signIn("supervisor@demo.qindesk");
  await kit.rules({ quietHours: { start: "00:00", end: "00:00" } });
}, 60_000);
afterAll(async () => t?.close());

const send = (session: Session | null, orderId: string, text = "亲，您拍下的宝贝还没有付款哦～") => kit.inject("POST", `/api/v1/unpaid-reminders/orders/${orderId}/send`, session, { text });

describe("access", () => {
  it("signed out: 401; every agent sees and sends; only owners rewrite templates", async () => {
    expect((await kit.inject("GET", "/api/v1/unpaid-reminders", null)).statusCode).toBe(401);
    const { id } = await kit.order("tb_urem_acc", new Date(Date.now() - 60_000));
    expect((await send(null, id)).statusCode).toBe(401);
    expect((await kit.inject("GET", `/api/v1/unpaid-reminders?shop=${kit.shopId}`, presales)).statusCode).toBe(200);
    const put = (session: Session) => kit.inject("PUT", "/api/v1/unpaid-reminders/templates/gentle", session, { shop: kit.shopId, text: "亲，{product}还在购物车等您哦～有疑问随时问我呢" });
    expect((await put(presales)).statusCode).toBe(403);
    expect((await put(supervisor)).statusCode).toBe(403);
    expect((await kit.inject("PATCH", `/api/v1/shops/${kit.shopId}`, presales, { settings: { unpaidReminders: { enabled: false } } })).statusCode).toBe(403);
    expect((await put(owner)).statusCode).toBe(200);
  });

  it("another workspace's order answers 404, and its shop is not a filter", async () => {
    const db = t.database.db;
    const other = await createWorkspace(db, "别家小店");
    const shop = await createShop(db, other, { name: "别家小店" });
    const buyer = await insertCustomer(db, other, { nick: "别人的买家" });
    const foreign = await insertOrder(db, other, { shopId: shop.id, customerId: buyer.id, status: "awaiting_payment", createdAt: new Date(), paidAt: null, items: [{ productId: null, skuId: null, qty: 1, priceCents: 100 }] });
    expect((await kit.inject("GET", `/api/v1/unpaid-reminders/orders/${foreign}`, presales)).statusCode).toBe(404);
    expect((await send(presales, foreign)).statusCode).toBe(404);
    expect((await kit.inject("GET", `/api/v1/unpaid-reminders?shop=${shop.id}`, presales)).statusCode).toBe(400);
    const list = (await kit.inject("GET", "/api/v1/unpaid-reminders", owner)).json<{ items: { order: { id: string } }[] }>();
    expect(list.items.some((i) => i.order.id === foreign)).toBe(false);
    expect((await kit.inject("GET", `/api/v1/unpaid-reminders/recovery?shop=${shop.id}`, owner)).statusCode).toBe(400);
  });
});

describe("templates per shop", () => {
  it("the shop's own text is offered and sent automatically; unknown variables are refused; null goes back to the built-in one", async () => {
    const bad = await kit.inject("PUT", "/api/v1/unpaid-reminders/templates/cutoff", owner, { shop: kit.shopId, text: "亲，{deadline}前付款哦" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe("text");
    expect((await kit.inject("PUT", "/api/v1/unpaid-reminders/templates/nope", owner, { shop: kit.shopId, text: "亲" })).statusCode).toBe(400);

    const own = "亲，{product}我们{cutoff}前付款当天就发哦，有问题随时问我呢～";
    expect((await kit.inject("PUT", "/api/v1/unpaid-reminders/templates/cutoff", owner, { shop: kit.shopId, text: own })).statusCode).toBe(200);
    // Other settings changes keep the shop's texts.
    await kit.rules({ firstAfterMinutes: 45 });
    const settings = (await kit.inject("GET", `/api/v1/unpaid-reminders/settings?shop=${kit.shopId}`, presales)).json<{ rules: { firstAfterMinutes: number }; templates: { key: string; text: string; custom: boolean }[] }>();
    expect(settings.rules.firstAfterMinutes).toBe(45);
    expect(settings.templates.find((x) => x.key === "cutoff")).toMatchObject({ text: own, custom: true });

    // The automatic one sends what the form offers first (no chat here; the demo shop's 满减 runs for months).
    const createdAt = shopDay(2, 11, 0);
    const { id } = await kit.order("tb_urem_own", createdAt);
    expect((await kit.timer(id))!.runAt).toEqual(shopDay(2, 11, 45));
    const form = (await kit.inject("GET", `/api/v1/unpaid-reminders/orders/${id}`, presales)).json<{ templates: { key: string; text: string; missing: string[] }[] }>();
    expect(form.templates.find((x) => x.key === "cutoff")!.text).toBe(`亲，${kit.sku.title}我们16:00前付款当天就发哦，有问题随时问我呢～`);
    const expected = form.templates.find((x) => x.missing.length === 0)!;
    await t.qindesk.jobs.runDue(shopDay(2, 11, 45));
    const [row] = await kit.reminders(id);
    expect(row).toMatchObject({ automatic: true, template: expected.key, text: expected.text });

    const reset = await kit.inject("PUT", "/api/v1/unpaid-reminders/templates/cutoff", owner, { shop: kit.shopId, text: null });
    expect(reset.json<{ templates: { key: string; custom: boolean }[] }>().templates.find((x) => x.key === "cutoff")!.custom).toBe(false);
    await kit.rules({ firstAfterMinutes: 30 });
  });
});

describe("recovery rate", () => {
  it("reminded orders paid afterwards / reminded orders, by hand per agent and automatic, on the page's period", async () => {
    const url = `/api/v1/unpaid-reminders/recovery?shop=${kit.shopId}&from=2026-01-01&to=2028-12-31`;
    type Rec = { reminded: number; recovered: number; rate: number | null; recoveredCents: number };
    type Report = { all: Rec; byHand: Rec; automatic: Rec; agents: (Rec & { agentId: string })[] };
    const before = (await kit.inject("GET", url, owner)).json<Report>();

    const createdAt = new Date(Date.now() - 30 * 60_000);
    const orders = await Promise.all([1, 2, 3].map((n) => kit.order(`tb_urem_rec${n}`, createdAt)));
    for (const o of orders) expect((await send(presales, o.id)).statusCode).toBe(201);
    // Two of the three pay after the reminder.
    const later = new Date(Date.now() + 60_000);
    await kit.pay(orders[0]!.ref, "tb_urem_rec1", createdAt, later);
    await kit.pay(orders[1]!.ref, "tb_urem_rec2", createdAt, later);
    // One more, reminded automatically, and paid after it.
    const auto = await kit.order("tb_urem_rec4", shopDay(3, 10, 0));
    // Only this order's timer runs here (rec3's second reminder would be due by then too).
    await t.database.db.update(jobs).set({ state: "cancelled" }).where(and(eq(jobs.queue, REMINDER_QUEUE), ne(jobs.singletonKey, auto.id)));
    await t.qindesk.jobs.runDue(shopDay(3, 10, 30));
    expect(await kit.reminders(auto.id)).toHaveLength(1);
    await kit.pay(auto.ref, "tb_urem_rec4", shopDay(3, 10, 0), shopDay(3, 11, 0));

    const after = (await kit.inject("GET", url, owner)).json<Report>();
    const delta = (a: Rec, b: Rec) => ({ reminded: a.reminded - b.reminded, recovered: a.recovered - b.recovered });
    expect(delta(after.all, before.all)).toEqual({ reminded: 4, recovered: 3 });
    expect(delta(after.byHand, before.byHand)).toEqual({ reminded: 3, recovered: 2 });
    expect(delta(after.automatic, before.automatic)).toEqual({ reminded: 1, recovered: 1 });
    const mine = after.agents.find((a) => a.agentId === presales.agentId)!;
    const mineBefore = before.agents.find((a) => a.agentId === presales.agentId) ?? { reminded: 0, recovered: 0, rate: null, recoveredCents: 0 };
    expect(delta(mine, mineBefore)).toEqual({ reminded: 3, recovered: 2 });
    expect(after.all.rate).toBeCloseTo(after.all.recovered / after.all.reminded, 10);
    expect(after.all.recoveredCents - before.all.recoveredCents).toBe(3 * 12800);

    // An agent reads only their own row; the default period is the last 30 shop days.
    const own = (await kit.inject("GET", `/api/v1/unpaid-reminders/recovery?shop=${kit.shopId}`, presales)).json<Report & { to: string }>();
    expect(own.agents.every((a) => a.agentId === presales.agentId)).toBe(true);
    expect(own.to).toBe(dayKey(Date.now(), SH));
    expect((await kit.inject("GET", `/api/v1/unpaid-reminders/recovery?shop=${kit.shopId}&from=2027-02-01&to=2027-01-01`, owner)).statusCode).toBe(400);

    // The figures dashboard carries the same numbers for the same shop days (for an agent: their hand-sent ones).
    const dash = (agent = "") => kit.inject("GET", `/api/v1/reports/dashboard?shop=${kit.shopId}&from=2026-01-01&to=2028-12-31&bucket=month${agent}`, owner);
    expect((await dash()).json<{ unpaidReminderRecovery: Rec }>().unpaidReminderRecovery).toEqual(after.all);
    const agentView = (await dash(`&agent=${presales.agentId}`)).json<{ unpaidReminderRecovery: Rec }>().unpaidReminderRecovery;
    expect(agentView).toEqual({ reminded: mine.reminded, recovered: mine.recovered, rate: mine.rate, recoveredCents: mine.recoveredCents });
  });
});

describe("restart", () => {
  it("a pending reminder is sent by the next app's job runner on the same database", async () => {
    const createdAt = shopDay(4, 15, 0);
    const { id } = await kit.order("tb_urem_restart", createdAt);
    expect((await kit.timer(id))!.state).toBe("pending");
    await t.qindesk.close();
    t.qindesk = await buildQinDesk({ database: t.database, config: { trustProxy: false, logLevel: "silent", secureCookies: false, redisUrl: null }, startJobs: false });
    expect(await kit.reminders(id)).toEqual([]);
    await t.qindesk.jobs.runDue(shopDay(4, 15, 30));
    const [row] = await kit.reminders(id);
    expect(row).toMatchObject({ ordinal: 1, automatic: true });
    expect((await kit.messageOf(row!.messageId!)).sender).toBe("bot");
  });
});
