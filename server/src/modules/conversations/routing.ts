// Who gets a new conversation (SPEC §1): the agent who served this buyer last when they
// are online and have room; otherwise the online agent of the right team with the
// fewest open chats below their limit. No one available: it waits in the queue.
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { agents } from "../staff";
import { conversations } from "./conversations.schema";

export async function pickAgent(db: Db, workspaceId: string, team: "presales" | "aftersales", customerId: string, excludeConversationId: string): Promise<string | null> {
  // Written out in full: inside a one-table select Drizzle leaves columns unqualified,
  // and a bare "id" in this subquery would mean the conversation's.
  const load = sql<number>`(select count(*)::int from ${conversations} c where c.assignee_id = "agents"."id" and c.status <> 'closed')`;
  const candidates = await db
    .select({ id: agents.id, maxChats: agents.maxChats, load })
    .from(agents)
    // Owners and supervisors take conversations by hand; the rotation is the agents'.
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.active, true), eq(agents.status, "online"), eq(agents.team, team), eq(agents.role, "agent")))
    .orderBy(load, agents.id);
  const available = candidates.filter((a) => Number(a.load) < a.maxChats);
  if (available.length === 0) return null;
  const [previous] = await db
    .select({ assigneeId: conversations.assigneeId })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.customerId, customerId), ne(conversations.id, excludeConversationId)))
    .orderBy(desc(conversations.startedAt))
    .limit(1);
  const returning = available.find((a) => a.id === previous?.assigneeId);
  return (returning ?? available[0]!).id;
}
