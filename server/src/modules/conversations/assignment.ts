// Waiting conversations are handed out when capacity frees: an agent comes online, a
// chat closes, a conversation is transferred to a team. Oldest waiting buyer first.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { ChatDeps } from "./chat.service";
import { publishConversation } from "./chat.service";
import { conversations } from "./conversations.schema";
import { pickAgent } from "./routing";

export async function assignWaiting(deps: ChatDeps, workspaceId: string, team: "presales" | "aftersales"): Promise<number> {
  const waiting = await deps.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.team, team), eq(conversations.status, "waiting"), isNull(conversations.assigneeId)))
    .orderBy(asc(sql`coalesce(${conversations.waitingSince}, ${conversations.startedAt})`))
    .limit(50);
  let assigned = 0;
  for (const c of waiting) {
    const agentId = await pickAgent(deps.db, workspaceId, team, c.customerId, c.id);
    if (!agentId) break;
    // Only if still unassigned: another node may have been quicker.
    const [updated] = await deps.db
      .update(conversations)
      .set({ assigneeId: agentId, status: "open" })
      .where(and(eq(conversations.id, c.id), isNull(conversations.assigneeId), eq(conversations.status, "waiting")))
      .returning();
    if (updated) {
      assigned++;
      await publishConversation(deps, updated, []);
    }
  }
  return assigned;
}
