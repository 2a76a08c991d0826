// The FAQ in real Chromium: a pre-sales agent proposes an entry from a real chat (the
// buyer's question and the answer that worked), a supervisor approves it on the
// knowledge page, and the next buyer who asks the same gets it among the suggestions;
// and "/" in the chat input finds a seed script by keyword, fills its variables and sends it.
import { describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();

async function buyerAsks(text: string) {
  const { app: t, base } = suite;
  const session = await buyerSession(t, await demoShopId(t));
  const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  const conversationId = (await buyer.say(text)).message.conversationId;
  return { buyer, conversationId };
}

describe.runIf(hasChromium)("the FAQ in the workbench", () => {
  it("goes from an agent's proposal in a chat, through a supervisor's approval, to the next buyer's suggestions", async () => {
    const { app: t, base, browser } = suite;
    const tag = Math.random().toString(36).slice(2, 6);
    const question = `这件毛衣可以机洗吗${tag}`;
    const answer = `亲，建议冷水手洗，机洗请放洗衣袋用轻柔档哦～${tag}`;
    const first = await buyerAsks(question);

    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, first.conversationId);
    const input = await byTestId(agent, "chat-input");
    await input.fill(answer);
    await (await byTestId(agent, "chat-send")).click();
    await first.buyer.next((e) => e.type === "message.new" && e.message.text === answer, 20_000);
    // Stored (it has its seq), so it can be cited.
    await agent.locator(`[data-testid="chat-message"][data-from="agent"][data-seq]`, { hasText: tag }).waitFor();

    // Under the buyer's message: propose; then pick the answer that worked.
    const buyerMessage = agent.locator("div", { has: agent.locator(`[data-testid="chat-message"][data-from="buyer"]`, { hasText: question }) }).last();
    await buyerMessage.getByTestId("faq-propose-start").click();
    await (await byTestId(agent, "faq-proposal-bar")).waitFor();
    await agent.locator(`[data-testid="faq-pickable"][data-from="agent"]`, { hasText: answer }).click();
    await (await byTestId(agent, "faq-propose-next")).click();
    const questions = await byTestId(agent, "faq-questions");
    await expect.poll(() => questions.inputValue()).toBe(question);
    await expect.poll(async () => (await byTestId(agent, "faq-answer")).inputValue()).toBe(answer);
    // The agent says it in general words for the next buyer.
    await questions.fill(`${question}\n能用洗衣机洗吗${tag}`);
    await (await byTestId(agent, "faq-save")).click();
    await agent.getByText("已提交，等待主管审核").waitFor();

    // Not in the chat yet: the supervisor approves it on the knowledge page.
    const supervisor = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signInPage(supervisor, base, "supervisor@demo.qindesk");
    await supervisor.goto(`${base}/#/knowledge`);
    await (await byTestId(supervisor, "knowledge-page")).waitFor();
    await supervisor.locator(".ant-segmented-item", { hasText: "待审核" }).click();
    const row = supervisor.locator(`[data-testid="faq-row"][data-status="proposed"]`, { hasText: question });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("售前 小雅");
    await row.getByTestId("faq-approve").click();
    await supervisor.getByText("已通过，客服接待时会推荐这条回答").waitFor();
    await expect.poll(() => row.count()).toBe(0);

    // The next buyer asks the same in other words: the approved answer is suggested, and inserting it counts.
    const second = await buyerAsks(`你好，能用洗衣机洗吗${tag}`);
    await openConversation(agent, second.conversationId);
    const suggestion = (await byTestId(agent, "suggestions")).locator(`[data-testid="suggestion"][data-source="faq"]`, { hasText: tag });
    await suggestion.waitFor({ timeout: 20_000 });
    await suggestion.click();
    const composer = await byTestId(agent, "chat-input");
    await expect.poll(() => composer.inputValue()).toBe(answer);
    const owner = await t.signIn("owner@demo.qindesk");
    const entries = (await t.qindesk.app.inject({ url: `/api/v1/faq?q=${encodeURIComponent(tag)}`, headers: owner.headers })).json().items as { answer: string; usageCount: number; status: string }[];
    expect(entries.find((e) => e.answer === answer)).toMatchObject({ status: "approved", usageCount: 1 });
    await Promise.all([first.buyer.close(), second.buyer.close(), agent.context().close(), supervisor.context().close()]);
  }, 120_000);

  it("finds a seed script with / and a keyword, fills its variables and sends it", async () => {
    const { base, browser } = suite;
    const { buyer, conversationId } = await buyerAsks("今天下单什么时候发货呀");
    const agent = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);
    const input = await byTestId(agent, "chat-input");
    await input.click();
    await agent.keyboard.type("/发货");
    const popup = await byTestId(agent, "shortcut-popup");
    // Seed 004's shipping answer, {cutoff} and {courier} still as written in the list.
    const option = popup.locator(`[data-testid="shortcut-option"]`, { hasText: "{cutoff}前付款当天为您安排发货" }).first();
    await option.waitFor();
    await option.dispatchEvent("mousedown");
    const sent = "亲，16:00前付款当天为您安排发货哦，我们默认发中通快递，发货后会有物流信息更新，请您放心～";
    await expect.poll(() => input.inputValue()).toBe(sent);
    await (await byTestId(agent, "chat-send")).click();
    await buyer.next((e) => e.type === "message.new" && e.message.from === "agent" && e.message.text === sent, 20_000);
    await buyer.close();
    await agent.context().close();
  }, 90_000);
});
