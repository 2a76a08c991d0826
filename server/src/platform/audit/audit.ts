import type { AuthContext } from "../auth/auth-context";
import type { Db } from "../db/database";
import { newId } from "../db/ids";
import { auditLog } from "./audit.schema";

export async function recordAudit(
  db: Db,
  auth: AuthContext,
  action: string,
  subjectType: string,
  subjectId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.insert(auditLog).values({ id: newId("audit"), workspaceId: auth.agent.workspaceId, agentId: auth.agent.id, action, subjectType, subjectId, details });
}
