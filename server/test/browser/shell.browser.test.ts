// The workbench shell in real Chromium: the owner signs in, switches the language (kept
// per agent on the server, so it survives a reload), changes the shop's welcome
// auto-reply in settings, and signs out. At phone size the sign-in page and the queue fit
// the screen without sideways scrolling.
import type { Browser, Page } from "playwright-core";
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(base + "/");
  await (await byTestId(page, "login-email")).fill(email);
  await (await byTestId(page, "login-password")).fill("qindesk-demo");
  await (await byTestId(page, "login-submit")).click();
  await byTestId(page, "account-menu");
}

/** The workbench entry of the top menu: the visible label that follows the language. */
async function navLabel(page: Page): Promise<string | null> {
  return (await byTestId(page, "nav-workbench")).textContent();
}

/** Widest element overflow of the page: 0 when nothing makes it scroll sideways. */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.runIf(hasChromium)("workbench shell in the browser", () => {
  it("language per agent, shop settings, sign-out", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, "owner@demo.qindesk");
    // Demo agents start in Simplified Chinese.
    expect(await navLabel(page)).toBe("接待台");

    await page.getByRole("combobox", { name: "语言" }).first().click();
    await page.locator(".ant-select-item-option").filter({ hasText: "English" }).click();
    await expect.poll(() => navLabel(page)).toBe("Workbench");

    // Saved on the server for this agent, not only in this browser: a fresh context
    // (no localStorage) signs in and gets English.
    await expect.poll(async () => (await t.signIn("owner@demo.qindesk").then((s) => t.qindesk.app.inject({ url: "/api/me", headers: { cookie: s.cookie } }))).json().agent.locale).toBe("en");
    await page.reload();
    await byTestId(page, "account-menu");
    expect(await navLabel(page)).toBe("Workbench");
    const other = await (await browser.newContext()).newPage();
    await signIn(other, "owner@demo.qindesk");
    await expect.poll(() => navLabel(other)).toBe("Workbench");
    await other.context().close();

    // Settings: change the welcome auto-reply.
    await (await byTestId(page, "nav-settings")).click();
    await (await byTestId(page, "settings-tab-replies")).click();
    const welcome = await byTestId(page, "auto-reply-welcome");
    const text = `亲，欢迎光临{shop}！${Math.random().toString(36).slice(2, 8)}`;
    await welcome.fill(text);
    await (await byTestId(page, "settings-save")).click();
    await page.getByText("Saved").first().waitFor();
    const owner = await t.signIn("owner@demo.qindesk");
    const shops = (await t.qindesk.app.inject({ url: "/api/v1/shops", headers: { cookie: owner.cookie } })).json<{ items: Array<{ id: string }> }>();
    const shop = (await t.qindesk.app.inject({ url: `/api/v1/shops/${shops.items[0]!.id}`, headers: { cookie: owner.cookie } })).json();
    expect(shop.shop.settings.autoReplies.welcome).toBe(text);

    // Sign out: back on the sign-in page, and the session is gone.
    await (await byTestId(page, "account-menu")).click();
    await (await byTestId(page, "logout")).click();
    await byTestId(page, "login-email");
    await page.reload();
    await byTestId(page, "login-email");
    await context.close();
  }, 120_000);

  it("sign-in and the queue fit a phone screen", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(base + "/");
    await byTestId(page, "login-email");
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await (await byTestId(page, "login-email")).fill("presales@demo.qindesk");
    await (await byTestId(page, "login-password")).fill("qindesk-demo");
    await (await byTestId(page, "login-submit")).click();
    await byTestId(page, "account-menu");
    await page.getByRole("tab").first().waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  }, 60_000);
});
