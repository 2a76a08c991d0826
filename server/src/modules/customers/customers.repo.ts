import { and, eq, or } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { customers } from "./customers.schema";

export type CustomerRow = typeof customers.$inferSelect;

export async function findCustomer(db: Db, workspaceId: string, idOrExternalId: string): Promise<CustomerRow | null> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), or(eq(customers.id, idOrExternalId), eq(customers.externalId, idOrExternalId))))
    .limit(1);
  return row ?? null;
}

/** An anonymous widget visitor; created on first contact with a placeholder nick. */
export async function findOrCreateVisitor(db: Db, workspaceId: string, visitorId: string, nick: string): Promise<CustomerRow> {
  await db.insert(customers).values({ id: newId("cus"), workspaceId, visitorId, nick }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.visitorId, visitorId)))
    .limit(1);
  return row!;
}

/** A buyer the shop's server vouched for (signed identity): keyed by the shop's buyer id. */
export async function findOrCreateKnownBuyer(db: Db, workspaceId: string, externalId: string, nick: string): Promise<CustomerRow> {
  await db.insert(customers).values({ id: newId("cus"), workspaceId, externalId, nick }).onConflictDoNothing();
  const [row] = await db
    .update(customers)
    .set({ nick })
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.externalId, externalId)))
    .returning();
  return row!;
}

export async function insertCustomer(
  db: Db,
  workspaceId: string,
  c: { externalId?: string | null; nick: string; name?: string | null; phone?: string | null; address?: string | null },
): Promise<CustomerRow> {
  const [row] = await db.insert(customers).values({ id: newId("cus"), workspaceId, ...c }).returning();
  return row!;
}
