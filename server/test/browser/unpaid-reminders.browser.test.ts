// 催付 in real Chromium: a buyer chats in the widget and leaves an order unpaid; an agent
// opens the unpaid list (orders page, 催付 section), picks the "last chat" template, edits
// the filled text and sends it; the buyer sees it in the widget and it is recorded.
// The panel is the orders page's `unpaid` section: OrdersRoute passes
// extraSections=[{key: "unpaid", label: t("unpaidReminders.tab"), render: () => <UnpaidRemindersPanel />}].
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products, skus } from "../../src/modules/catalog";
import { conversations, messages } from "../../src/modules/conversations";
import { unpaidReminders } from "../../src/modules/orders";
import { demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, signInPage } from "./browser";

const suite = browserSuite();

describe.runIf(hasChromium)("unpaid-order reminders", () => {
  it("an agent reminds from the list with the chat's context; the buyer sees it in the widget", async () => {
    const { app: t, base, browser } = suite;
    const db = t.database.db;
    const tag = Math.random().toString(36).slice(2, 8);
    const shopId = await demoShopId(t);

    const buyer = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "zh-CN" })).newPage();
    await buyer.goto(base + "/demo/shop");
    await (await byTestId(buyer, "widget-open")).click();
    await (await byTestId(buyer, "chat-input")).fill(`这条裙子还有M码吗 ${tag}`);
    await (await byTestId(buyer, "chat-send")).click();
    const stored = () => db.select({ customerId: conversations.customerId }).from(conversations).innerJoin(messages, eq(messages.conversationId, conversations.id)).where(eq(messages.text, `这条裙子还有M码吗 ${tag}`));
    await expect.poll(async () => (await stored()).length).toBe(1);
    const [{ customerId }] = (await stored()) as [{ customerId: string }];

    // The shop's system reports the buyer's order, not paid.
    const [product] = await db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
    const [sku] = await db.select().from(skus).where(and(eq(skus.productId, product!.id))).limit(1);
    const owner = await t.signIn("owner@demo.qindesk");
    const reported = await t.qindesk.app.inject({
      method: "POST",
      url: "/api/v1/orders",
      headers: owner.headers,
      payload: { id: `TB-BR-${tag}`, shop: shopId, customer: customerId, status: "awaiting_payment", createdAt: new Date(Date.now() - 20 * 60_000).toISOString(), items: [{ sku: sku!.id, qty: 1, price: 99 }] },
    });
    expect(reported.statusCode).toBe(201);
    const orderId = reported.json<{ order: { id: string } }>().order.id;

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await agent.goto(`${base}/#/orders/unpaid`);
    const row = agent.locator(`[data-testid="reminder-row"][data-order-id="${orderId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(async () => row.innerText()).toContain(`这条裙子还有M码吗 ${tag}`);
    await row.locator('[data-testid="reminder-open"]').click();

    await (await byTestId(agent, "reminder-template-last_chat")).click();
    const box = await byTestId(agent, "reminder-text");
    await expect.poll(async () => box.inputValue()).toContain("今天和您聊过之后");
    const text = `${await box.inputValue()} ${tag}`;
    await box.fill(text);
    await (await byTestId(agent, "reminder-send")).click();

    // The buyer sees the agent's reminder in the widget, and it is recorded as the agent's.
    await byTestId(buyer, "chat-message", { hasText: "今天和您聊过之后", timeout: 20_000 });
    await expect.poll(async () => (await db.select().from(unpaidReminders).where(eq(unpaidReminders.orderId, orderId))).length).toBe(1);
    const [reminder] = await db.select().from(unpaidReminders).where(eq(unpaidReminders.orderId, orderId));
    expect(reminder).toMatchObject({ ordinal: 1, automatic: false, template: "last_chat", text });
    // The list shows it as sent.
    await expect.poll(async () => row.locator('[data-testid="reminder-sent"]').count(), { timeout: 15_000 }).toBe(1);
  });
});
