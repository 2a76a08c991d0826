// The 催付 list and one order's send form, as agents see them: age, the buyer's last chat,
// reminders sent, when the next automatic one is due, and each template filled for it.
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { itemViews, type OrderRow } from "../orders";
import { listShops, type ShopRow } from "../workspace";
import { lastChats, reminderContext } from "./context";
import { pendingTimers, remindersByOrder, unpaidOrders } from "./reminders.repo";
import { handTarget, orderAndShop } from "./reminders.service";
import { isQuietAt, MAX_REMINDERS, outOfQuietHours, reminderRulesOf } from "./rules";
import { fillTemplate, missingValues, shopTemplates } from "./templates";

type Row = { order: OrderRow; nick: string | null };

async function items(db: Db, workspaceId: string, rows: Row[], shops: Map<string, ShopRow>, now: number) {
  const ids = rows.map((r) => r.order.id);
  const [goods, reminders, timers, chats] = await Promise.all([
    itemViews(db, ids),
    remindersByOrder(db, ids),
    pendingTimers(db, ids),
    lastChats(db, workspaceId, rows.map((r) => ({ shopId: r.order.shopId, customerId: r.order.customerId }))),
  ]);
  return rows.map(({ order: o, nick }) => {
    const sent = reminders.get(o.id) ?? [];
    const shop = shops.get(o.shopId);
    const automatic = shop ? reminderRulesOf(shop.settings).enabled : false;
    const timer = timers.get(o.id);
    return {
      order: {
        id: o.id,
        externalId: o.externalId,
        shopId: o.shopId,
        status: o.status,
        totalCents: o.totalCents,
        createdAt: o.createdAt.toISOString(),
        items: goods.filter((g) => g.orderId === o.id).map((g) => ({ title: g.title, color: g.color, size: g.size, qty: g.qty, priceCents: g.priceCents })),
      },
      buyer: { id: o.customerId, nick: nick ?? "" },
      ageMinutes: Math.max(0, Math.floor((now - o.createdAt.getTime()) / 60_000)),
      lastChat: chats.get(`${o.shopId}:${o.customerId}`) ?? null,
      reminders: sent,
      remindersLeft: Math.max(0, MAX_REMINDERS - sent.length),
      /** The automatic sequence's next reminder (null: none pending, the sequence off, or the cap reached). */
      nextDueAt: automatic && timer && sent.length < MAX_REMINDERS ? timer.toISOString() : null,
    };
  });
}

export async function unpaidList(db: Db, auth: AuthContext, shopId: string | undefined, limit: number) {
  const now = Date.now();
  const shops = new Map((await listShops(db, auth.agent.workspaceId)).map((s) => [s.id, s]));
  const rows = await unpaidOrders(db, auth.agent.workspaceId, shopId, limit);
  return items(db, auth.agent.workspaceId, rows, shops, now);
}

export type UnpaidItem = Awaited<ReturnType<typeof unpaidList>>[number];

/**
 * One order's send form: every template filled for it (what is missing named), where the
 * reminder would go, and what stops it now (paid, the cap, quiet hours, a colleague's chat).
 */
export async function reminderForm(db: Db, auth: AuthContext, orderId: string, conversationId: string | undefined) {
  const now = Date.now();
  const { order, shop } = await orderAndShop(db, auth.agent.workspaceId, orderId);
  const rows = await unpaidOrders(db, auth.agent.workspaceId, undefined, 1, order.id);
  const [item] = rows.length ? await items(db, auth.agent.workspaceId, rows, new Map([[shop.id, shop]]), now) : [];
  const { values } = await reminderContext(db, order, shop, now);
  const rules = reminderRulesOf(shop.settings);
  const quiet = isQuietAt(now, shop.timezone, rules.quietHours);
  const target = conversationId ? { conversation: null, opensNew: false, problem: null } : await handTarget(db, auth, order);
  const blocked = !item ? "not_unpaid" : item.remindersLeft === 0 ? "reminder_cap" : target.problem;
  return {
    item: item ?? null,
    templates: shopTemplates(shop.settings).map((t) => ({ key: t.key, custom: t.custom, template: t.text, text: fillTemplate(t.text, values), missing: missingValues(t.text, values) })),
    target: { conversationId: conversationId ?? target.conversation?.id ?? null, opensNew: target.opensNew },
    quietHours: { ...rules.quietHours, now: quiet, endsAt: quiet ? new Date(outOfQuietHours(now, shop.timezone, rules.quietHours)).toISOString() : null, timeZone: shop.timezone },
    blocked,
  };
}
