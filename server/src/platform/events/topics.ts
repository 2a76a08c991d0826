/** Published when an agent's sessions are ended (deactivated, password reset): their sockets close. */
export const AGENT_SESSIONS_ENDED = "agent.sessions_ended";
