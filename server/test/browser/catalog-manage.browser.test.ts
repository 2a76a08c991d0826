// Catalog management in real Chromium: the owner imports a CSV, sees the preview with the
// bad row (row number, column, problem) and cannot apply it, fixes the file, applies it,
// and finds the product in the catalog list; a pre-sales agent then finds it in the chat
// sidebar by Chinese words, with its real stock.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../src/platform/db/database";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();

const HEADER = "product_id,标题,类目,价格,促销价,材质,注意事项,颜色,尺码,实际库存,展示库存";
const row = (size: string, stock: string) => `BR-CARDI-1,羊绒针织开衫 限定款,针织衫,359.00,299,羊绒 30%，羊毛 70%,燕麦色在影棚灯光下偏黄,燕麦,${size},${stock},20`;
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join("\r\n") + "\r\n");

describe.runIf(hasChromium)("catalog management in the workbench", () => {
  it("imports a CSV after fixing the row the preview names, then finds the product in the list and the chat sidebar", async () => {
    const { app: t, base, browser } = suite;
    const owner = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(owner, base, "owner@demo.qindesk");
    await owner.goto(`${base}/#/catalog`);
    await byTestId(owner, "catalog-page");
    await (await byTestId(owner, "catalog-import")).click();
    const file = owner.locator('[data-testid="import-file"]');

    // Row 3 has a stock that is not a number: the preview names it and nothing can be applied.
    await file.setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: csv([row("S", "4"), row("M", "两件")]) });
    const bad = await byTestId(owner, "import-error-row");
    await expect.poll(() => bad.textContent()).toMatch(/^3.*实际库存.*不是数量/);
    expect(await (await byTestId(owner, "import-apply")).isDisabled()).toBe(true);

    // Fixed file: the preview shows two new SKUs of one new product, and applies.
    await file.setInputFiles({ name: "products-fixed.csv", mimeType: "text/csv", buffer: csv([row("S", "4"), row("M", "2")]) });
    await expect.poll(async () => (await byTestId(owner, "import-summary")).textContent()).toContain("新增商品 1");
    const apply = await byTestId(owner, "import-apply");
    await expect.poll(() => apply.isEnabled()).toBe(true);
    await apply.click();
    await expect.poll(() => owner.locator('[data-testid="import-dialog"]').count()).toBe(0);

    const search = (await byTestId(owner, "catalog-search")).locator("input");
    await search.fill("羊绒 开衫");
    await search.press("Enter");
    const listed = owner.locator('[data-testid="catalog-row"]', { hasText: "羊绒针织开衫 限定款" });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.locator('[data-testid="catalog-real-stock"]').textContent()).toBe("6");
    await owner.context().close();

    // A buyer asks; the pre-sales agent finds the imported product beside the chat.
    const session = await buyerSession(t, await demoShopId(t));
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say("有羊绒开衫吗？")).message.conversationId;
    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);
    const sidebar = (await byTestId(agent, "product-search")).locator("input");
    await sidebar.fill("毛衣 羊绒");
    await sidebar.press("Enter");
    await (await byTestId(agent, "product-item", { hasText: "羊绒针织开衫" })).click();
    const stock = await byTestId(agent, "product-stock");
    await expect.poll(() => stock.locator("tr", { hasText: "燕麦" }).locator("td").nth(2).textContent()).toBe("2");
    expect(await (await byTestId(agent, "product-knowledge")).textContent()).toContain("影棚");
    await buyer.close();
    await agent.context().close();
  }, 120_000);

  it("sets stock in the colour × size grid, and reloads instead of overwriting when an order took some meanwhile", async () => {
    const { app: t, base, browser } = suite;
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(page, base, "supervisor@demo.qindesk");
    await page.goto(`${base}/#/catalog`);
    await (await byTestId(page, "catalog-row", { hasText: "碎花雪纺连衣裙" })).click();
    const cell = (color: string, size: string) => page.locator(`[data-testid="stock-cell"][data-color="${color}"][data-size="${size}"] input[aria-label="真实"]`);
    await cell("黄色碎花", "M").fill("9");
    await (await byTestId(page, "stock-save")).click();
    const [sku] = await queryRows<{ id: string; stock: number }>(t.database.db, sql`select s.id, s.stock from skus s join products p on p.id = s.product_id where p.title like '碎花雪纺%' and s.color = '黄色碎花' and s.size = 'M'`);
    await expect.poll(async () => (await queryRows<{ stock: number }>(t.database.db, sql`select stock from skus where id = ${sku!.id}`))[0]!.stock).toBe(9);
    const [audit] = await queryRows<{ details: { from: number; to: number } }>(t.database.db, sql`select details from audit_log where action = 'catalog.stock_set' and subject_id = ${sku!.id}`);
    expect(audit!.details).toMatchObject({ from: 3, to: 9 });

    // An order takes one while the supervisor types 20: the save is refused and the grid shows 8.
    await expect.poll(() => cell("黄色碎花", "M").inputValue()).toBe("9");
    // The first save has come back when the button has nothing left to save (while it is pending, a click is ignored).
    await expect.poll(async () => (await byTestId(page, "stock-save")).isDisabled()).toBe(true);
    await t.database.db.execute(sql`update skus set stock = stock - 1 where id = ${sku!.id}`);
    await cell("黄色碎花", "M").fill("20");
    await (await byTestId(page, "stock-save")).click();
    await expect.poll(() => cell("黄色碎花", "M").inputValue()).toBe("8");
    expect((await queryRows<{ stock: number }>(t.database.db, sql`select stock from skus where id = ${sku!.id}`))[0]!.stock).toBe(8);
    await page.context().close();
  }, 90_000);
});
