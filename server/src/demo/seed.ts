// First start: with demo data on (the default) the demo shop is created once; with
// QINDESK_DEMO=0 an empty workspace, and an owner when QINDESK_OWNER_EMAIL/PASSWORD say so.
import { hashPassword } from "../platform/auth/passwords";
import type { Db } from "../platform/db/database";
import { newId } from "../platform/db/ids";
import { createProduct } from "../modules/catalog";
import { insertAgent } from "../modules/staff";
import { createShop, createWorkspace, firstWorkspaceId } from "../modules/workspace";
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_PRODUCTS } from "./demo-shop";

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
      settings: { demo: true, shippingCutoff: "16:00", defaultCourier: "中通快递" },
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const agent of DEMO_AGENTS) {
      await insertAgent(tx, { id: newId("agent"), workspaceId, passwordHash, ...agent });
    }
    for (const product of DEMO_PRODUCTS) await createProduct(tx, workspaceId, shop.id, product);
    return { created: true, workspaceId };
  });
}

export async function seedEmptyWorkspace(db: Db, owner: { email: string; password: string } | null): Promise<SeedResult> {
  const existing = await firstWorkspaceId(db);
  if (existing) return { created: false, workspaceId: existing };
  return db.transaction(async (tx) => {
    const workspaceId = await createWorkspace(tx, "QinDesk");
    await createShop(tx, workspaceId, { name: "My shop" });
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
