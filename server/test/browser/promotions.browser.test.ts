// Promotions and shop policies in real Chromium: beside the chat the agent sees what the
// buyer's product gets and what is one item away (买两件送袜子), and puts it in the reply
// before the buyer asks; the owner's policies change what the assistant checks and offers.
import { describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();

async function resetPromotions(shopId: string, promotions: Record<string, unknown>[]) {
  const t = suite.app;
  const owner = await t.signIn("owner@demo.qindesk");
  const items = (await t.qindesk.app.inject({ url: `/api/v1/promotions?shopId=${shopId}`, headers: owner.headers })).json().items as { id: string }[];
  for (const p of items) await t.qindesk.app.inject({ method: "DELETE", url: `/api/v1/promotions/${p.id}`, headers: owner.headers });
  for (const body of promotions) {
    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/promotions", headers: owner.headers, payload: { shopId, startsAt: "2020-01-01T00:00", ...body } });
    expect(res.statusCode).toBe(201);
  }
}

describe.runIf(hasChromium)("promotions in the workbench", () => {
  it("shows what the buyer's product gets and what is close, and drafts the mention", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    await resetPromotions(shopId, [
      { kind: "gift", name: "买两件送袜子", params: { minQuantity: 2, gift: "袜子" } },
      { kind: "free_shipping", name: "满99包邮", params: { thresholdCents: 9900 } },
    ]);
    const owner = await t.signIn("owner@demo.qindesk");
    const knit = (await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("针织衫")}`, headers: owner.headers })).json().items[0];
    const session = await buyerSession(t, shopId);
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say(knit.title, { kind: "product", productId: knit.id })).message.conversationId;
    await buyer.say("这件怎么样");

    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);

    const card = await byTestId(agent, "promotions-card");
    await card.getByTestId("promotion-item").filter({ hasText: knit.title }).waitFor();
    // 99 on promotion: free shipping already; one more item brings the socks.
    const applies = card.getByTestId("promotion-applies");
    const close = card.getByTestId("promotion-close");
    await expect.poll(() => applies.allTextContents()).toEqual(["已享包邮（满¥99）"]);
    await expect.poll(() => close.allTextContents()).toEqual(["差一点再买 1 件送袜子"]);

    await close.getByTestId("promotion-mention").click();
    const input = await byTestId(agent, "chat-input");
    await expect.poll(() => input.inputValue()).toContain("再买1件就送袜子");

    // The buyer takes two: the socks now apply.
    const quantity = card.getByTestId("promotion-item").locator("input");
    await quantity.fill("2");
    await quantity.blur();
    await expect.poll(() => applies.allTextContents()).toEqual(["已享买2件送袜子 ×1", "已享包邮（满¥99）"]);
    await expect.poll(() => close.count()).toBe(0);
    await buyer.close();
    await agent.context().close();
  }, 90_000);

  it("lets the owner set shop policies that the etiquette check and the bargaining helper follow", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    const owner = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(owner, base, "owner@demo.qindesk");
    await owner.goto(`${base}/#/settings/shop`);
    const card = await byTestId(owner, "policies-card");
    // The seeds' defaults: free shipping held firm, 7 days, every etiquette rule on.
    expect(await card.locator('input[type="radio"][value="hold_firm"]').isChecked()).toBe(true);
    expect(await (await byTestId(owner, "policy-return-days")).inputValue()).toBe("7");
    const rules = card.getByTestId("policy-lint-rules").locator('input[type="checkbox"]');
    expect(await rules.count()).toBe(5);
    for (let i = 0; i < 5; i++) expect(await rules.nth(i).isChecked()).toBe(true);

    await card.getByText("必要时可以包邮", { exact: false }).click();
    await card.getByTestId("policy-lint-rules").getByText("责怪买家").click();
    await (await byTestId(owner, "policies-save")).click();
    const saved = async () => (await t.qindesk.app.inject({ url: `/api/v1/shops/${shopId}`, headers: (await t.signIn("owner@demo.qindesk")).headers })).json().shop.settings.policies;
    await expect.poll(async () => (await saved()).lintRules.blame_buyer).toBe(false);
    expect((await saved()).freeShippingOnRequest).toBe("grant_when_needed");
    await owner.context().close();

    // An agent's draft that blames the buyer is no longer flagged; free shipping is offered when bargaining.
    const list = await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("T恤")}`, headers: (await t.signIn("owner@demo.qindesk")).headers });
    const tee = list.json().items[0];
    const session = await buyerSession(t, shopId);
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say(tee.title, { kind: "product", productId: tee.id })).message.conversationId;
    await buyer.say("能便宜点吗？");
    const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);
    const helper = await byTestId(agent, "bargain-helper", { hasText: tee.title });
    await expect.poll(() => helper.getByTestId("bargain-step").first().textContent()).toBe("送小礼品");
    await expect.poll(() => helper.locator('[data-kind="free_shipping"]').count()).toBe(1);
    const input = await byTestId(agent, "chat-input");
    await input.fill("这个你自己没看清楚吧");
    await agent.waitForTimeout(600);
    expect(await agent.getByTestId("lint-bar").count()).toBe(0);
    await input.fill("绝对正品，保证满意");
    await byTestId(agent, "lint-bar");
    await buyer.close();
    await agent.context().close();
  }, 90_000);

  it("lets a supervisor add a 满减 with a window in shop time, switch it off, and try a basket", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    await resetPromotions(shopId, []);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(page, base, "supervisor@demo.qindesk");
    await (await byTestId(page, "nav-promotions")).click();
    await byTestId(page, "promotions-page");

    await (await byTestId(page, "promotion-new")).click();
    await (await byTestId(page, "promotion-name")).fill("满199减20");
    const modal = page.locator(".ant-modal");
    await modal.locator(".ant-input-number-input").nth(0).fill("199");
    await modal.locator(".ant-input-number-input").nth(1).fill("20");
    const [start, end] = [modal.locator(".ant-picker-range input").nth(0), modal.locator(".ant-picker-range input").nth(1)];
    await start.click();
    await start.fill("2026-01-01 00:00");
    await start.press("Enter");
    await end.fill("2099-01-01 00:00");
    await end.press("Enter");
    await (await byTestId(page, "promotion-save")).click();

    const row = page.getByTestId("promotion-row").filter({ hasText: "满199减20" });
    await row.waitFor();
    await expect.poll(() => row.getByTestId("promotion-state").textContent()).toBe("进行中");
    expect(await row.textContent()).toContain("2026-01-01 00:00 → 2099-01-01 00:00");
    const owner = await t.signIn("owner@demo.qindesk");
    const stored = (await t.qindesk.app.inject({ url: `/api/v1/promotions?shopId=${shopId}`, headers: owner.headers })).json().items;
    expect(stored).toMatchObject([{ kind: "full_reduction", startsAt: "2026-01-01T00:00", endsAt: "2099-01-01T00:00", params: { tiers: [{ thresholdCents: 19900, amountOffCents: 2000 }] } }]);

    // Try it: two of the 159 hoodie make 318, 20 off.
    const box = await byTestId(page, "promotion-try");
    await box.getByTestId("try-product").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "加绒连帽卫衣" }).click();
    await box.locator('input[data-testid="try-quantity"], [data-testid="try-quantity"] input').first().fill("2");
    await expect.poll(() => box.getByTestId("try-total").textContent()).toBe("合计 ¥318，优惠后 ¥298");
    await expect.poll(() => box.getByTestId("try-applies").allTextContents()).toEqual(["已享满¥199减¥20满199减20"]);

    // Switched off, it no longer applies.
    await row.getByTestId("promotion-enabled").click();
    await expect.poll(() => row.getByTestId("promotion-state").textContent()).toBe("已关闭");
    await expect.poll(() => box.getByTestId("try-total").textContent()).toBe("合计 ¥318，优惠后 ¥318");
    await page.context().close();
  }, 90_000);
});
