// First start: with demo data on (the default) the demo shop is created once; with
// QINDESK_DEMO=0 an empty workspace, and an owner when QINDESK_OWNER_EMAIL/PASSWORD say so.
import { hashPassword } from "../platform/auth/passwords";
import type { Db } from "../platform/db/database";
import { newId } from "../platform/db/ids";
import { createProduct, listSkus } from "../modules/catalog";
import { insertCustomer } from "../modules/customers";
import { insertOrder } from "../modules/orders";
import { insertAgent } from "../modules/staff";
import { loadLibraryFaq, loadLibraryQuickReplies, seedDefaultQuickReplies } from "../modules/knowledge";
import { insertPromotion, shopTimeOf } from "../modules/promotions";
import { startOfLocalDay } from "../platform/time/zone";
import { createShop, createWorkspace, firstWorkspaceId } from "../modules/workspace";
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_ORDERS, DEMO_PASSWORD, DEMO_PRODUCTS, DEMO_PROMOTIONS } from "./demo-shop";

export interface SeedResult {
  created: boolean;
  workspaceId: string;
}

export async function seedDemo(db: Db): Promise<SeedResult> {
  const existing = await firstWorkspaceId(db);
  if (existing) return { created: false, workspaceId: existing };
  return db.transaction(async (tx) => {
    const workspaceId = await createWorkspace(tx, "瑞丽女坊");
    const shop = await createShop(tx, workspaceId, {
      name: "瑞丽女坊",
      platform: "taobao",
      timezone: "Asia/Shanghai",
      currency: "CNY",
      settings: {
        demo: true,
        shippingCutoff: "16:00",
        defaultCourier: "中通快递",
        // Seed 000/004: a buyer may ask for SF Express at extra cost.
        courierOptions: [{ name: "顺丰速运", surchargeCents: 1200 }],
        shippingFeeCents: 1000,
        demoLogisticsStepSeconds: 30,
      },
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const agent of DEMO_AGENTS) {
      await insertAgent(tx, { id: newId("agent"), workspaceId, passwordHash, ...agent });
    }
    const products = [];
    for (const product of DEMO_PRODUCTS) products.push(await createProduct(tx, workspaceId, shop.id, product));
    const buyers = [];
    for (const c of DEMO_CUSTOMERS) buyers.push(await insertCustomer(tx, workspaceId, c));
    const now = Date.now();
    for (const [buyer, product, sku, qty, status, daysAgo, paid] of DEMO_ORDERS) {
      const p = products[product]!;
      const skuRows = await listSkus(tx, workspaceId, p.id);
      const createdAt = new Date(now - daysAgo * 86_400_000 - 3_600_000);
      const customer = buyers[buyer]!;
      const left = ["shipped", "delivered", "completed", "refunded"].includes(status) && paid;
      const arrived = ["delivered", "completed"].includes(status);
      await insertOrder(tx, workspaceId, {
        shopId: shop.id,
        customerId: customer.id,
        status,
        createdAt,
        paidAt: paid ? new Date(createdAt.getTime() + 600_000) : null,
        shippedAt: left ? new Date(createdAt.getTime() + 20 * 3_600_000) : null,
        deliveredAt: arrived ? new Date(createdAt.getTime() + 3 * 86_400_000) : null,
        recipientName: customer.name,
        recipientPhone: customer.phone,
        shippingAddress: customer.address,
        courier: "中通快递",
        items: [{ productId: p.id, skuId: skuRows[sku]?.id ?? null, qty, priceCents: p.promoPriceCents ?? p.priceCents }],
      });
    }
    for (const { name, fromDaysAgo, forDays, ...terms } of DEMO_PROMOTIONS) {
      const day = (days: number) => shopTimeOf(startOfLocalDay(now, shop.timezone, days), shop.timezone);
      await insertPromotion(tx, workspaceId, shop.id, { ...terms, name, startsAt: day(-fromDaysAgo), endsAt: forDays === null ? null : day(forDays), scope: { type: "shop" }, enabled: true });
    }
    // The seeds' script library: the team's quick replies and the shop's FAQ.
    await loadLibraryQuickReplies(tx, workspaceId, "zh-CN");
    await loadLibraryFaq(tx, workspaceId, shop.id, "zh-CN");
    return { created: true, workspaceId };
  });
}

export async function seedEmptyWorkspace(db: Db, owner: { email: string; password: string } | null): Promise<SeedResult> {
  const existing = await firstWorkspaceId(db);
  if (existing) return { created: false, workspaceId: existing };
  return db.transaction(async (tx) => {
    const workspaceId = await createWorkspace(tx, "QinDesk");
    await createShop(tx, workspaceId, { name: "My shop" });
    await seedDefaultQuickReplies(tx, workspaceId);
    if (owner) {
      await insertAgent(tx, {
        id: newId("agent"),
        workspaceId,
        name: "Owner",
        email: owner.email.trim().toLowerCase(),
        passwordHash: await hashPassword(owner.password),
        role: "owner",
      });
    }
    return { created: true, workspaceId };
  });
}
