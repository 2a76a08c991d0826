import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { orders } from "./orders.schema";

/** After payment a buyer's questions go to after-sales (SPEC §1 routing). */
export async function hasPaidOrder(db: Db, workspaceId: string, shopId: string, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), eq(orders.shopId, shopId), eq(orders.customerId, customerId), isNotNull(orders.paidAt)))
    .limit(1);
  return row !== undefined;
}
