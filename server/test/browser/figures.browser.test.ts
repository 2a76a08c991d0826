// The figures page in real Chromium: the owner opens it from the side menu, sees the
// figures of imported data for a chosen period, switches the trend to weeks and downloads
// the workbook; on a phone the page is reached through the menu drawer.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { browserSuite, byTestId, hasChromium, signInPage } from "./browser";

const GOLDEN = fileURLToPath(new URL("../../src/modules/analytics/fixtures/golden-day.jsonl", import.meta.url));

const suite = browserSuite();

beforeAll(async () => {
  const t = suite.app;
  const owner = await t.signIn("owner@demo.qindesk");
  const imported = await t.qindesk.app.inject({
    method: "POST",
    url: "/api/v1/import",
    headers: { ...owner.headers, "content-type": "application/x-ndjson" },
    payload: readFileSync(GOLDEN, "utf8"),
  });
  expect(imported.statusCode).toBe(200);
}, 60_000);

describe.runIf(hasChromium)("figures page in the browser", () => {
  it("shows a period's figures, a weekly trend, and downloads the workbook", async () => {
    const { app: t, base, browser } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInPage(page, base, "owner@demo.qindesk");
    await (await byTestId(page, "nav-figures")).click();
    await byTestId(page, "figures-page");

    // The imported shop (named like the demo shop, which the page opens on) and its days.
    await page.getByRole("combobox", { name: "店铺" }).click();
    await page.locator(".ant-select-item-option:not(.ant-select-item-option-selected)").filter({ hasText: "瑞丽女坊" }).click();
    const [start, end] = [page.getByPlaceholder("开始日期"), page.getByPlaceholder("结束日期")];
    await start.click();
    await start.fill("2026-08-31");
    await end.fill("2026-09-01");
    await end.press("Enter");
    const owner = await t.signIn("owner@demo.qindesk");
    const expected = await t.qindesk.app.inject({ url: "/api/v1/reports/figures?shop=s1&from=2026-08-31&to=2026-09-01", headers: owner.headers });
    const { inquiringBuyers, sales } = expected.json<{ inquiringBuyers: number; sales: number }>();
    expect(inquiringBuyers).toBeGreaterThan(0);
    await expect.poll(async () => (await byTestId(page, "figure-inquiringBuyers")).textContent()).toBe(`询单人数${inquiringBuyers}`);
    expect(await (await byTestId(page, "figure-sales")).textContent()).toBe(`客服销售额¥${sales.toFixed(2)}`);
    await byTestId(page, "figures-trend");
    await (await byTestId(page, "figures-ranking")).getByText("小美").waitFor();

    await page.getByText("按周").click();
    await expect.poll(() => page.url()).toContain("#/figures");

    await (await byTestId(page, "figures-export")).click();
    const downloading = page.waitForEvent("download");
    await (await byTestId(page, "figures-export-xlsx")).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe("瑞丽女坊-figures-2026-08-31_2026-09-01.xlsx");
    const bytes = readFileSync((await file.path())!);
    const sheets = unzipSync(new Uint8Array(bytes));
    expect(strFromU8(sheets["xl/workbook.xml"]!)).toContain('name="客服排行"');
    expect(strFromU8(sheets["xl/worksheets/sheet2.xml"]!)).toContain("小美");
    await context.close();
  }, 120_000);

  it("is in the menu drawer on a phone, and an agent sees only their own figures", async () => {
    const { base, browser } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInPage(page, base, "presales@demo.qindesk");
    await (await byTestId(page, "nav-menu")).click();
    await (await byTestId(page, "nav-figures")).click();
    await page.getByText("我的数据").waitFor();
    await expect.poll(async () => (await byTestId(page, "figure-inquiringBuyers")).textContent()).toContain("0");
    expect(await page.getByTestId("figures-ranking").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  }, 60_000);
});
