// Issue 5's main path in real Chromium: a buyer asks in the widget, the agent sends a
// product card, the buyer buys it on the demo storefront (real checkout, stock taken),
// the agent sends the address check and the buyer confirms it in the widget, the agent
// proposes another size and the buyer agrees (stock moves), and the remark shows on the
// order and in the pick list.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products, skus } from "../../src/modules/catalog";
import { conversations, messages } from "../../src/modules/conversations";
import { orderItems, orders } from "../../src/modules/orders";
import { demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();

describe.runIf(hasChromium)("orders inside the chat", () => {
  it("from a question to a paid order with its address checked, size changed and remark for the warehouse", async () => {
    const { app: t, base, browser } = suite;
    const db = t.database.db;
    const tag = Math.random().toString(36).slice(2, 8);
    const shopId = await demoShopId(t);
    const [knit] = await db.select().from(products).where(and(eq(products.shopId, shopId), eq(products.title, "V领宽松针织衫 秋冬新款")));
    const skuOf = async (color: string, size: string) => (await db.select().from(skus).where(and(eq(skus.productId, knit!.id), eq(skus.color, color), eq(skus.size, size))))[0]!;
    const m = await skuOf("米白", "M");
    const l = await skuOf("米白", "L");

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");

    // The buyer asks from the storefront.
    const buyer = await (await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "zh-CN" })).newPage();
    await buyer.goto(base + "/demo/shop");
    await (await byTestId(buyer, "widget-open")).click();
    await (await byTestId(buyer, "chat-input")).fill(`这件针织衫 160 穿什么码 ${tag}`);
    await (await byTestId(buyer, "chat-send")).click();
    const stored = () => db.select({ id: conversations.id, customerId: conversations.customerId }).from(conversations).innerJoin(messages, eq(messages.conversationId, conversations.id)).where(eq(messages.text, `这件针织衫 160 穿什么码 ${tag}`));
    await expect.poll(async () => (await stored()).length).toBe(1);
    const [conversation] = await stored();

    // The agent answers with the product card.
    await openConversation(agent, conversation!.id);
    await (await byTestId(agent, "product-search")).locator("input").fill("针织");
    await (await byTestId(agent, "product-search")).locator("input").press("Enter");
    await (await byTestId(agent, "product-item", { hasText: "V领宽松针织衫" })).click();
    await (await byTestId(agent, "product-send")).click();
    await byTestId(buyer, "chat-message", { hasText: "V领宽松针织衫" });

    // The buyer buys it on the product page (the chat widget is there too, as the same buyer).
    await buyer.goto(`${base}/demo/shop/p/${knit!.id}`);
    await buyer.locator('[data-testid="checkout-colors"] label', { hasText: "米白" }).click();
    await buyer.locator('[data-testid="checkout-sizes"] label', { hasText: /^M$/ }).click();
    await buyer.getByTestId("checkout-name").fill("李红");
    await buyer.getByTestId("checkout-phone").fill("13812341234");
    await buyer.getByTestId("checkout-address").fill("浙江省杭州市西湖区文三路100号5幢302");
    await buyer.getByTestId("checkout-submit").click();
    await buyer.getByTestId("checkout-pay").click();
    await expect.poll(() => buyer.getByTestId("checkout-result").getAttribute("class")).toContain("ok");
    const [order] = await db.select().from(orders).where(and(eq(orders.customerId, conversation!.customerId), eq(orders.status, "paid")));
    expect(order).toBeDefined();
    expect((await skuOf("米白", "M")).stock).toBe(m.stock - 1);

    // The agent sees the paid order beside the chat and sends the address check.
    await agent.locator(`[data-testid="customer-order"][data-order-id="${order!.id}"]`).click({ timeout: 20_000 });
    const drawer = await byTestId(agent, "order-drawer");
    await expect.poll(() => drawer.getByTestId("order-status").textContent()).toBe("已付款");
    // Masked for a pre-sales agent.
    expect(await drawer.getByTestId("order-recipient").textContent()).toContain("138****1234");
    await drawer.getByTestId("order-address-check").click();

    await (await byTestId(buyer, "widget-open")).click();
    const addressCard = await byTestId(buyer, "order-card");
    await expect.poll(() => addressCard.textContent()).toContain("文三路100号5幢302");
    await addressCard.getByTestId("order-card-confirm").click();
    await expect.poll(() => addressCard.getAttribute("data-state")).toBe("confirmed");
    await byTestId(agent, "order-address-verified");
    await expect.poll(async () => (await db.select().from(orders).where(eq(orders.id, order!.id)))[0]!.addressVerifiedAt).not.toBeNull();

    // Another size instead of refund-and-rebuy: the buyer agrees in the chat.
    await drawer.getByTestId("order-sku-change").click();
    await (await byTestId(agent, "sku-change-choice")).click();
    await agent.locator(".ant-select-item-option").filter({ hasText: "米白 / L" }).click();
    await (await byTestId(agent, "sku-change-send")).click();
    const sizeCard = buyer.locator('[data-testid="order-card"][data-kind="sku_change"]');
    await sizeCard.getByTestId("order-card-confirm").click({ timeout: 20_000 });
    await expect.poll(() => sizeCard.getAttribute("data-state")).toBe("confirmed");
    await expect.poll(async () => (await db.select().from(orderItems).where(eq(orderItems.orderId, order!.id)))[0]!.skuId).toBe(l.id);
    expect((await skuOf("米白", "M")).stock).toBe(m.stock);
    expect((await skuOf("米白", "L")).stock).toBe(l.stock - 1);
    await expect.poll(() => drawer.getByTestId("order-item").first().textContent()).toContain("米白 / L");
    // The agent's chat shows the card answered too.
    await expect.poll(() => agent.locator('[data-testid="order-card"][data-state="confirmed"]').count()).toBe(2);

    // The remark for the warehouse: on the order and in the pick list.
    await drawer.getByTestId("order-remark").fill(`米白L，附赠袜子 ${tag}`);
    await drawer.getByTestId("order-remark-save").click();
    await expect.poll(async () => (await db.select().from(orders).where(eq(orders.id, order!.id)))[0]!.remark).toBe(`米白L，附赠袜子 ${tag}`);
    await agent.goto(base + "/#/orders/pick");
    await byTestId(agent, "pick-remark", { hasText: tag });

    await buyer.context().close();
    await agent.context().close();
  }, 180_000);
});
