// Real Chromium (Debian's package) driven by playwright-core; nothing is downloaded.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Frame, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createTestApp, type TestApp } from "../test-app";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A test id anywhere in the page or its frames (the widget lives in a shadow root). */
export async function byTestId(page: Page, testid: string, options: { hasText?: string; timeout?: number } = {}): Promise<Locator> {
  const deadline = Date.now() + (options.timeout ?? 15_000);
  while (Date.now() < deadline) {
    for (const frame of page.frames() as Frame[]) {
      let locator = frame.locator(`[data-testid="${testid}"]`);
      if (options.hasText) locator = locator.filter({ hasText: options.hasText });
      if ((await locator.count().catch(() => 0)) > 0) return locator.first();
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no [data-testid=${testid}]${options.hasText ? ` with "${options.hasText}"` : ""} on ${page.url()}`);
}

/**
 * The usual set-up of a browser test file: QinDesk with the demo shop listening on a free
 * port, and one Chromium, both closed after the file. Read them inside tests (after beforeAll).
 */
export function browserSuite(): { readonly app: TestApp; readonly base: string; readonly browser: Browser } {
  const suite = {} as { app: TestApp; base: string; browser: Browser };
  beforeAll(async () => {
    suite.app = await createTestApp();
    suite.base = await suite.app.qindesk.app.listen({ port: 0, host: "127.0.0.1" });
    suite.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
  });
  return suite;
}

/** Signs in through the workbench's sign-in page and waits for the workbench. */
export async function signInPage(page: Page, base: string, email: string): Promise<void> {
  await page.goto(base + "/");
  await (await byTestId(page, "login-email")).fill(email);
  await (await byTestId(page, "login-password")).fill("qindesk-demo");
  await (await byTestId(page, "login-submit")).click();
  await byTestId(page, "account-menu");
}

/** Opens one conversation from the agent's queue by its id. */
export async function openConversation(page: Page, conversationId: string): Promise<void> {
  await page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationId}"]`).click({ timeout: 20_000 });
}
