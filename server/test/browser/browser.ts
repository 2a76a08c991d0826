// Real Chromium (Debian's package) driven by playwright-core; nothing is downloaded.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Frame, type Locator, type Page } from "playwright-core";

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
