// Sign-in, sessions, CSRF, throttling and agent management, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginThrottle } from "../../platform/auth/login-throttle";
import { createTestApp, type TestApp } from "../../../test/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ throttle: new LoginThrottle({ maxFailures: 3, windowMs: 60_000 }, { maxFailures: 6, windowMs: 60_000 }) });
}, 60_000);
afterAll(async () => t?.close());

const login = (email: string, password: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  t.qindesk.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, headers, ...(remoteAddress ? { remoteAddress } : {}) });

describe("sign-in", () => {
  it("signs in with an httpOnly SameSite session cookie and /api/me returns the agent and abilities", async () => {
    const res = await login("presales@demo.qindesk", "qindesk-demo", {}, "10.0.0.1");
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "qd_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const me = await t.qindesk.app.inject({ url: "/api/me", headers: { cookie: `qd_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.agent).toMatchObject({ email: "presales@demo.qindesk", role: "agent", team: "presales" });
    expect(body.agent.passwordHash).toBeUndefined();
    expect(body.abilities).toContain("conversations.reply");
    expect(body.abilities).not.toContain("agents.manage");
    expect(body.shops[0]).toMatchObject({ name: "瑞丽女坊", timezone: "Asia/Shanghai" });
  });

  it("answers an unknown email and a wrong password with the same 401 body", async () => {
    const wrong = await login("owner@demo.qindesk", "nope", {}, "10.0.0.2");
    const unknown = await login("nobody@demo.qindesk", "nope", {}, "10.0.0.2");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it("refuses /api/me without a session, and with a made-up one", async () => {
    expect((await t.qindesk.app.inject({ url: "/api/me" })).statusCode).toBe(401);
    expect((await t.qindesk.app.inject({ url: "/api/me", headers: { cookie: "qd_session=forged" } })).statusCode).toBe(401);
  });

  it("throttles failures per account, even with the right password afterwards", async () => {
    for (let i = 0; i < 3; i++) expect((await login("aftersales@demo.qindesk", "bad", {}, `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login("aftersales@demo.qindesk", "qindesk-demo", {}, "10.1.0.9");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("throttles per address and a forged X-Forwarded-For does not reset it", async () => {
    for (let i = 0; i < 6; i++) await login(`guess${i}@demo.qindesk`, "bad", { "x-forwarded-for": `192.0.2.${i}` }, "10.2.0.1");
    const next = await login("owner@demo.qindesk", "qindesk-demo", { "x-forwarded-for": "198.51.100.7" }, "10.2.0.1");
    expect(next.statusCode).toBe(429);
    // Another address is not affected.
    expect((await login("owner@demo.qindesk", "qindesk-demo", {}, "10.2.0.2")).statusCode).toBe(200);
  });

  it("requires the CSRF token for cookie-authenticated writes", async () => {
    const s = await t.signIn("presales@demo.qindesk");
    const without = await t.qindesk.app.inject({ method: "PATCH", url: "/api/v1/me/status", headers: { cookie: s.cookie }, payload: { status: "busy" } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("csrf");
    const wrongToken = await t.qindesk.app.inject({ method: "PATCH", url: "/api/v1/me/status", headers: { cookie: s.cookie, "x-csrf-token": "x" + s.csrf }, payload: { status: "busy" } });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await t.qindesk.app.inject({ method: "PATCH", url: "/api/v1/me/status", headers: s.headers, payload: { status: "busy" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().agent.status).toBe("busy");
  });

  it("logs out: the session ends on the server", async () => {
    const s = await t.signIn("presales@demo.qindesk");
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/auth/logout", headers: s.headers })).statusCode).toBe(204);
    expect((await t.qindesk.app.inject({ url: "/api/me", headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });
});

describe("agent management", () => {
  it("lets owners create, change, reset and deactivate agents; deactivation ends sessions at once", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const created = await t.qindesk.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: owner.headers,
      payload: { name: "新人 小林", email: "Lin@Demo.QinDesk", password: "welcome-123", team: "aftersales", maxChats: 5 },
    });
    expect(created.statusCode).toBe(201);
    const agent = created.json().agent;
    expect(agent).toMatchObject({ email: "lin@demo.qindesk", role: "agent", team: "aftersales", maxChats: 5, active: true });

    const changed = await t.qindesk.app.inject({ method: "PATCH", url: `/api/v1/agents/${agent.id}`, headers: owner.headers, payload: { team: "presales", maxChats: 3 } });
    expect(changed.json().agent).toMatchObject({ team: "presales", maxChats: 3 });

    const lin = await t.signIn("lin@demo.qindesk", "welcome-123");
    await t.qindesk.app.inject({ method: "POST", url: `/api/v1/agents/${agent.id}/password`, headers: owner.headers, payload: { password: "another-456" } });
    expect((await t.qindesk.app.inject({ url: "/api/me", headers: { cookie: lin.cookie } })).statusCode).toBe(401);
    const lin2 = await t.signIn("lin@demo.qindesk", "another-456");

    const off = await t.qindesk.app.inject({ method: "POST", url: `/api/v1/agents/${agent.id}/deactivate`, headers: owner.headers });
    expect(off.json().agent.active).toBe(false);
    expect((await t.qindesk.app.inject({ url: "/api/me", headers: { cookie: lin2.cookie } })).statusCode).toBe(401);
    expect((await login("lin@demo.qindesk", "another-456", {}, "10.3.0.1")).statusCode).toBe(401);
  });

  it("refuses agent management to agents and supervisors", async () => {
    for (const email of ["presales@demo.qindesk", "supervisor@demo.qindesk"]) {
      const s = await t.signIn(email);
      const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/agents", headers: s.headers, payload: { name: "x", email: "x@y.z", password: "12345678" } });
      expect(res.statusCode).toBe(403);
    }
    const agentSession = await t.signIn("presales@demo.qindesk");
    expect((await t.qindesk.app.inject({ url: "/api/v1/agents", headers: { cookie: agentSession.cookie } })).statusCode).toBe(403);
  });

  it("rejects unknown fields (no mass assignment) and names the bad field", async () => {
    const owner = await t.signIn("owner@demo.qindesk");
    const res = await t.qindesk.app.inject({ method: "PATCH", url: "/api/v1/me/status", headers: owner.headers, payload: { status: "online", role: "owner" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("role");
    const bad = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/agents", headers: owner.headers, payload: { name: "x", email: "not-an-email", password: "12345678" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("email");
  });

  it("answers 404 for an agent of another workspace", async () => {
    const { createWorkspace } = await import("../workspace");
    const { insertAgent } = await import("./staff.repo");
    const otherWs = await createWorkspace(t.database.db, "别的店");
    const stranger = await insertAgent(t.database.db, { id: "agent_stranger", workspaceId: otherWs, name: "外人" });
    const owner = await t.signIn("owner@demo.qindesk");
    const res = await t.qindesk.app.inject({ method: "PATCH", url: `/api/v1/agents/${stranger.id}`, headers: owner.headers, payload: { maxChats: 1 } });
    expect(res.statusCode).toBe(404);
  });
});

describe("HTTP conventions", () => {
  it("serves /api/health and an OpenAPI document listing /api/v1 paths", async () => {
    const health = await t.qindesk.app.inject({ url: "/api/health" });
    expect(health.json()).toEqual({ status: "ok" });
    const doc = (await t.qindesk.app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(doc.paths).filter((p: string) => p.startsWith("/api/v1/")).length).toBeGreaterThan(5);
    expect(doc.paths["/api/v1/agents/{id}"].patch.requestBody).toBeDefined();
  });

  it("declares who may call every API route (deny by default)", () => {
    for (const doc of t.qindesk.app.routeDocs) expect(doc.access).toBeTruthy();
    const publicOnes = t.qindesk.app.routeDocs.filter((d) => d.access === "public").map((d) => d.url);
    expect(publicOnes.sort()).toEqual(
      // The widget's routes are open to the network but read the buyer's signed token themselves.
      [
        "/api/auth/login",
        "/api/health",
        "/api/openapi.json",
        // Product pictures: the shop page and the widget show them (ids are unguessable).
        "/api/product-images/:id",
        "/api/widget/aftersales",
        "/api/widget/messages",
        "/api/widget/orders",
        "/api/widget/session",
        "/api/widget/shops/:shopId/products",
        // Order cards the buyer answers, and the demo storefront's checkout (demo shops only).
        "/api/widget/order-actions/:id",
        "/api/widget/order-actions/:id/answer",
        "/api/widget/checkout",
        "/api/widget/orders/:id/pay",
        // The shop's system: checked by the HMAC signature, timestamp and delivery id instead.
        "/api/v1/webhooks/shops/:shopId/orders",
      ].sort(),
    );
  });
});
