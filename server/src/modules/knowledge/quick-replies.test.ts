// Quick replies through the API on a real database: who sees and edits which library,
// the seeded defaults, and the live "library changed" event on real sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import type { ServerEvent } from "../conversations/chat-protocol";

interface QuickReply {
  id: string;
  scope: "team" | "personal";
  team: string | null;
  category: string;
  shortcut: string;
  text: string;
  ownerId: string | null;
  updatedAt: string;
}

let t: TestApp;
let base: string;
const s: Record<"owner" | "supervisor" | "presales" | "aftersales", Session> = {} as never;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  for (const who of ["owner", "supervisor", "presales", "aftersales"] as const) s[who] = await t.signIn(`${who}@demo.qindesk`);
}, 60_000);
afterAll(async () => t?.close());

const list = async (who: Session) => (await t.qindesk.app.inject({ url: "/api/v1/quick-replies", headers: who.headers })).json<{ items: QuickReply[] }>().items;
const create = (who: Session, body: Record<string, unknown>) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies", headers: who.headers, payload: body });
const patch = (who: Session, id: string, body: Record<string, unknown>) => t.qindesk.app.inject({ method: "PATCH", url: `/api/v1/quick-replies/${id}`, headers: who.headers, payload: body });
const remove = (who: Session, id: string) => t.qindesk.app.inject({ method: "DELETE", url: `/api/v1/quick-replies/${id}`, headers: who.headers });

