// The assistant in the workbench, in real Chromium: an upset buyer's message gets a red
// intent chip; three messages give a buyer type; a draft that blames the buyer is flagged as the agent types and fixed in
// one click; sending a flagged draft anyway asks first and is logged.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../src/platform/db/database";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();

describe.runIf(hasChromium)("assistant in the workbench", () => {
  it("chips buyer messages, checks the draft, and logs sending anyway", async () => {
    const { app: t, base, browser } = suite;
    const tag = Math.random().toString(36).slice(2, 8);
    const session = await buyerSession(t, await demoShopId(t));
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say(`收到的衣服破了个洞，质量太差了，我要投诉！${tag}`)).message.conversationId;
    await buyer.say("我不太懂面料，推荐一下哪个好");
    await buyer.say("能便宜点吗");

    const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);

    const chip = await byTestId(agent, "intent-chip");
    expect(await chip.getAttribute("data-sentiment")).toBe("negative");
    // Three buyer messages: the seed 001 buyer type, with its approach a click away.
    const type = await byTestId(agent, "buyer-type");
    await expect.poll(() => type.getAttribute("data-knowledge")).toBe("novice");
    await expect.poll(() => type.getAttribute("data-price")).toBe("probing");
    await type.click();
    await agent.getByText("像朋友一样细心解答", { exact: false }).waitFor();

    const input = await byTestId(agent, "chat-input");
    await input.fill("这个你自己没看清楚吧");
    const rule = await byTestId(agent, "lint-rule");
    expect(await rule.getAttribute("data-rule")).toBe("blame_buyer");
    await (await byTestId(agent, "lint-fix")).click();
    await expect.poll(() => input.inputValue()).not.toBe("这个你自己没看清楚吧");
    await expect.poll(() => agent.getByTestId("lint-bar").count()).toBe(0);

    const rude = `你自己没看清楚吧 ${tag}`;
    await input.fill(rude);
    await (await byTestId(agent, "chat-send")).click();
    await (await byTestId(agent, "lint-send-anyway")).click();
    await buyer.next((e) => e.type === "message.new" && e.message.text === rude, 20_000);
    await expect
      .poll(async () => (await queryRows(t.database.db, sql`select 1 from audit_log where action = 'assistant.lint_override' and subject_id = ${conversationId}`)).length)
      .toBe(1);
    await buyer.close();
    await agent.context().close();
  }, 90_000);

  it("plans the concessions when the buyer bargains over a product, never below its floor", async () => {
    const { app: t, base, browser } = suite;
    const shopId = await demoShopId(t);
    const owner = await t.signIn("owner@demo.qindesk");
    const list = await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}&q=${encodeURIComponent("针织衫")}`, headers: owner.headers });
    const knit = list.json<{ items: { id: string; title: string }[] }>().items[0]!;
    const session = await buyerSession(t, shopId);
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say(knit.title, { kind: "product", productId: knit.id })).message.conversationId;
    await buyer.say("这件能便宜点吗？");

    const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);

    // The library's bargaining phrases are suggested; Alt+1 puts the first in the input.
    const suggestions = (await byTestId(agent, "suggestions")).getByTestId("suggestion");
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    await agent.keyboard.press("Alt+Digit1");
    const composer = await byTestId(agent, "chat-input");
    await expect.poll(() => composer.inputValue()).toMatch(/^亲/);
    await composer.fill("");

    const helper = await byTestId(agent, "bargain-helper", { hasText: knit.title });
    // 99 on promotion, floor 88: a gift first, then 95, 92, 90, 88 (seed 001's shrinking steps).
    const steps = helper.getByTestId("bargain-step");
    await expect.poll(() => steps.allTextContents()).toEqual(["送小礼品", "¥95（让 ¥4）", "¥92（让 ¥7）", "¥90（让 ¥9）", "最终价 ¥88"]);
    await steps.nth(1).click();
    const input = await byTestId(agent, "chat-input");
    await expect.poll(() => input.inputValue()).toContain("¥95");
    expect(await steps.nth(4).isDisabled()).toBe(true);
    await (await byTestId(agent, "bargain-reason")).click();
    await agent.locator(".ant-select-item-option").filter({ hasText: "老顾客" }).click();
    await input.fill("");
    await steps.nth(4).click();
    await expect.poll(() => input.inputValue()).toContain("因为您是老顾客，最后给您 ¥88");
    await buyer.close();
    await agent.context().close();
  }, 90_000);
});
