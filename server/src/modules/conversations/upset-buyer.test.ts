// An upset buyer raises the conversation to urgent and pages supervisors once; calm or
// merely impatient messages do not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type TestApp } from "../../../test/test-app";
import type { ServerEvent } from "./chat-protocol";
import { alertExcerpt, isUpsetBuyerMessage } from "./upset-buyer";

let t: TestApp;
let base: string;
let shopId: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
}, 60_000);
afterAll(async () => t?.close());

async function agentSocket(email: string) {
  const s = await t.signIn(email);
  return ChatClient.connect(`${base}/api/ws`, { cookie: s.cookie });
}

const settle = () => new Promise((r) => setTimeout(r, 300));
const alerts = (client: ChatClient) => client.events.filter((e) => e.type === "conversation.alert");

describe("upset buyers", () => {
  it("reads anger and complaints, not impatience or questions", () => {
    for (const text of ["质量太差了，我要投诉！", "你们太过分了，再不处理我就差评", "I'm very angry, this is a scam"]) expect(isUpsetBuyerMessage(text), text).toBe(true);
    for (const text of ["亲，在吗", "怎么还没到啊", "能便宜点吗", "颜色和图片不一样", ""]) expect(isUpsetBuyerMessage(text), text).toBe(false);
    expect(alertExcerpt("a\n\nb")).toBe("a b");
    expect(alertExcerpt("长".repeat(100))).toHaveLength(80);
  });

  it("marks the conversation urgent and alerts supervisors once, not other teams", async () => {
    const supervisor = await agentSocket("supervisor@demo.qindesk");
    const aftersales = await agentSocket("aftersales@demo.qindesk");
    const session = await buyerSession(t, shopId);
    const buyer = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);

    await buyer.say("亲，这件有M码吗");
    await settle();
    expect(alerts(supervisor)).toEqual([]);

    const ack = await buyer.say("质量太差了，我要投诉你们！");
    const alert = await supervisor.next<Extract<ServerEvent, { type: "conversation.alert" }>>((e) => e.type === "conversation.alert");
    expect(alert).toMatchObject({ conversationId: ack.message.conversationId, reason: "upset_buyer", text: "质量太差了，我要投诉你们！" });
    const updated = await supervisor.next<Extract<ServerEvent, { type: "conversation.updated" }>>(
      (e) => e.type === "conversation.updated" && e.conversation.priority === "urgent",
    );
    expect(updated.conversation.id).toBe(ack.message.conversationId);

    await buyer.say("你们太过分了，再不处理我就差评");
    await settle();
    expect(alerts(supervisor)).toHaveLength(1);
    expect(alerts(aftersales)).toEqual([]);
    // The buyer never sees the alert.
    expect(buyer.events.some((e) => e.type === "conversation.alert")).toBe(false);
    await Promise.all([supervisor.close(), aftersales.close(), buyer.close()]);
  });
});
