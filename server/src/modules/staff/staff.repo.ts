// All SQL of agents and sessions. Queries that serve a signed-in agent take the
// workspace from their context.
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { agents, sessions } from "./staff.schema";

export type AgentRow = typeof agents.$inferSelect;

export async function findAgentByEmail(db: Db, email: string): Promise<AgentRow | null> {
  const [row] = await db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function findAgent(db: Db, workspaceId: string, id: string): Promise<AgentRow | null> {
  const [row] = await db
    .select()
    .from(agents)
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, id)))
    .limit(1);
  return row ?? null;
}

export function listAgents(db: Db, workspaceId: string): Promise<AgentRow[]> {
  return db.select().from(agents).where(eq(agents.workspaceId, workspaceId)).orderBy(asc(agents.createdAt), asc(agents.id));
}

export async function insertAgent(db: Db, row: typeof agents.$inferInsert): Promise<AgentRow> {
  const [created] = await db.insert(agents).values(row).returning();
  return created!;
}

export async function updateAgent(db: Db, workspaceId: string, id: string, patch: Partial<typeof agents.$inferInsert>): Promise<AgentRow | null> {
  const [row] = await db
    .update(agents)
    .set(patch)
    .where(and(eq(agents.workspaceId, workspaceId), eq(agents.id, id)))
    .returning();
  return row ?? null;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, agent: agents })
    .from(sessions)
    .innerJoin(agents, eq(agents.id, sessions.agentId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(agents.active, true)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOf(db: Db, agentId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.agentId, agentId));
}
