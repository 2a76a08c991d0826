// Where the shop speaks first (a 催付 reminder, the after-delivery question): the buyer's
// open conversation with the shop, or a new one. Under the same per-buyer advisory lock as
// the chat's own (chat.service.ts), so a buyer writing at that moment never ends up with
// two open conversations.
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import type { PresalesStage, Team } from "./chat-protocol";
import type { ConversationRow } from "./conversations.repo";
import { conversations } from "./conversations.schema";

export interface BuyerRef {
  workspaceId: string;
  shopId: string;
  customerId: string;
}

export async function lockBuyerConversations(tx: Db, buyer: BuyerRef): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${buyer.customerId + ":" + buyer.shopId}))`);
}

export async function openConversationOfBuyer(db: Db, buyer: BuyerRef): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, buyer.workspaceId), eq(conversations.shopId, buyer.shopId), eq(conversations.customerId, buyer.customerId), ne(conversations.status, "closed")))
    .orderBy(desc(conversations.startedAt), desc(conversations.id))
    .limit(1);
  return row ?? null;
}

/** A conversation the shop opens, assigned to the agent who writes (or closed when nobody does: a bot's note). */
export async function startConversationFor(tx: Db, buyer: BuyerRef, options: { team: Team; stage: PresalesStage | null; assigneeId: string | null }): Promise<ConversationRow> {
  const now = new Date();
  const [row] = await tx
    .insert(conversations)
    .values({
      id: newId("conv"),
      workspaceId: buyer.workspaceId,
      shopId: buyer.shopId,
      customerId: buyer.customerId,
      team: options.team,
      stage: options.team === "presales" ? options.stage : null,
      status: options.assigneeId ? "open" : "closed",
      assigneeId: options.assigneeId,
      startedAt: now,
      closedAt: options.assigneeId ? null : now,
    })
    .returning();
  return row!;
}
