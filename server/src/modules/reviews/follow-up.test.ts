// The neutral/bad review follow-up over HTTP and sockets: a task (and an alert to
// after-sales and supervisors) for neutral and bad reviews, none for good ones; the
// deadline from the shop setting; the outcome flow with who did what; a changed review
// closing or reopening its task; imports; abilities and workspace isolation.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../platform/auth/passwords";
import { newId } from "../../platform/db/ids";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import type { ServerEvent } from "../conversations";
import { insertOrder } from "../orders";
import { insertAgent } from "../staff";
import { createShop, createWorkspace } from "../workspace";
import { SEED_APOLOGY } from "./follow-up.rules";
import { reviewFollowUps } from "./reviews.schema";

const DAY = 86_400_000;
let t: TestApp;
let base: string;
let shopId: string;
let owner: Session;
let after: Session;
let buyer: { token: string; customer: { id: string } };
let orderId: string;
let conversationId: string;

type ReviewAlert = Extract<ServerEvent, { type: "review.alert" }>;
interface FollowUp {
  id: string;
  reviewId: string;
  rating: string;
  status: string;
  outcome: string | null;
  dueAt: string;
  state: string;
  version: number;
  assigneeId: string | null;
  closedBy: string | null;
  actions: string[];
}

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  after = await t.signIn("aftersales@demo.qindesk");
  buyer = await buyerSession(t, shopId);
  orderId = await insertOrder(t.database.db, t.workspaceId, {
    shopId,
    customerId: buyer.customer.id,
    externalId: "TB-REV-1",
    status: "completed",
    createdAt: new Date(Date.now() - 10 * DAY),
    paidAt: new Date(Date.now() - 10 * DAY),
    items: [{ productId: null, skuId: null, qty: 1, priceCents: 9900 }],
  });
  // The buyer writes after paying: the conversation goes to after-sales.
  const socket = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(buyer.token)}`);
  conversationId = (await socket.say("衣服起球了，很失望")).message.conversationId;
  await socket.close();
}, 60_000);
afterAll(async () => t?.close());

const inject = (who: Session, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
  t.qindesk.app.inject({ method, url, headers: method === "GET" ? { cookie: who.cookie } : who.headers, payload });
const review = (payload: object) => inject(owner, "POST", "/api/v1/reviews", { order: orderId, ...payload });
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const followUps = async (who: Session, q = "") => (await inject(who, "GET", `/api/v1/reviews/follow-ups${q}`)).json<{ items: FollowUp[] }>().items;
const act = (who: Session, id: string, body: object) => inject(who, "POST", `/api/v1/reviews/follow-ups/${id}/actions`, body);
const agentSocket = async (email: string) => ChatClient.connect(`${base}/api/ws`, { cookie: (await t.signIn(email)).cookie });
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("opening follow-ups", () => {
  it("opens a task with an alert for a bad review, not for a good one; due at the platform's deadline (30 days by default)", async () => {
    const [aftersales, supervisor, presales] = await Promise.all([agentSocket("aftersales@demo.qindesk"), agentSocket("supervisor@demo.qindesk"), agentSocket("presales@demo.qindesk")]);
    const good = await review({ id: "rv-good", rating: "good", text: "很好", at: ago(1) });
    expect(good.statusCode).toBe(201);
    expect(good.json().review.followUp).toBeNull();
    await settle();
    expect(aftersales.events.filter((e) => e.type === "review.alert")).toEqual([]);

    const at = ago(1);
    const bad = await review({ id: "rv-bad", rating: "bad", text: "起球严重 <b>差</b>", at });
    expect(bad.statusCode).toBe(201);
    const created = bad.json().review;
    expect(created.followUp).toMatchObject({ status: "open", state: "ok", dueAt: new Date(Date.parse(at) + 30 * DAY).toISOString() });
    for (const client of [aftersales, supervisor]) {
      const alert = await client.next<ReviewAlert>((e) => e.type === "review.alert");
      expect(alert).toMatchObject({ shopId, total: 1, items: [{ followUpId: created.followUp.id, reviewId: created.id, rating: "bad", text: "起球严重 <b>差</b>" }] });
    }
    await settle();
    // Pre-sales agents do not follow reviews up.
    expect(presales.events.some((e) => e.type === "review.alert")).toBe(false);
    // Sending the same review again opens nothing new.
    await review({ id: "rv-bad", rating: "bad", text: "起球严重 <b>差</b>", at });
    await settle();
    expect(aftersales.events.filter((e) => e.type === "review.alert")).toHaveLength(1);
    await Promise.all([aftersales.close(), supervisor.close(), presales.close()]);
  });

  it("opens one for a neutral review, none for a bad review whose deadline has passed", async () => {
    expect((await review({ id: "rv-neutral", rating: "neutral", at: ago(2) })).json().review.followUp).toMatchObject({ status: "open" });
    expect((await review({ id: "rv-old", rating: "bad", at: ago(31) })).json().review.followUp).toBeNull();
  });

  it("takes the deadline from the shop setting reviews.modifyDeadlineDays", async () => {
    const patch = await inject(owner, "PATCH", `/api/v1/shops/${shopId}`, { settings: { reviews: { modifyDeadlineDays: 45 } } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await inject(owner, "PATCH", `/api/v1/shops/${shopId}`, { settings: { reviews: { modifyDeadlineDays: 0 } } })).json().error.field).toBe("settings.reviews.modifyDeadlineDays");
    const at = ago(31);
    const late = (await review({ id: "rv-late", rating: "bad", at })).json().review;
    expect(late.followUp.dueAt).toBe(new Date(Date.parse(at) + 45 * DAY).toISOString());
    // Within two days of the deadline it is due soon.
    const soon = (await review({ id: "rv-soon", rating: "neutral", at: ago(44) })).json().review;
    expect(soon.followUp.state).toBe("due_soon");
    await inject(owner, "PATCH", `/api/v1/shops/${shopId}`, { settings: { reviews: { modifyDeadlineDays: 30 } } });
  });

  it("lists open tasks by due time with due-soon and overdue filters", async () => {
    const open = await followUps(after);
    expect(open.map((f) => f.dueAt)).toEqual([...open.map((f) => f.dueAt)].sort());
    const soon = await followUps(after, "?state=due_soon");
    expect(soon.map((f) => f.state)).toEqual(["due_soon"]);
    await t.database.db.update(reviewFollowUps).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(reviewFollowUps.id, soon[0]!.id));
    const overdue = await followUps(after, "?state=overdue");
    expect(overdue.map((f) => [f.id, f.state])).toEqual([[soon[0]!.id, "overdue"]]);
    expect(await followUps(after, "?state=due_soon")).toEqual([]);
  });
});

describe("working on a follow-up", () => {
  const badTask = async () => (await followUps(after, "?state=all")).find((f) => f.reviewId === reviewIdOf.bad)!;
  const reviewIdOf: Record<string, string> = {};
  beforeAll(async () => {
    const list = (await inject(after, "GET", "/api/v1/reviews?rating=bad")).json<{ items: { id: string; externalId: string }[] }>().items;
    reviewIdOf.bad = list.find((r) => r.externalId === "rv-bad")!.id;
  });

  it("shows the apology of seed 001 and the buyer's conversation", async () => {
    const task = await badTask();
    const detail = (await inject(after, "GET", `/api/v1/reviews/follow-ups/${task.id}`)).json();
    expect(detail.apology).toBe(SEED_APOLOGY);
    expect(detail.apology).toBe("非常抱歉，我的东西没能让您满意，影响了您的购物心情，您看看怎么解决合适呢？");
    expect(detail.conversationId).toBe(conversationId);
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual(["created"]);
  });

  it("records take, contact and outcome with who and when; a stale version is refused", async () => {
    let task = await badTask();
    const taken = await act(after, task.id, { action: "take", version: task.version });
    expect(taken.json().followUp).toMatchObject({ assigneeId: after.agentId, version: task.version + 1 });
    expect((await act(after, task.id, { action: "contact", version: task.version, channel: "chat" })).statusCode).toBe(409);
    task = taken.json().followUp;
    task = (await act(after, task.id, { action: "contact", version: task.version, channel: "phone", note: "电话沟通，买家说起球" })).json().followUp;
    const noReply = await act(after, task.id, { action: "outcome", version: task.version, outcome: "explained" });
    expect(noReply.json().error).toMatchObject({ field: "reply" });
    const explained = await act(after, task.id, { action: "outcome", version: task.version, outcome: "explained", reply: "亲，面料特性说明已附上，给您添麻烦了" });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json().followUp).toMatchObject({ status: "closed", outcome: "explained", closedBy: after.agentId, actions: ["reopen"] });
    const detail = (await inject(after, "GET", `/api/v1/reviews/follow-ups/${task.id}`)).json();
    expect(detail.followUp.reply).toBe("亲，面料特性说明已附上，给您添麻烦了");
    expect(detail.steps.map((s: { action: string; agentId: string | null }) => [s.action, s.agentId])).toEqual([
      ["created", null],
      ["taken", after.agentId],
      ["contacted", after.agentId],
      ["outcome", after.agentId],
    ]);
    expect(detail.steps[2].details).toEqual({ channel: "phone", note: "电话沟通，买家说起球" });
    expect(detail.steps.every((s: { at: string }) => !Number.isNaN(Date.parse(s.at)))).toBe(true);
    // Closed: only reopening is possible.
    expect((await act(after, task.id, { action: "contact", version: detail.followUp.version, channel: "chat" })).json().error).toMatchObject({ code: "invalid_transition" });
  });

  it("needs evidence before calling a review malicious; evidence comes from this buyer's chats", async () => {
    let task = await badTask();
    task = (await act(after, task.id, { action: "reopen", version: task.version })).json().followUp;
    expect(task).toMatchObject({ status: "open", outcome: null });
    expect((await act(after, task.id, { action: "outcome", version: task.version, outcome: "malicious" })).json().error).toMatchObject({ code: "evidence_required", field: "evidence" });
    const other = await buyerSession(t, shopId);
    const socket = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(other.token)}`);
    const foreign = (await socket.say("hello")).message.conversationId;
    await socket.close();
    expect((await act(after, task.id, { action: "evidence", version: task.version, text: "x", conversationId: foreign })).json().error).toMatchObject({ field: "conversationId" });
    task = (await act(after, task.id, { action: "evidence", version: task.version, text: "买家要求返现 50 元才改评", conversationId, fromSeq: 1, toSeq: 1 })).json().followUp;
    task = (await act(after, task.id, { action: "outcome", version: task.version, outcome: "malicious", note: "申诉材料已备" })).json().followUp;
    expect(task).toMatchObject({ status: "closed", outcome: "malicious", actions: ["evidence", "reopen"] });
    const detail = (await inject(after, "GET", `/api/v1/reviews/follow-ups/${task.id}`)).json();
    expect(detail.steps.find((s: { action: string }) => s.action === "evidence").details).toEqual({ text: "买家要求返现 50 元才改评", conversationId, fromSeq: 1, toSeq: 1 });
  });

  it("closes the task as modified when the buyer changes the review to good, and reopens it if it turns bad again", async () => {
    const neutral = (await followUps(after)).find((f) => f.rating === "neutral" && f.state !== "due_soon")!;
    const reviewRow = (await inject(after, "GET", `/api/v1/reviews?rating=neutral`)).json().items.find((r: { followUp: { id: string } | null }) => r.followUp?.id === neutral.id);
    const changed = await review({ id: reviewRow.externalId, rating: "good", at: reviewRow.at });
    expect(changed.json().review.followUp).toMatchObject({ status: "closed", outcome: "modified" });
    const detail = (await inject(after, "GET", `/api/v1/reviews/follow-ups/${neutral.id}`)).json();
    expect(detail.followUp.closedBy).toBeNull();
    expect(detail.steps.at(-1)).toMatchObject({ action: "review_changed", agentId: null, details: { from: "neutral", to: "good", outcome: "modified" } });
    const again = await review({ id: reviewRow.externalId, rating: "bad", at: reviewRow.at });
    expect(again.json().review.followUp).toMatchObject({ status: "open", outcome: null });
  });
});

