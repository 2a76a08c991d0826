// {promotion} and {promotion_end} in a quick reply, filled from the products the buyer
// sent in the chat; a conversation with no such promotion keeps the placeholders and
// names them, so the agent fills them instead of the buyer reading "{promotion}".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";

let t: TestApp;
let base: string;
let shopId: string;
let owner: Session;
let presales: Session;
let phraseId: string;
let products: { id: string; title: string; category: string }[];

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
  presales = await t.signIn("presales@demo.qindesk");
  products = (await t.qindesk.app.inject({ url: `/api/v1/products?shopId=${shopId}`, headers: presales.headers })).json().items;
  const phrase = await t.qindesk.app.inject({
    method: "POST",
    url: "/api/v1/quick-replies",
    headers: presales.headers,
    payload: { scope: "personal", shortcut: "cx", text: "亲，现在{promotion}，{promotion_end}结束哦" },
  });
  phraseId = phrase.json().quickReply.id;
}, 60_000);
afterAll(async () => t?.close());

async function clearPromotions() {
  const items = (await t.qindesk.app.inject({ url: `/api/v1/promotions?shopId=${shopId}`, headers: owner.headers })).json().items as { id: string }[];
  for (const p of items) await t.qindesk.app.inject({ method: "DELETE", url: `/api/v1/promotions/${p.id}`, headers: owner.headers });
}

async function addPromotion(body: Record<string, unknown>) {
  const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/promotions", headers: owner.headers, payload: { shopId, startsAt: "2020-01-01T00:00", ...body } });
  expect(res.statusCode).toBe(201);
}

/** A buyer's conversation in which the buyer sent these products' cards. */
async function conversationAbout(titles: string[]): Promise<string> {
  const buyer = await buyerSession(t, shopId);
  const client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(buyer.token)}`);
  const ack = await client.say("在吗");
  for (const title of titles) await client.say("", { kind: "product", productId: products.find((p) => p.title.startsWith(title))!.id });
  await client.close();
  return ack.message.conversationId;
}

const render = async (conversationId: string) =>
  (await t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies/render", headers: presales.headers, payload: { id: phraseId, conversationId } })).json<{
    text: string;
    missing: string[];
  }>();

describe("promotion variables", () => {
  it("names the promotion the buyer's products get, and when it ends in shop time", async () => {
    await clearPromotions();
    await addPromotion({ kind: "gift", name: "买两件送袜子", params: { minQuantity: 2, gift: "袜子" }, endsAt: "2099-12-31T00:00" });
    await addPromotion({ kind: "free_shipping", name: "满99包邮", params: { thresholdCents: 9900 } });
    // A T恤 (59) and the knitwear (99 on promotion): two items, so the socks come with them.
    const c = await conversationAbout(["纯棉圆领短袖T恤", "V领宽松针织衫"]);
    expect(await render(c)).toEqual({ text: "亲，现在买2件送袜子，12月31日 00:00结束哦", missing: [] });
  });

  it("names the nearest promotion when none applies yet, keeping an unknown end visible", async () => {
    await clearPromotions();
    await addPromotion({ kind: "gift", name: "买两件送袜子", params: { minQuantity: 2, gift: "袜子" }, endsAt: "2099-12-31T00:00" });
    await addPromotion({ kind: "free_shipping", name: "满99包邮", params: { thresholdCents: 9900 } });
    // One T恤: 40 more for free shipping is nearer than a second item for the socks.
    const c = await conversationAbout(["纯棉圆领短袖T恤"]);
    expect(await render(c)).toEqual({ text: "亲，现在满¥99包邮，{promotion_end}结束哦", missing: ["promotion_end"] });
  });

  it("takes the running shop-wide promotion that ends first when no product was sent", async () => {
    await clearPromotions();
    await addPromotion({ kind: "free_shipping", name: "满99包邮", params: { thresholdCents: 9900 } });
    await addPromotion({ kind: "full_reduction", name: "双12", params: { tiers: [{ thresholdCents: 19900, amountOffCents: 2000 }] }, endsAt: "2099-12-13T00:00" });
    await addPromotion({ kind: "coupon", name: "以后的券", params: { thresholdCents: 10000, amountOffCents: 1000 }, startsAt: "2099-01-01T00:00", endsAt: "2099-02-01T00:00" });
    const c = await conversationAbout([]);
    expect(await render(c)).toEqual({ text: "亲，现在双12（满¥199减¥20），12月13日 00:00结束哦", missing: [] });
  });

  it("keeps both placeholders, and says so, when the shop runs no promotion", async () => {
    await clearPromotions();
    await addPromotion({ kind: "free_shipping", name: "停了的包邮", params: { thresholdCents: 9900 }, enabled: false });
    const c = await conversationAbout(["纯棉圆领短袖T恤"]);
    expect(await render(c)).toEqual({ text: "亲，现在{promotion}，{promotion_end}结束哦", missing: ["promotion", "promotion_end"] });
  });
});
