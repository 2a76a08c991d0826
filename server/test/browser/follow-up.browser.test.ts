// The after-delivery follow-up in real Chromium: the courier's "signed for" puts the order
// on the after-sales desk; the agent asks the buyer in one click (the chat opens with the
// seed's question), the buyer sees it in the widget, and the agent records the outcome.
import { describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, signInPage } from "./browser";

const suite = browserSuite();

describe.runIf(hasChromium)("after-delivery follow-up", () => {
  it("asks the buyer after delivery and records how it went", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    const session = await buyerSession(t, shopId);
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const owner = await t.signIn("owner@demo.qindesk");
    const post = (url: string, payload: object) => t.qindesk.app.inject({ method: "POST", url, payload, headers: owner.headers });
    const products = (await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("T恤")}`, headers: owner.headers })).json<{ items: { id: string }[] }>().items;
    const skus = (await t.qindesk.app.inject({ url: `/api/v1/products/${products[0]!.id}`, headers: owner.headers })).json<{ skus: { id: string }[] }>().skus;
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
    expect((await post("/api/v1/orders", { id: "TB-FU-B1", shop: shopId, customer: session.customer.id, status: "paid", createdAt: at(50), paidAt: at(49), items: [{ sku: skus[0]!.id, qty: 1, price: 59 }] })).statusCode).toBe(201);
    await post("/api/v1/orders/TB-FU-B1/logistics", { events: [{ id: "x", at: at(2), location: "杭州", description: "已签收", status: "delivered" }] });

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" })).newPage();
    await signInPage(agent, base, "aftersales@demo.qindesk");
    await (await byTestId(agent, "nav-aftersales")).click();
    await (await byTestId(agent, "aftersales-follow-ups-tab")).click();
    await (await byTestId(agent, "follow-up-ask")).click();
    // The chat opens with the question; the buyer receives it.
    await byTestId(agent, "chat-message", { hasText: "请问收到的宝贝还满意吗" });
    await buyer.next((e) => e.type === "message.new" && e.message.text.includes("请问收到的宝贝还满意吗"));

    await agent.goto(base + "/#/aftersales/follow-ups");
    await (await byTestId(agent, "follow-up-outcome")).click();
    await agent.locator(".ant-select-item-option").filter({ hasText: "满意，已邀请评价" }).click();
    await (await byTestId(agent, "follow-up-record")).click();
    await expect.poll(async () => (await t.qindesk.app.inject({ url: "/api/v1/aftersales/follow-ups?state=done", headers: owner.headers })).json<{ items: { orderRef: string; outcome: string }[] }>().items.find((f) => f.orderRef === "TB-FU-B1")?.outcome).toBe("all_good");
    await buyer.close();
    await agent.context().close();
  }, 120_000);
});