describe("imports", () => {
  it("opens follow-ups for neutral/bad reviews of an imported file before the import answers", async () => {
    const client = await agentSocket("aftersales@demo.qindesk");
    const recent = new Date(Date.now() - DAY).toISOString();
    const file = [
      { type: "shop", id: "s-imp", name: "导入店" },
      { type: "customer", id: "c-imp", nick: "导入买家" },
      { type: "order", id: "o-imp", shop: "s-imp", customer: "c-imp", createdAt: ago(5), paidAt: ago(5), status: "completed", items: [{ qty: 1, price: 59 }], total: 59 },
      { type: "review", id: "r-imp-bad", order: "o-imp", rating: "bad", at: recent, text: "和图片不一样" },
      { type: "review", id: "r-imp-good", order: "o-imp", rating: "good", at: recent },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/import", headers: { ...owner.headers, "content-type": "application/x-ndjson" }, payload: file });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await inject(after, "GET", "/api/v1/reviews?shop=s-imp")).json().items;
    expect(list.map((r: { externalId: string; followUp: object | null }) => [r.externalId, r.followUp !== null])).toEqual(
      expect.arrayContaining([
        ["r-imp-bad", true],
        ["r-imp-good", false],
      ]),
    );
    const alert = await client.next<ReviewAlert>((e) => e.type === "review.alert");
    expect(alert.items.map((i) => i.nick)).toEqual(["导入买家"]);
    // Importing the same file again changes nothing.
    await t.qindesk.app.inject({ method: "POST", url: "/api/v1/import", headers: { ...owner.headers, "content-type": "application/x-ndjson" }, payload: file });
    expect((await followUps(after, "?shop=s-imp&state=all")).length).toBe(1);
    await client.close();
  });
});

describe("who may", () => {
  it("lets after-sales, supervisors and owners work on follow-ups; pre-sales agents not", async () => {
    const presales = await t.signIn("presales@demo.qindesk");
    expect((await inject(presales, "GET", "/api/v1/reviews/follow-ups")).statusCode).toBe(403);
    const task = (await followUps(after))[0]!;
    expect((await act(presales, task.id, { action: "take", version: task.version })).statusCode).toBe(403);
    expect((await inject(presales, "GET", "/api/v1/reviews")).statusCode).toBe(200);
    const supervisor = await t.signIn("supervisor@demo.qindesk");
    expect((await inject(supervisor, "GET", "/api/v1/reviews/follow-ups")).statusCode).toBe(200);
    // A colleague's task: an agent cannot take it over, a supervisor can.
    const mine = (await act(after, task.id, { action: "take", version: task.version })).json().followUp;
    const taken = await act(supervisor, task.id, { action: "take", version: mine.version });
    expect(taken.json().followUp.assigneeId).toBe(supervisor.agentId);
    expect((await act(after, task.id, { action: "take", version: taken.json().followUp.version })).json().error.code).toBe("assigned");
  });

  it("keeps another workspace out: 404 for its follow-ups, none in its lists", async () => {
    const db = t.database.db;
    const ws = await createWorkspace(db, "别家");
    await createShop(db, ws, { name: "别家店" });
    await insertAgent(db, { id: newId("agent"), workspaceId: ws, name: "别家店主", email: "boss@other.example", passwordHash: await hashPassword("other-pass-1"), role: "owner" });
    const stranger = await t.signIn("boss@other.example", "other-pass-1");
    const task = (await followUps(after))[0]!;
    expect((await inject(stranger, "GET", `/api/v1/reviews/follow-ups/${task.id}`)).statusCode).toBe(404);
    expect((await act(stranger, task.id, { action: "take", version: task.version })).statusCode).toBe(404);
    expect(await followUps(stranger, "?state=all")).toEqual([]);
    expect((await inject(stranger, "GET", "/api/v1/reviews")).json().items).toEqual([]);
    expect((await inject(stranger, "POST", "/api/v1/reviews", { order: orderId, rating: "bad", at: ago(1) })).json().error.field).toBe("order");
  });
});
