// 催付 end to end on a real database: an agent sends a reminder by hand (into the buyer's
// chat, or a conversation opened for it), the automatic sequence sends bot reminders on
// time and never in quiet hours, two at most with hand-sent ones counted, and payment or
// cancellation drops the pending timer in the same transaction.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { jobs } from "../../platform/jobs/jobs.schema";
import type { ServerEvent } from "../conversations";
import { Kit, shopDay } from "./reminders.test-kit";

let t: TestApp;
let kit: Kit;
let base: string;
let presales: Session;
let aftersales: Session;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  const shopId = await demoShopId(t);
  kit = await new Kit(t, shopId, await t.signIn("owner@demo.qindesk")).init();
  presales = await t.signIn("presales@demo.qindesk");
  aftersales = await t.signIn("aftersales@demo.qindesk");
}, 60_000);
afterAll(async () => t?.close());

/** Hand-sent reminders go out now: tests of them must not depend on the clock's hour. */
const noQuietHours = () => kit.rules({ quietHours: { start: "00:00", end: "00:00" } });
const nightQuietHours = () => kit.rules({ quietHours: { start: "22:00", end: "09:00" } });

type FormAnswer = {
  templates: { key: string; text: string; missing: string[] }[];
  target: { conversationId: string | null; opensNew: boolean };
  blocked: string | null;
  quietHours: { now: boolean };
};

