// After-sales in the workbench, in real Chromium: a buyer with a delivered order writes;
// the after-sales agent opens a return case from the sidebar, sees that it is eligible and
// why, and takes it from the exchange offer to the refund and closing.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { aftersalesCases } from "../../src/modules/aftersales/aftersales.schema";
import { products, skus } from "../../src/modules/catalog";
import { conversations, messages } from "../../src/modules/conversations";
import { insertOrder, orders } from "../../src/modules/orders";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();
const DAY = 86_400_000;

describe.runIf(hasChromium)("after-sales in the workbench", () => {
  it("opens a return from the sidebar and takes it to the refund", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    const session = await buyerSession(t, shopId);
    const [sku] = await t.database.db.select({ id: skus.id, productId: skus.productId }).from(skus).innerJoin(products, eq(products.id, skus.productId)).where(eq(products.shopId, shopId)).limit(1);
    const orderId = await insertOrder(t.database.db, t.workspaceId, {
      shopId,
      customerId: session.customer.id,
      externalId: "TB20261120001",
      status: "delivered",
      createdAt: new Date(Date.now() - 5 * DAY),
      paidAt: new Date(Date.now() - 5 * DAY),
      items: [{ productId: sku!.productId, skuId: sku!.id, qty: 1, priceCents: 9900 }],
    });
    await t.database.db.update(orders).set({ shippedAt: new Date(Date.now() - 4 * DAY), deliveredAt: new Date(Date.now() - 2 * DAY) }).where(eq(orders.id, orderId));
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say("衣服小了，想退货")).message.conversationId;

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(agent, base, "aftersales@demo.qindesk");
    await openConversation(agent, conversationId);

    await (await byTestId(agent, "aftersales-open")).click();
    await (await byTestId(agent, "aftersales-reason")).click();
    await agent.locator(".ant-select-item-option").filter({ hasText: "尺码不合适" }).click();
    const eligibility = await byTestId(agent, "aftersales-eligibility");
    await expect.poll(() => eligibility.getAttribute("data-eligible")).toBe("true");
    expect(await eligibility.textContent()).toContain("在7天无理由期内");
    await (await byTestId(agent, "aftersales-submit")).click();

    const detail = await byTestId(agent, "aftersales-case-detail");
    const act = async (action: string, answer?: string) => {
      await agent.locator(`[data-testid="aftersales-action"][data-action="${action}"]`).click();
      if (answer !== undefined) {
        await (await byTestId(agent, "aftersales-ask")).fill(answer);
        await (await byTestId(agent, "aftersales-ask-ok")).click();
      }
    };
    await act("offer_retention", "同价位换 L 码");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("retention_offered");
    await act("buyer_declines");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("return_authorised");
    await act("mark_return_shipped", "SF1000200030");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("return_shipped");
    await act("receive_return");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("received");
    await act("inspect");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("inspected");
    await act("refund", "99");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("refunded");
    await act("close");
    await expect.poll(() => detail.getAttribute("data-status")).toBe("closed");
    expect(await agent.getByTestId("aftersales-step").count()).toBe(8);
    const [order] = await t.database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe("refunded");
    await buyer.close();
    await agent.context().close();
  }, 120_000);

  it("the after-sales desk lists open cases by due time; a complaint's steps are ticked from the drawer", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    const session = await buyerSession(t, shopId);
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say("你们的服务太差了")).message.conversationId;
    await buyer.close();
    const api = await t.signIn("aftersales@demo.qindesk");
    const opened = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/aftersales/cases", payload: { kind: "complaint", reason: "service_attitude", conversationId }, headers: api.headers });
    const caseId = opened.json<{ id: string }>().id;

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(agent, base, "aftersales@demo.qindesk");
    await (await byTestId(agent, "nav-aftersales")).click();
    const table = await byTestId(agent, "aftersales-sla-table");
    await table.getByText("服务态度").first().click();
    const detail = await byTestId(agent, "aftersales-case-detail");
    expect(await detail.getAttribute("data-status")).toBe("opened");
    expect(["ok", "due_soon"]).toContain(await (await byTestId(agent, "aftersales-due")).getAttribute("data-sla"));
    await agent.locator('[data-testid="complaint-step"][data-step="apologise"]').click();
    await expect.poll(() => agent.locator('[data-testid="complaint-step"][data-step="apologise"]').isChecked()).toBe(true);
    const evidence = await byTestId(agent, "aftersales-evidence");
    expect(await evidence.getAttribute("href")).toBe(`/api/v1/aftersales/cases/${caseId}/evidence`);
    await agent.context().close();
  }, 90_000);

  it("main path: the buyer asks to return in the widget; exchange offered, declined; returned, refunded, stock back", async () => {
    const { app: t, base, browser } = suite;
    const tag = Math.random().toString(36).slice(2, 8);
    const shopId = await demoShopId(t);
    const buyer = await (await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true, locale: "zh-CN" })).newPage();
    await buyer.goto(base + "/demo/shop");
    await (await byTestId(buyer, "widget-open")).click();
    await (await byTestId(buyer, "chat-input")).fill(`在吗 ${tag}`);
    await (await byTestId(buyer, "chat-send")).click();
    await byTestId(buyer, "chat-message", { hasText: tag });
    // The widget shows the message before the server has stored it: wait for the store.
    const storedConversation = () =>
      t.database.db
        .select({ customerId: conversations.customerId })
        .from(conversations)
        .innerJoin(messages, eq(messages.conversationId, conversations.id))
        .where(eq(messages.text, `在吗 ${tag}`));
    await expect.poll(async () => (await storedConversation()).length).toBe(1);
    const [conversation] = await storedConversation();
    const [sku] = await t.database.db.select({ id: skus.id, productId: skus.productId, stock: skus.stock }).from(skus).innerJoin(products, eq(products.id, skus.productId)).where(eq(products.shopId, shopId)).limit(1);
    const orderId = await insertOrder(t.database.db, t.workspaceId, {
      shopId,
      customerId: conversation!.customerId,
      externalId: `TB-${tag}`,
      status: "delivered",
      createdAt: new Date(Date.now() - 4 * DAY),
      paidAt: new Date(Date.now() - 4 * DAY),
      items: [{ productId: sku!.productId, skuId: sku!.id, qty: 1, priceCents: 9900 }],
    });
    await t.database.db.update(orders).set({ shippedAt: new Date(Date.now() - 3 * DAY), deliveredAt: new Date(Date.now() - DAY) }).where(eq(orders.id, orderId));

    // The buyer asks in the widget.
    await (await byTestId(buyer, "widget-aftersales")).click();
    await (await byTestId(buyer, "widget-order", { hasText: `TB-${tag}` })).waitFor();
    await (await byTestId(buyer, "widget-aftersales-apply")).click();
    await (await byTestId(buyer, "widget-aftersales-kind")).selectOption("return");
    await (await byTestId(buyer, "widget-aftersales-reason")).selectOption("size_fit");
    await (await byTestId(buyer, "widget-aftersales-note")).fill("偏小了");
    await (await byTestId(buyer, "widget-aftersales-submit")).click();
    await byTestId(buyer, "chat-message", { hasText: `【申请售后】订单 TB-${tag}：退货退款` });
    const [opened] = await t.database.db.select().from(aftersalesCases).where(eq(aftersalesCases.orderId, orderId));
    expect(opened).toMatchObject({ kind: "return", reason: "size_fit", note: "偏小了", openedBy: null, eligibility: { eligible: true } });

    // The after-sales agent takes it from the desk to the end.
    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(agent, base, "aftersales@demo.qindesk");
    await (await byTestId(agent, "nav-aftersales")).click();
    await (await byTestId(agent, "aftersales-sla-table")).getByText("尺码不合适").first().click();
    const detail = await byTestId(agent, "aftersales-case-detail");
    const act = async (action: string, status: string, answer?: string) => {
      await agent.locator(`[data-testid="aftersales-action"][data-action="${action}"]`).click();
      if (answer !== undefined) {
        await (await byTestId(agent, "aftersales-ask")).fill(answer);
        await (await byTestId(agent, "aftersales-ask-ok")).click();
      }
      await expect.poll(() => detail.getAttribute("data-status")).toBe(status);
    };
    await act("offer_retention", "retention_offered", "同价位换 L 码");
    await act("buyer_declines", "return_authorised");
    await act("mark_return_shipped", "return_shipped", "YT9988");
    await act("receive_return", "received");
    await act("inspect", "inspected");
    await act("refund", "refunded", "99");
    await act("close", "closed");

    const [order] = await t.database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe("refunded");
    const [after] = await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, sku!.id));
    expect(after!.stock).toBe(sku!.stock + 1);
    await buyer.context().close();
    await agent.context().close();
  }, 120_000);

  it("warns the after-sales agent of a case due within the hour", async () => {
    const { app: t, base, browser } = suite;
    const session = await buyerSession(t, await demoShopId(t));
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say("快递一直不动")).message.conversationId;
    await buyer.close();
    const api = await t.signIn("aftersales@demo.qindesk");
    const opened = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/aftersales/cases", payload: { kind: "logistics", reason: "logistics", conversationId }, headers: api.headers });
    await t.database.db.update(aftersalesCases).set({ dueAt: new Date(Date.now() + 20 * 60_000) }).where(eq(aftersalesCases.id, opened.json<{ id: string }>().id));

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(agent, base, "aftersales@demo.qindesk");
    await byTestId(agent, "sla-warning");
    await agent.context().close();
  }, 60_000);
});
