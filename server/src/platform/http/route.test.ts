// Deny by default: an /api route that did not declare its access answers 404, and a
// declared one checks session and ability before the handler runs.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AuthContext } from "../auth/auth-context";
import { createHttpApp } from "./app";
import { route } from "./route";

const agentAuth: AuthContext = {
  agent: { id: "a1", workspaceId: "w1", name: "A", email: "a@x", role: "agent", team: "presales", status: "online", maxChats: 5, locale: "zh-CN" },
  abilities: new Set(["conversations.reply"]),
  csrfToken: "csrf-token",
  sessionHash: "h",
};

async function app() {
  const a = await createHttpApp({
    sessions: { resolve: async (token) => (token === "good" ? agentAuth : null) },
    trustProxy: false,
    logLevel: "silent",
    healthy: async () => true,
  });
  a.get("/api/v1/forgotten", async () => ({ secret: true }));
  route(a, { method: "GET", url: "/api/v1/managed", summary: "x", access: "agents.manage", handler: async () => ({ ok: true }) });
  route(a, {
    method: "POST",
    url: "/api/v1/echo",
    summary: "x",
    access: "conversations.reply",
    body: z.strictObject({ n: z.number().int() }),
    handler: async ({ body }) => ({ n: body.n }),
  });
  await a.ready();
  return a;
}

describe("route access", () => {
  it("answers 404 for an /api route registered without an access rule, even signed in", async () => {
    const a = await app();
    expect((await a.inject({ url: "/api/v1/forgotten" })).statusCode).toBe(404);
    expect((await a.inject({ url: "/api/v1/forgotten", cookies: { qd_session: "good" } })).statusCode).toBe(404);
  });

  it("needs a session (401) and the ability (403)", async () => {
    const a = await app();
    expect((await a.inject({ url: "/api/v1/managed" })).statusCode).toBe(401);
    expect((await a.inject({ url: "/api/v1/managed", cookies: { qd_session: "good" } })).statusCode).toBe(403);
  });

  it("checks CSRF on cookie writes, then validates the body naming the field", async () => {
    const a = await app();
    const noCsrf = await a.inject({ method: "POST", url: "/api/v1/echo", cookies: { qd_session: "good" }, payload: { n: 1 } });
    expect(noCsrf.statusCode).toBe(403);
    const headers = { "x-csrf-token": "csrf-token" };
    const bad = await a.inject({ method: "POST", url: "/api/v1/echo", cookies: { qd_session: "good" }, headers, payload: { n: 1.5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("n");
    const extra = await a.inject({ method: "POST", url: "/api/v1/echo", cookies: { qd_session: "good" }, headers, payload: { n: 1, admin: true } });
    expect(extra.json().error.field).toBe("admin");
    const ok = await a.inject({ method: "POST", url: "/api/v1/echo", cookies: { qd_session: "good" }, headers, payload: { n: 2 } });
    expect(ok.json()).toEqual({ n: 2 });
  });

  it("answers malformed JSON with 400 naming the body", async () => {
    const a = await app();
    const res = await a.inject({ method: "POST", url: "/api/v1/echo", cookies: { qd_session: "good" }, headers: { "x-csrf-token": "csrf-token", "content-type": "application/json" }, payload: "{" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("body");
  });
});