describe("quick reply library", () => {
  it("starts each team with the seeds' phrases, and shows each agent only their team's", async () => {
    const presales = await list(s.presales);
    const aftersales = await list(s.aftersales);
    expect(presales.every((r) => r.scope === "team" && r.team === "presales")).toBe(true);
    expect(aftersales.every((r) => r.scope === "team" && r.team === "aftersales")).toBe(true);
    const texts = presales.map((r) => r.text).join("\n");
    for (const phrase of ["本店的特价商品已经是折后价了哦", "店主定的价", "支付宝交易属于第三方支付", "打着灯光拍摄", "期待您的下次光临", "这个问题我需要核实一下", "欢迎下次再来"]) {
      expect(texts).toContain(phrase);
    }
    // Bargaining phrases are for pre-sales; damaged-goods ones for after-sales.
    expect(aftersales.some((r) => r.shortcut === "tj")).toBe(false);
    expect(aftersales.some((r) => r.shortcut === "ps")).toBe(true);
    expect(presales.some((r) => r.shortcut === "ps")).toBe(false);
  });

  it("refuses callers without a session and writes without the CSRF token", async () => {
    expect((await t.qindesk.app.inject({ url: "/api/v1/quick-replies" })).statusCode).toBe(401);
    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies", headers: { cookie: s.presales.cookie }, payload: { scope: "personal", shortcut: "x", text: "y" } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf");
  });

  it("lets only holders of quick_replies.manage add to the team library, into their own team", async () => {
    const denied = await create(s.presales, { scope: "team", category: "议价", shortcut: "agentteam", text: "不行" });
    expect(denied.statusCode).toBe(403);
    const me = await t.qindesk.app.inject({ url: "/api/me", headers: s.presales.headers });
    expect(me.json().abilities).not.toContain("quick_replies.manage");
    const byOwnerMe = await t.qindesk.app.inject({ url: "/api/me", headers: s.owner.headers });
    expect(byOwnerMe.json().abilities).toContain("quick_replies.manage");

    const bySupervisor = await create(s.supervisor, { scope: "team", category: "物流", shortcut: "sup1", text: "亲，{cutoff}前付款当天发哦" });
    expect(bySupervisor.statusCode).toBe(201);
    expect(bySupervisor.json().quickReply).toMatchObject({ scope: "team", team: "presales", ownerId: null, shortcut: "sup1" });
    const byOwner = await create(s.owner, { scope: "team", category: "物流", shortcut: "own1", text: "亲，默认发{courier}" });
    expect(byOwner.statusCode).toBe(201);
    expect((await list(s.presales)).map((r) => r.shortcut)).toEqual(expect.arrayContaining(["sup1", "own1"]));
    expect((await list(s.aftersales)).map((r) => r.shortcut)).not.toContain("sup1");
    const taken = await create(s.supervisor, { scope: "team", category: "物流", shortcut: "sup1", text: "again" });
    expect(taken.statusCode).toBe(409);
  });

  it("lets every agent keep personal phrases that nobody else sees", async () => {
    const mine = await create(s.presales, { scope: "personal", category: "我的", shortcut: "my1", text: "亲，我是小雅～" });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().quickReply).toMatchObject({ scope: "personal", team: null, ownerId: s.presales.agentId });
    // The same shortcut may live in another library.
    expect((await create(s.supervisor, { scope: "personal", shortcut: "my1", text: "主管的" })).statusCode).toBe(201);
    expect((await list(s.presales)).filter((r) => r.shortcut === "my1").map((r) => r.text)).toEqual(["亲，我是小雅～"]);
    expect((await list(s.owner)).some((r) => r.text === "亲，我是小雅～")).toBe(false);
    const bad = await create(s.presales, { scope: "personal", shortcut: "has space", text: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("shortcut");
  });

  it("edits and deletes team phrases only with the ability, personal ones only by their owner; others' answer 404", async () => {
    const team = (await create(s.supervisor, { scope: "team", category: "通用", shortcut: "edit1", text: "原文" })).json().quickReply as QuickReply;
    const personal = (await create(s.presales, { scope: "personal", shortcut: "edit2", text: "私有" })).json().quickReply as QuickReply;

    expect((await patch(s.presales, team.id, { text: "改" })).statusCode).toBe(403);
    expect((await remove(s.presales, team.id)).statusCode).toBe(403);
    expect((await patch(s.aftersales, team.id, { text: "改" })).statusCode).toBe(404);
    expect((await remove(s.aftersales, team.id)).statusCode).toBe(404);
    const edited = await patch(s.supervisor, team.id, { text: "新文", category: "物流" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().quickReply).toMatchObject({ text: "新文", category: "物流", shortcut: "edit1" });
    expect(new Date(edited.json().quickReply.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(team.updatedAt).getTime());
    expect((await patch(s.supervisor, team.id, { shortcut: "sup1" })).statusCode).toBe(409);
    expect((await patch(s.supervisor, team.id, { scope: "personal" })).statusCode).toBe(400);

    for (const other of [s.owner, s.supervisor, s.aftersales]) {
      expect((await patch(other, personal.id, { text: "偷改" })).statusCode).toBe(404);
      expect((await remove(other, personal.id)).statusCode).toBe(404);
    }
    expect((await patch(s.presales, personal.id, { text: "我自己改" })).json().quickReply.text).toBe("我自己改");
    expect((await remove(s.presales, personal.id)).statusCode).toBe(204);
    expect((await remove(s.supervisor, team.id)).statusCode).toBe(204);
    expect((await list(s.presales)).some((r) => r.id === team.id || r.id === personal.id)).toBe(false);
    expect((await remove(s.supervisor, team.id)).statusCode).toBe(404);
  });
});

describe("quick_replies.changed", () => {
  const changed = (e: ServerEvent) => e.type === "quick_replies.changed";
  const connect = (who: Session) => ChatClient.connect(`${base}/api/ws`, { cookie: who.cookie });
  const quiet = async (client: ChatClient) => {
    await new Promise((r) => setTimeout(r, 250));
    return client.events.some(changed);
  };

  it("reaches every agent of the team on each change, and not the other team", async () => {
    const [teammate, colleague, otherTeam] = await Promise.all([connect(s.presales), connect(s.owner), connect(s.aftersales)]);
    const created = await create(s.supervisor, { scope: "team", shortcut: "live1", text: "实时" });
    await teammate.next(changed);
    await colleague.next(changed);
    expect(await quiet(otherTeam)).toBe(false);

    for (const change of [() => patch(s.supervisor, created.json().quickReply.id, { text: "实时2" }), () => remove(s.supervisor, created.json().quickReply.id)]) {
      teammate.clear();
      expect((await change()).statusCode).toBeLessThan(300);
      await teammate.next(changed);
    }
    expect(await quiet(otherTeam)).toBe(false);
    await Promise.all([teammate.close(), colleague.close(), otherTeam.close()]);
  });

  it("tells only the owner's own sockets about a personal phrase", async () => {
    const [ownOtherTab, teammate] = await Promise.all([connect(s.presales), connect(s.supervisor)]);
    expect((await create(s.presales, { scope: "personal", shortcut: "live2", text: "私有" })).statusCode).toBe(201);
    await ownOtherTab.next(changed);
    expect(await quiet(teammate)).toBe(false);
    await Promise.all([ownOtherTab.close(), teammate.close()]);
  });

  it("reaches the after-sales team when their supervisor edits their library", async () => {
    const made = await t.qindesk.app.inject({
      method: "POST",
      url: "/api/v1/agents",
      headers: s.owner.headers,
      payload: { name: "售后主管", email: "as-sup@demo.qindesk", password: "correct horse battery", role: "supervisor", team: "aftersales" },
    });
    expect(made.statusCode).toBe(201);
    const sup = await t.signIn("as-sup@demo.qindesk", "correct horse battery");
    const [aftersales, presales] = await Promise.all([connect(s.aftersales), connect(s.presales)]);
    const res = await create(sup, { scope: "team", category: "售后", shortcut: "th", text: "亲，退货地址已发您" });
    expect(res.json().quickReply.team).toBe("aftersales");
    await aftersales.next(changed);
    expect(await quiet(presales)).toBe(false);
    expect((await list(s.aftersales)).some((r) => r.shortcut === "th")).toBe(true);
    await Promise.all([aftersales.close(), presales.close()]);
  });
});
