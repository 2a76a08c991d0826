// Shared by the order-card tests: QinDesk on a real database with real sockets, a buyer
// chatting in the widget, paid orders of a colour × size grid with known stock.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { products, skus } from "../catalog";
import { conversations, type ServerEvent } from "../conversations";
import { orderActions, orderItems, orders, placeOrder } from "../orders";

// Live bindings: set before the first test of the file that called useOrderCardsApp().
export let t: TestApp;
let base: string;
export let shopId: string;
export let productId: string;
export let aftersales: Session;
export let presales: Session;
export let supervisor: Session;

export const PHONE = "13700002222";
export const ADDRESS = "浙江省杭州市西湖区文一西路998号海创园5幢";

/** QinDesk with the demo shop and this suite's own colour × size grid, for one test file. */
export function useOrderCardsApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    base = await listen(t);
    shopId = await demoShopId(t);
    const [product] = await t.database.db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
    productId = product!.id;
    // The product's own colour × size grid for these tests, with stocks we know.
    await t.database.db.insert(skus).values([
      { id: "sku_card_m", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "M", stock: 100 },
      { id: "sku_card_l", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "L", stock: 100 },
      { id: "sku_card_xl", workspaceId: t.workspaceId, productId, color: "卡片灰", size: "XL", stock: 2 },
    ]);
    aftersales = await t.signIn("aftersales@demo.qindesk");
    presales = await t.signIn("presales@demo.qindesk");
    supervisor = await t.signIn("supervisor@demo.qindesk");
  }, 60_000);
  afterAll(async () => t?.close());
}

export const post = (url: string, s: Session, payload: object = {}) => t.qindesk.app.inject({ method: "POST", url, headers: s.headers, payload });
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const stockOf = async (id: string) => (await t.database.db.select({ stock: skus.stock }).from(skus).where(eq(skus.id, id)))[0]!.stock;
export const orderOf = async (id: string) => (await t.database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
export const itemOf = async (orderId: string) => (await t.database.db.select().from(orderItems).where(eq(orderItems.orderId, orderId)))[0]!;
export const actionOf = async (id: string) => (await t.database.db.select().from(orderActions).where(eq(orderActions.id, id)))[0]!;

export interface Buyer {
  token: string;
  customerId: string;
  conversationId: string;
  socket: ChatClient;
}

/** A buyer with a chat open in the widget, served by the after-sales agent. */
export async function buyerInChat(): Promise<Buyer> {
  const session = await buyerSession(t, shopId);
  const socket = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  const ack = await socket.say("我的订单地址对吗？");
  if (ack.type !== "message.ack") throw new Error(JSON.stringify(ack));
  const conversationId = ack.message.conversationId;
  await t.database.db.update(conversations).set({ team: "aftersales", assigneeId: aftersales.agentId, status: "open" }).where(eq(conversations.id, conversationId));
  return { token: session.token, customerId: session.customer.id, conversationId, socket };
}

export async function paidOrder(buyer: Buyer, sku = "sku_card_m", qty = 2) {
  const order = await placeOrder({ db: t.database.db, bus: t.qindesk.bus }, t.workspaceId, {
    shopId,
    customerId: buyer.customerId,
    status: "paid",
    createdAt: new Date(),
    paidAt: new Date(),
    items: [{ productId, skuId: sku, qty, priceCents: 9900 }],
    recipient: { name: "钱多多", phone: PHONE, address: ADDRESS },
    source: "storefront",
  });
  return order.id;
}

export async function agentSocket(s: Session) {
  return ChatClient.connect(`${base}/api/ws`, { cookie: s.cookie });
}

export const cardEvent = (socket: ChatClient, actionId: string, state: string) =>
  socket.next<Extract<ServerEvent, { type: "order_action.updated" }>>((e) => e.type === "order_action.updated" && e.card.actionId === actionId && e.card.state === state);

export async function sendAddressCheck(orderId: string, buyer: Buyer, s = aftersales) {
  const res = await post(`/api/v1/orders/${orderId}/address-check`, s, { conversationId: buyer.conversationId });
  return res;
}

export const answer = (buyer: Buyer, actionId: string, payload: object) => t.qindesk.app.inject({ method: "POST", url: `/api/widget/order-actions/${actionId}/answer`, headers: bearer(buyer.token), payload });
