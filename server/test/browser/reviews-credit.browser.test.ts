// Reviews and credit in real Chromium: a bad review arrives while the after-sales agent is
// at work — the alert, the task with seed 001's apology, the buyer's chat opened with it in
// the composer, the outcome recorded; and the credit page shows the score, the badge and a
// what-if that agrees with the server.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers } from "../../src/modules/customers";
import { insertOrder, orderItems } from "../../src/modules/orders";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, signInPage } from "./browser";

const suite = browserSuite();
const DAY = 86_400_000;
const APOLOGY = "非常抱歉，我的东西没能让您满意，影响了您的购物心情，您看看怎么解决合适呢？";

describe.runIf(hasChromium)("reviews and credit in the workbench", () => {
  it("alerts after-sales to a bad review; the agent opens the chat with the apology and records the outcome", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    const session = await buyerSession(t, shopId);
    const orderId = await insertOrder(t.database.db, t.workspaceId, {
      shopId,
      customerId: session.customer.id,
      externalId: "TB-BAD-1",
      status: "completed",
      createdAt: new Date(Date.now() - 8 * DAY),
      paidAt: new Date(Date.now() - 8 * DAY),
      items: [{ productId: null, skuId: null, qty: 1, priceCents: 12900 }],
    });
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say("收到了，有点起球")).message.conversationId;
    await buyer.close();

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(page, base, "aftersales@demo.qindesk");

    const owner = await t.signIn("owner@demo.qindesk");
    const posted = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews", headers: owner.headers, payload: { id: "b-rv-1", order: orderId, rating: "bad", text: "质量一般，起球严重", at: new Date().toISOString() } });
    expect(posted.statusCode).toBe(201);
    const followUpId = posted.json().review.followUp.id as string;

    const alert = await byTestId(page, "review-alert");
    expect(await alert.textContent()).toContain("差评");
    await alert.click();
    await expect.poll(() => page.url()).toContain(`#/reviews/${followUpId}`);
    await byTestId(page, "follow-up-detail");
    expect(await (await byTestId(page, "follow-up-apology")).textContent()).toContain(APOLOGY);
    // The task is also in the list of open follow-ups.
    await page.locator(`[data-testid="follow-up-row"][data-id="${followUpId}"]`).waitFor();

    await (await byTestId(page, "follow-up-take")).click();
    await (await byTestId(page, "follow-up-open-chat")).click();
    await expect.poll(() => page.url()).toContain(`#/c/${conversationId}`);
    await expect.poll(async () => (await byTestId(page, "chat-input")).inputValue()).toContain(APOLOGY);

    await page.goto(`${base}/#/reviews/${followUpId}`);
    await (await byTestId(page, "follow-up-outcome")).click();
    await (await byTestId(page, "follow-up-outcome-ok")).click();
    await expect.poll(async () => (await byTestId(page, "follow-up-detail")).getAttribute("data-outcome")).toBe("modified");
    const after = await t.signIn("aftersales@demo.qindesk");
    const stored = (await t.qindesk.app.inject({ url: `/api/v1/reviews/follow-ups/${followUpId}`, headers: { cookie: after.cookie } })).json();
    expect(stored.followUp).toMatchObject({ status: "closed", outcome: "modified", closedBy: after.agentId, assigneeId: after.agentId });
    expect(stored.steps.map((s: { action: string }) => s.action)).toEqual(["created", "taken", "outcome"]);
    await page.context().close();
  }, 120_000);

  it("shows the shop's score, its level badge, months and a what-if that agrees with the server", async () => {
    const { app: t, base, browser } = suite;
    const db = t.database.db;
    const shopId = await demoShopId(t);
    const owner = await t.signIn("owner@demo.qindesk");
    // Every buyer (the four of the demo and the one above), a completed order each, rated good: with the bad review above, 4 points — the first heart.
    const productId = (await db.select({ productId: orderItems.productId }).from(orderItems).limit(1))[0]!.productId;
    const buyers = await db.select({ id: customers.id }).from(customers).where(eq(customers.workspaceId, t.workspaceId));
    for (const [i, b] of buyers.entries()) {
      const created = new Date(Date.now() - (70 + i) * DAY);
      const id = await insertOrder(db, t.workspaceId, { shopId, customerId: b.id, status: "completed", createdAt: created, paidAt: created, items: [{ productId, skuId: null, qty: 1, priceCents: 100 }] });
      await t.qindesk.app.inject({ method: "POST", url: "/api/v1/reviews", headers: owner.headers, payload: { order: id, rating: "good", at: new Date(created.getTime() + DAY).toISOString() } });
    }
    const credit = (await t.qindesk.app.inject({ url: `/api/v1/credit?shop=${shopId}`, headers: { cookie: owner.cookie } })).json();
    expect(credit.level.tier).toBe("heart");

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(page, base, "presales@demo.qindesk");
    await (await byTestId(page, "nav-credit")).click();
    await byTestId(page, "credit-page");
    await expect.poll(async () => (await byTestId(page, "credit-score")).getAttribute("data-score")).toBe(String(credit.score));
    const badge = await byTestId(page, "credit-badge");
    expect(await badge.getAttribute("data-tier")).toBe("heart");
    expect(await badge.getAttribute("data-rank")).toBe(String(credit.level.rank));
    expect(await badge.locator(".anticon-heart").count()).toBe(credit.level.rank);
    await byTestId(page, "credit-months");

    await (await byTestId(page, "credit-simulate")).click();
    const result = await byTestId(page, "credit-what-if-result");
    const expected = (await t.qindesk.app.inject({ method: "POST", url: "/api/v1/credit/what-if", headers: owner.headers, payload: { shop: shopId, pending: true, rating: "good" } })).json();
    await expect.poll(() => result.getAttribute("data-after")).toBe(String(expected.after.score));
    expect(expected.after.score).toBeGreaterThan(credit.score);
    await page.context().close();
  }, 120_000);
});
