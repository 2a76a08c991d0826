// Products beside the chat, in real Chromium: the agent finds a product, sees its real
// stock per colour and size, asks the size helper, and sends the product card the buyer
// then receives.
import { describe, expect, it } from "vitest";
import type { ServerEvent } from "../../src/modules/conversations/chat-protocol";
import { buyerSession, ChatClient, demoShopId } from "../chat-clients";
import { browserSuite, byTestId, hasChromium, openConversation, signInPage } from "./browser";

const suite = browserSuite();

describe.runIf(hasChromium)("products in the workbench", () => {
  it("real stock, size advice, and a product card sent to the buyer", async () => {
    const { app: t, base, browser } = suite;
    const session = await buyerSession(t, await demoShopId(t));
    const buyer = await ChatClient.connect(`${base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    const conversationId = (await buyer.say("有针织衫吗？我162，100斤")).message.conversationId;

    const agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInPage(agent, base, "presales@demo.qindesk");
    await openConversation(agent, conversationId);
    const search = (await byTestId(agent, "product-search")).locator("input");
    await search.fill("针织");
    await search.press("Enter");
    await (await byTestId(agent, "product-item", { hasText: "针织衫" })).click();
    const stock = await byTestId(agent, "product-stock");
    const black = stock.locator("tr", { hasText: "黑色" });
    await expect.poll(() => black.locator("td").nth(1).textContent()).toBe("无货");

    await (await byTestId(agent, "size-height")).fill("162");
    await (await byTestId(agent, "size-weight")).fill("50");
    const advice = await byTestId(agent, "size-advice");
    expect(await advice.getAttribute("data-size")).toBe("M");

    await (await byTestId(agent, "product-send")).click();
    const card = await buyer.next<Extract<ServerEvent, { type: "message.new" }>>((e) => e.type === "message.new" && e.message.kind === "product", 20_000);
    expect(card.message.product?.title).toBe("V领宽松针织衫 秋冬新款");
    await buyer.close();
    await agent.context().close();
  }, 90_000);
});
