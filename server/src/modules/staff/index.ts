export { agents, sessions } from "./staff.schema";
export type { AgentRow } from "./staff.repo";
export { findAgent, findAgentByEmail, insertAgent, listAgents } from "./staff.repo";
export { sessionResolver } from "./sessions";
export { registerAuthRoutes } from "./auth.routes";
export { registerAgentRoutes } from "./agents.routes";
export { agentView } from "./agent-view";
