// Sign-in, sign-out and "who am I". The answer to a failed sign-in is the same for an
// unknown email and a wrong password, and takes as long (argon2 on a dummy hash).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { abilitiesFor } from "../../platform/auth/abilities";
import { LoginThrottle } from "../../platform/auth/login-throttle";
import { verifyPassword } from "../../platform/auth/passwords";
import type { Db } from "../../platform/db/database";
import { SESSION_COOKIE } from "../../platform/http/app";
import { HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { listShops, publicShop } from "../workspace";
import { deleteSession, findAgentByEmail, updateAgent } from "./staff.repo";
import type { EventBus } from "../../platform/events/bus";
import { AGENT_CAPACITY_CHANGED } from "../../platform/events/topics";
import { openSession, SESSION_DAYS } from "./sessions";
import { agentView } from "./agent-view";

const badCredentials = () => new HttpError(401, "bad_credentials", "Wrong email or password");

export function registerAuthRoutes(app: FastifyInstance, db: Db, options: { secureCookies: boolean; throttle?: LoginThrottle; bus?: EventBus }): void {
  const throttle = options.throttle ?? new LoginThrottle();

  route(app, {
    method: "POST",
    url: "/api/auth/login",
    summary: "Sign in with email and password; sets the session cookie",
    tags: ["auth"],
    access: "public",
    body: z.strictObject({ email: z.string().max(320), password: z.string().max(1024) }),
    handler: async ({ body, request, reply }) => {
      const account = body.email.trim().toLowerCase();
      const wait = throttle.retryAfter(account, request.ip);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new HttpError(429, "too_many_attempts", "Too many failed sign-ins; try again later");
      }
      const agent = await findAgentByEmail(db, account);
      const ok = await verifyPassword(agent?.active ? agent.passwordHash : null, body.password);
      if (!agent || !agent.active || !ok) {
        throttle.recordFailure(account, request.ip);
        throw badCredentials();
      }
      throttle.recordSuccess(account);
      // Signing in to the workbench means starting work: an offline agent comes online.
      if (agent.status === "offline") {
        await updateAgent(db, agent.workspaceId, agent.id, { status: "online" });
        agent.status = "online";
        await options.bus?.publish({ topic: AGENT_CAPACITY_CHANGED, workspaceId: agent.workspaceId, payload: { team: agent.team } });
      }
      const { token, auth } = await openSession(db, agent);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: options.secureCookies,
        maxAge: SESSION_DAYS * 86_400,
      });
      return { agent: agentView(agent), abilities: [...auth.abilities], csrfToken: auth.csrfToken };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/auth/logout",
    summary: "End this session",
    tags: ["auth"],
    access: "signed-in",
    handler: async ({ auth, reply }) => {
      await deleteSession(db, auth.sessionHash);
      await updateAgent(db, auth.agent.workspaceId, auth.agent.id, { status: "offline" });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return undefined;
    },
  });

  route(app, {
    method: "GET",
    url: "/api/me",
    summary: "The signed-in agent, the abilities the server grants them, and the workspace's shops",
    tags: ["auth"],
    access: "signed-in",
    handler: async ({ auth }) => ({
      agent: agentView(auth.agent),
      abilities: abilitiesFor(auth.agent),
      csrfToken: auth.csrfToken,
      shops: (await listShops(db, auth.agent.workspaceId)).map(publicShop),
    }),
  });
}
