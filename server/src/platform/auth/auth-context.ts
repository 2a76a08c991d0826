// Who is calling: resolved from the session cookie before any handler runs. Every
// query takes its workspace from here, never from the request body.
import type { Ability, Role, Team } from "./abilities";

export interface SignedInAgent {
  id: string;
  workspaceId: string;
  name: string;
  email: string | null;
  role: Role;
  team: Team;
  status: "online" | "busy" | "away" | "offline";
  maxChats: number;
  locale: "zh-CN" | "en" | "ko";
}

export interface AuthContext {
  agent: SignedInAgent;
  abilities: ReadonlySet<Ability>;
  csrfToken: string;
  /** sha256 of the session token, to end this session on logout. */
  sessionHash: string;
}

export interface SessionResolver {
  /** The live session for a cookie token, or null (unknown, expired, agent deactivated). */
  resolve(token: string): Promise<AuthContext | null>;
}

export function can(auth: AuthContext, ability: Ability): boolean {
  return auth.abilities.has(ability);
}