describe("by hand", () => {
  it("a buyer who never chatted: the agent's reminder opens a conversation for them, as the agent's message; the automatic one moves to second place", async () => {
    await noQuietHours();
    const createdAt = new Date(Date.now() - 10 * 60_000);
    const { id } = await kit.order("tb_urem_silent", createdAt);
    // Set for 30 minutes after the order.
    expect((await kit.timer(id))?.runAt.getTime()).toBe(createdAt.getTime() + 30 * 60_000);

    const form = await kit.inject("GET", `/api/v1/unpaid-reminders/orders/${id}`, presales);
    expect(form.statusCode).toBe(200);
    const body = form.json<FormAnswer>();
    expect(body.target).toEqual({ conversationId: null, opensNew: true });
    expect(body.blocked).toBeNull();
    // No chat: the chat templates are not offered as ready; the cut-off one is (demo: 16:00).
    expect(body.templates.find((x) => x.key === "last_chat")!.missing).toEqual(["chat_day"]);
    const cutoff = body.templates.find((x) => x.key === "cutoff")!;
    expect(cutoff.missing).toEqual([]);
    expect(cutoff.text).toContain("16:00前付款的订单当天发货");
    expect(cutoff.text).toContain(kit.sku.title);

    const text = `${cutoff.text}（有问题直接回复我就好）`;
    const sent = await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { template: "cutoff", text });
    expect(sent.statusCode).toBe(201);
    const answer = sent.json<{ reminder: { ordinal: number; automatic: boolean; conversationId: string }; message: { from: string; text: string; agentId: string } }>();
    expect(answer.reminder).toMatchObject({ ordinal: 1, automatic: false });
    expect(answer.message).toMatchObject({ from: "agent", text, agentId: presales.agentId });
    const conversation = await kit.conversationOf(answer.reminder.conversationId);
    expect(conversation).toMatchObject({ status: "open", team: "presales", assigneeId: presales.agentId, stage: "payment" });
    const [row] = await kit.reminders(id);
    expect(row).toMatchObject({ ordinal: 1, automatic: false, agentId: presales.agentId, template: "cutoff", text });

    // The automatic sequence now waits for the second: 12 hours after this one (or the end of quiet hours).
    const timer = await kit.timer(id);
    expect(timer?.state).toBe("pending");
    expect(timer!.runAt.getTime()).toBe(row!.sentAt.getTime() + 12 * 3_600_000);

    const list = await kit.inject("GET", `/api/v1/unpaid-reminders?shop=${kit.shopId}`, presales);
    const item = list.json<{ items: { order: { id: string }; remindersLeft: number; nextDueAt: string | null; lastChat: { from: string; text: string } | null; ageMinutes: number }[] }>().items.find((i) => i.order.id === id)!;
    expect(item).toMatchObject({ remindersLeft: 1, nextDueAt: timer!.runAt.toISOString(), lastChat: { from: "agent", text } });
    expect(item.ageMinutes).toBeGreaterThanOrEqual(10);
  });

  it("into the buyer's open chat, which the buyer sees in the widget; unfilled variables are refused", async () => {
    await noQuietHours();
    const b = await kit.buyer(base);
    await b.client.say("这条裙子M码有货吗？");
    const { id } = await kit.order(b.customerId, new Date(Date.now() - 60_000));
    const form = (await kit.inject("GET", `/api/v1/unpaid-reminders/orders/${id}`, presales)).json<FormAnswer>();
    expect(form.target.opensNew).toBe(false);
    const lastChat = form.templates.find((x) => x.key === "last_chat")!;
    expect(lastChat.missing).toEqual([]);
    expect(lastChat.text).toMatch(/^亲，今天和您聊过之后/);

    const raw = form.templates.find((x) => x.key === "promotion_end")!;
    const unfilled = await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { text: "亲，活动{promotion_end}结束哦" });
    expect(unfilled.statusCode).toBe(400);
    expect(unfilled.json<{ error: { field: string } }>().error.field).toBe("text");
    expect(raw).toBeDefined();

    const sent = await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { template: "last_chat", text: lastChat.text });
    expect(sent.statusCode).toBe(201);
    expect(sent.json<{ reminder: { conversationId: string } }>().reminder.conversationId).toBe(form.target.conversationId);
    const seen = await b.client.next<Extract<ServerEvent, { type: "message.new" }>>((e) => e.type === "message.new" && e.message.from === "agent");
    expect(seen.message.text).toBe(lastChat.text);
    await b.client.close();
  });

  it("at most two per order, hand-sent and automatic together; an after-sales agent may send too", async () => {
    await noQuietHours();
    const createdAt = new Date(Date.now() - 5 * 60_000);
    const { id } = await kit.order("tb_urem_cap", createdAt);
    const text = "亲，您拍下的宝贝还没有付款哦，有疑问随时找我呢～";
    expect((await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, aftersales, { text })).statusCode).toBe(201);
    // The automatic second is due 12 hours later; run it then.
    const timer = await kit.timer(id);
    expect(await t.qindesk.jobs.runDue(timer!.runAt)).toBeGreaterThanOrEqual(1);
    const rows = await kit.reminders(id);
    expect(rows.map((r) => [r.ordinal, r.automatic])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((await kit.timer(id))?.state).not.toBe("pending");
    const third = await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { text });
    expect(third.statusCode).toBe(409);
    expect(third.json<{ error: { code: string } }>().error.code).toBe("reminder_cap");
    const form = (await kit.inject("GET", `/api/v1/unpaid-reminders/orders/${id}`, presales)).json<FormAnswer>();
    expect(form.blocked).toBe("reminder_cap");
  });

  it("five sends at once: two reminders stored, three refused (the cap is read under the order's lock)", async () => {
    await noQuietHours();
    const { id } = await kit.order("tb_urem_race", new Date(Date.now() - 60_000));
    const answers = await Promise.all([0, 1, 2, 3, 4].map((n) => kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { text: `亲，记得付款哦～（${n}）` })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json<{ error: { code: string } }>().error.code).toBe("reminder_cap");
    expect((await kit.reminders(id)).map((r) => r.ordinal)).toEqual([1, 2]);
  });

  it("not in quiet hours (shop time), unless the buyer is writing right now", async () => {
    const now = new Date(Date.now() + 8 * 3_600_000); // the Shanghai wall clock
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    await kit.rules({ quietHours: { start: hh(now.getUTCHours()), end: hh(now.getUTCHours() + 2) } });
    const { id } = await kit.order("tb_urem_night", new Date(Date.now() - 60_000));
    const form = (await kit.inject("GET", `/api/v1/unpaid-reminders/orders/${id}`, presales)).json<FormAnswer>();
    expect(form.quietHours.now).toBe(true);
    const refused = await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { text: "亲，记得付款哦～" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe("quiet_hours");
    expect(await kit.reminders(id)).toEqual([]);

    const b = await kit.buyer(base);
    await b.client.say("在吗？我刚拍下");
    const { id: awake } = await kit.order(b.customerId, new Date(Date.now() - 60_000));
    expect((await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${awake}/send`, presales, { text: "亲，在的～确认没问题记得付款哦" })).statusCode).toBe(201);
    await b.client.close();
    await noQuietHours();
  });

  it("a paid or cancelled order gets no reminder, and its timer is dropped in the payment's transaction", async () => {
    await noQuietHours();
    const createdAt = new Date(Date.now() - 60_000);
    const { id, ref } = await kit.order("tb_urem_payer", createdAt);
    expect((await kit.timer(id))?.state).toBe("pending");
    await kit.pay(ref, "tb_urem_payer", createdAt, new Date());
    expect((await kit.timer(id))?.state).toBe("cancelled");
    const refused = await kit.inject("POST", `/api/v1/unpaid-reminders/orders/${id}/send`, presales, { text: "亲，记得付款哦" });
    expect(refused.json<{ error: { code: string } }>().error.code).toBe("not_unpaid");

    const { id: dropped } = await kit.order("tb_urem_cancel", createdAt);
    const cancel = await kit.inject("POST", `/api/v1/orders/${dropped}/cancel`, presales, { reason: "买家不要了" });
    expect(cancel.statusCode).toBe(200);
    expect((await kit.timer(dropped))?.state).toBe("cancelled");
    const { id: bornCancelled } = await kit.order("tb_urem_cancel2", createdAt, { status: "cancelled" });
    expect(await kit.timer(bornCancelled)).toBeNull();
    // Whatever runs later sends nothing for them.
    await t.qindesk.jobs.runDue(new Date(Date.now() + 3 * 86_400_000));
    for (const order of [id, dropped, bornCancelled]) expect(await kit.reminders(order)).toEqual([]);
  });
});

describe("the automatic sequence", () => {
  it("a bot reminder 30 minutes after the order, using yesterday's chat; the second waits out the night", async () => {
    await nightQuietHours();
    // The buyer chats today and gets a product card; the order comes tomorrow at 10:00.
    const b = await kit.buyer(base);
    await b.client.say("这款有白色吗");
    const agent = await t.signIn("presales@demo.qindesk");
    const agentClient = await ChatClient.connect(`${base}/api/ws`, { cookie: agent.cookie });
    const conversationId = (await kit.conversationsOfBuyer(b.customerId))[0]!.id;
    const card = await agentClient.say("", { conversationId, kind: "product", productId: kit.sku.productId });
    expect(card.type).toBe("message.ack");
    await agentClient.close();
    await b.client.say("好的，我再看看");

    const createdAt = shopDay(1, 10, 0);
    const { id } = await kit.order(b.customerId, createdAt);
    expect((await kit.timer(id))!.runAt).toEqual(shopDay(1, 10, 30));
    expect(await t.qindesk.jobs.runDue(shopDay(1, 10, 29))).toBe(0);
    await t.qindesk.jobs.runDue(shopDay(1, 10, 30));
    const [first] = await kit.reminders(id);
    expect(first).toMatchObject({ ordinal: 1, automatic: true, agentId: null, template: "last_chat_product", conversationId });
    expect(first!.sentAt).toEqual(shopDay(1, 10, 30));
    expect(first!.text).toBe(`亲，昨天您咨询的${kit.sku.title}，看到您已经拍下还没付款哦～是还有什么拿不准的地方吗？有问题随时问我呢，确认没问题记得付款哦。`);
    const message = await kit.messageOf(first!.messageId!);
    expect(message).toMatchObject({ sender: "bot", agentId: null, text: first!.text, conversationId });
    const seen = await b.client.next<Extract<ServerEvent, { type: "message.new" }>>((e) => e.type === "message.new" && e.message.id === message.id);
    expect(seen.message.from).toBe("bot");
    await b.client.close();

    // 10:30 + 12 h = 22:30, inside 22:00–09:00 shop time: the second goes at 09:00 the day after.
    expect((await kit.timer(id))!.runAt).toEqual(shopDay(2, 9, 0));
    await t.qindesk.jobs.runDue(shopDay(2, 8, 59));
    expect(await kit.reminders(id)).toHaveLength(1);
    await t.qindesk.jobs.runDue(shopDay(2, 9, 0));
    const rows = await kit.reminders(id);
    expect(rows).toHaveLength(2);
    // The second does not repeat the first.
    expect(rows[1]!.template).not.toBe("last_chat_product");
    expect(rows[1]!.sentAt).toEqual(shopDay(2, 9, 0));
    expect((await kit.timer(id))!.state).not.toBe("pending");
    // A bot's reminder is not a human reply: the buyer's question still waits for an agent.
    expect((await kit.conversationOf(conversationId)).waitingSince).not.toBeNull();
  });

  it("an order at 21:45 is reminded at 09:00, not 22:15; a run that finds itself in quiet hours waits", async () => {
    await nightQuietHours();
    const { id } = await kit.order("tb_urem_late", shopDay(3, 21, 45));
    expect((await kit.timer(id))!.runAt).toEqual(shopDay(4, 9, 0));
    const { id: early } = await kit.order("tb_urem_2129", shopDay(3, 21, 29));
    expect((await kit.timer(early))!.runAt).toEqual(shopDay(3, 21, 59));
    // The server was down at 21:59 and comes back at 23:10: the reminder waits for the morning.
    const timer = (await kit.timer(early))!;
    await t.database.db.update(jobs).set({ runAt: shopDay(3, 23, 10) }).where(eq(jobs.id, timer.id));
    await t.qindesk.jobs.runDue(shopDay(3, 23, 10));
    expect(await kit.reminders(early)).toEqual([]);
    expect((await kit.timer(early))!.runAt).toEqual(shopDay(4, 9, 0));
    await t.qindesk.jobs.runDue(shopDay(4, 9, 0));
    expect(await kit.reminders(early)).toHaveLength(1);
    expect(await kit.reminders(id)).toHaveLength(1);
    // No chat at all: a closed conversation holds the bot's reminder, so no empty chat waits in the queue.
    const [row] = await kit.reminders(id);
    expect(await kit.conversationOf(row!.conversationId!)).toMatchObject({ status: "closed", assigneeId: null });
  });

  it("paying before the reminder: the timer is cancelled with the payment and nothing is sent", async () => {
    await nightQuietHours();
    const createdAt = shopDay(5, 14, 0);
    const { id, ref } = await kit.order("tb_urem_paid", createdAt);
    expect((await kit.timer(id))!.state).toBe("pending");
    await kit.pay(ref, "tb_urem_paid", createdAt, shopDay(5, 14, 10));
    expect((await kit.timer(id))!.state).toBe("cancelled");
    await t.qindesk.jobs.runDue(shopDay(6, 12, 0));
    expect(await kit.reminders(id)).toEqual([]);
  });

  it("switched off by the shop: nothing automatic, by hand still possible", async () => {
    await kit.rules({ enabled: false, quietHours: { start: "00:00", end: "00:00" } });
    const { id } = await kit.order("tb_urem_off", shopDay(7, 10, 0));
    expect(await kit.timer(id)).toBeNull();
    await t.qindesk.jobs.runDue(shopDay(8, 12, 0));
    expect(await kit.reminders(id)).toEqual([]);
    const list = (await kit.inject("GET", `/api/v1/unpaid-reminders?shop=${kit.shopId}`, presales)).json<{ items: { order: { id: string }; nextDueAt: string | null }[] }>();
    expect(list.items.find((i) => i.order.id === id)!.nextDueAt).toBeNull();
    await kit.rules({ enabled: true });
  });
});
