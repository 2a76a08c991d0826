// The chat end to end in real Chromium through CONTRACTS §7's test ids: a pre-sales
// agent signs in, a buyer writes from the demo storefront's widget, the agent answers,
// the buyer sees it, and after a reload both messages are still there.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test-app";
import { byTestId, hasChromium, launchBrowser } from "./browser";

let t: TestApp;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.qindesk.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.runIf(hasChromium)("chat in the browser", () => {
  it("buyer → agent → buyer, history kept after reload", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const ask = `亲，这件针织衫有M码吗 ${tag}`;
    const answer = `有的哦亲 ${tag}`;

    const agent = await (await browser.newContext()).newPage();
    await agent.goto(base + "/");
    await (await byTestId(agent, "login-email")).fill("presales@demo.qindesk");
    await (await byTestId(agent, "login-password")).fill("qindesk-demo");
    await (await byTestId(agent, "login-submit")).click();

    const buyer = await (await browser.newContext()).newPage();
    await buyer.goto(base + "/demo/shop");
    await (await byTestId(buyer, "widget-open")).click();
    await (await byTestId(buyer, "chat-input")).fill(ask);
    await (await byTestId(buyer, "chat-send")).click();
    await byTestId(buyer, "chat-message", { hasText: tag });

    await (await byTestId(agent, "conversation-item", { hasText: tag, timeout: 20_000 })).click();
    await byTestId(agent, "chat-message", { hasText: tag });
    await (await byTestId(agent, "chat-input")).fill(answer);
    await (await byTestId(agent, "chat-send")).click();
    await byTestId(buyer, "chat-message", { hasText: answer });

    await buyer.reload();
    await (await byTestId(buyer, "widget-open")).click().catch(() => undefined);
    await byTestId(buyer, "chat-message", { hasText: ask });
    await byTestId(buyer, "chat-message", { hasText: answer });

    // User text is shown as text, never as HTML.
    const hostile = `<img src=x onerror="window.__pwned=1"> ${tag}`;
    await (await byTestId(buyer, "chat-input")).fill(hostile);
    await (await byTestId(buyer, "chat-send")).click();
    await byTestId(agent, "chat-message", { hasText: `onerror` });
    expect(await agent.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await buyer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }, 90_000);

  it("the standalone chat page works on a phone-sized screen", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const shops = await t.qindesk.app.inject({ url: "/api/widget/shops/none/products" });
    expect(shops.statusCode).toBe(404);
    const demo = await page.goto(base + "/demo/shop");
    expect(demo?.status()).toBe(200);
    const shopId = await page.locator("script[data-shop]").getAttribute("data-shop");
    await page.goto(`${base}/chat/${shopId}`);
    await (await byTestId(page, "chat-input")).fill("手机上能聊吗");
    await (await byTestId(page, "chat-send")).click();
    await byTestId(page, "chat-message", { hasText: "手机上能聊吗" });
    await context.close();
  }, 60_000);
});
