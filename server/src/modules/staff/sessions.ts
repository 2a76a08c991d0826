// Server-side sessions: the cookie holds a random token, the database its sha256 and
// the CSRF token. Deleting the rows ends the sessions at once.
import type { AuthContext, SessionResolver, SignedInAgent } from "../../platform/auth/auth-context";
import { abilitiesFor } from "../../platform/auth/abilities";
import type { Db } from "../../platform/db/database";
import { newToken, sha256 } from "../../platform/auth/tokens";
import type { AgentRow } from "./staff.repo";
import { findLiveSession, insertSession } from "./staff.repo";

export const SESSION_DAYS = 14;

export function toSignedInAgent(row: AgentRow): SignedInAgent {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    email: row.email,
    role: row.role,
    team: row.team,
    status: row.status,
    maxChats: row.maxChats,
    locale: row.locale,
  };
}

export async function openSession(db: Db, agent: AgentRow): Promise<{ token: string; auth: AuthContext }> {
  const token = newToken();
  const csrfToken = newToken(24);
  await insertSession(db, {
    tokenHash: sha256(token),
    agentId: agent.id,
    workspaceId: agent.workspaceId,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
  });
  const signedIn = toSignedInAgent(agent);
  return { token, auth: { agent: signedIn, abilities: new Set(abilitiesFor(signedIn)), csrfToken, sessionHash: sha256(token) } };
}

export function sessionResolver(db: Db): SessionResolver {
  return {
    async resolve(token) {
      if (token.length > 200) return null;
      const tokenHash = sha256(token);
      const found = await findLiveSession(db, tokenHash, new Date());
      if (!found) return null;
      const agent = toSignedInAgent(found.agent);
      return { agent, abilities: new Set(abilitiesFor(agent)), csrfToken: found.session.csrfToken, sessionHash: tokenHash };
    },
  };
}
