// What a reminder may say about an order, all of it read from the data: the goods, the
// buyer's latest chat with the shop (when they last wrote, the product card in it), the
// promotion on the order's products and when it ends, the shop's shipping cut-off.
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { startOfLocalDay, localDate } from "../../platform/time/zone";
import { conversations, latestConversationOf, messages } from "../conversations";
import { customers } from "../customers";
import { itemViews, type OrderRow } from "../orders";
import { promotionVariables } from "../promotions";
import type { ShopRow } from "../workspace";
import type { ReminderValues } from "./templates";

const DAY = 86_400_000;
/** A chat older than this is not "the chat" any more (seed 002 looks at last night's). */
const CHAT_CONTEXT_DAYS = 7;

/** 今天 / 昨天 / 前天 / 11月3日 for when the buyer wrote, seen from `now` in shop days; null when older than a week. */
export function chatDayText(wroteAt: number, now: number, timeZone: string): string | null {
  const days = Math.round((startOfLocalDay(now, timeZone) - startOfLocalDay(wroteAt, timeZone)) / DAY);
  if (days < 0 || days > CHAT_CONTEXT_DAYS) return null;
  if (days <= 2) return ["今天", "昨天", "前天"][days]!;
  const d = localDate(wroteAt, timeZone);
  return `${d.month}月${d.day}日`;
}

export function goodsText(items: { title: string | null; qty: number }[]): string | null {
  const first = items.find((i) => i.title);
  if (!first) return null;
  const count = items.reduce((sum, i) => sum + i.qty, 0);
  return count > 1 && items.length > 1 ? `${first.title}等${count}件商品` : first.title;
}

export const moneyText = (cents: number) => `¥${(cents / 100).toFixed(2)}`;

export interface ReminderContext {
  values: ReminderValues;
  /** The buyer's latest conversation with the shop, if any. */
  conversationId: string | null;
}

export async function reminderContext(db: Db, order: OrderRow, shop: ShopRow, now: number): Promise<ReminderContext> {
  const [customer] = await db.select({ nick: customers.nick }).from(customers).where(and(eq(customers.workspaceId, order.workspaceId), eq(customers.id, order.customerId))).limit(1);
  const items = await itemViews(db, [order.id]);
  const conversation = await latestConversationOf(db, order.workspaceId, order.shopId, order.customerId);
  let chatDay: string | null = null;
  let askedProduct: string | null = null;
  if (conversation) {
    const [lastBuyer] = await db
      .select({ at: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.workspaceId, order.workspaceId), eq(messages.conversationId, conversation.id), eq(messages.sender, "buyer")))
      .orderBy(desc(messages.seq))
      .limit(1);
    if (lastBuyer) {
      chatDay = chatDayText(lastBuyer.at.getTime(), now, shop.timezone);
      // The product they asked about: the last card either side sent in that chat.
      const [card] = await db
        .select({ product: messages.product })
        .from(messages)
        .where(and(eq(messages.workspaceId, order.workspaceId), eq(messages.conversationId, conversation.id), eq(messages.kind, "product"), isNotNull(messages.product)))
        .orderBy(desc(messages.seq))
        .limit(1);
      if (chatDay) askedProduct = card?.product?.title ?? null;
    }
  }
  const productIds = items.flatMap((i) => (i.productId ? [i.productId] : []));
  const promo = await promotionVariables(db, order.workspaceId, shop, productIds, now);
  const setting = (key: string) => {
    const v = shop.settings[key];
    return typeof v === "string" && v.trim() ? v : null;
  };
  return {
    conversationId: conversation?.id ?? null,
    values: {
      buyer: customer?.nick || null,
      shop: shop.name || null,
      product: goodsText(items),
      order: order.externalId ?? order.id,
      total: moneyText(order.totalCents),
      chat_day: chatDay,
      asked_product: askedProduct,
      promotion: promo.promotion,
      promotion_end: promo.promotionEnd,
      cutoff: setting("shippingCutoff"),
      courier: setting("defaultCourier"),
    },
  };
}

/** The last thing said (by the buyer or an agent) in each buyer's latest conversation with the shop. */
export async function lastChats(db: Db, workspaceId: string, pairs: { shopId: string; customerId: string }[]) {
  const result = new Map<string, { conversationId: string; status: string; from: string; kind: string; text: string; at: string } | null>();
  const customerIds = [...new Set(pairs.map((p) => p.customerId))];
  if (customerIds.length === 0) return result;
  const convs = await db
    .select({ id: conversations.id, shopId: conversations.shopId, customerId: conversations.customerId, status: conversations.status, startedAt: conversations.startedAt })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), inArray(conversations.customerId, customerIds)))
    .orderBy(desc(conversations.startedAt), desc(conversations.id));
  const latest = new Map<string, (typeof convs)[number]>();
  for (const c of convs) if (!latest.has(`${c.shopId}:${c.customerId}`)) latest.set(`${c.shopId}:${c.customerId}`, c);
  const ids = [...latest.values()].map((c) => c.id);
  const last = new Map<string, { sender: string; kind: string; text: string; createdAt: Date }>();
  if (ids.length) {
    const rows = await db
      .selectDistinctOn([messages.conversationId], { conversationId: messages.conversationId, sender: messages.sender, kind: messages.kind, text: messages.text, createdAt: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.conversationId, ids), inArray(messages.sender, ["buyer", "agent"])))
      .orderBy(messages.conversationId, desc(messages.seq));
    for (const r of rows) last.set(r.conversationId, r);
  }
  for (const p of pairs) {
    const c = latest.get(`${p.shopId}:${p.customerId}`);
    const m = c ? last.get(c.id) : undefined;
    result.set(`${p.shopId}:${p.customerId}`, c && m ? { conversationId: c.id, status: c.status, from: m.sender, kind: m.kind, text: m.kind === "text" ? m.text : "", at: m.createdAt.toISOString() } : null);
  }
  return result;
}
