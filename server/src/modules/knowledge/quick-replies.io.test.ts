// CSV export and import through the API (round trip, all-or-nothing, errors naming line
// and column, formula guard) and rendering a phrase's variables for a conversation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";

interface QuickReply {
  id: string;
  scope: "team" | "personal";
  category: string;
  shortcut: string;
  text: string;
}

let t: TestApp;
let base: string;
let shopId: string;
const s: Record<"owner" | "supervisor" | "presales" | "aftersales", Session> = {} as never;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  for (const who of ["owner", "supervisor", "presales", "aftersales"] as const) s[who] = await t.signIn(`${who}@demo.qindesk`);
}, 60_000);
afterAll(async () => t?.close());

const list = async (who: Session) => (await t.qindesk.app.inject({ url: "/api/v1/quick-replies", headers: who.headers })).json<{ items: QuickReply[] }>().items;
const create = (who: Session, body: Record<string, unknown>) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies", headers: who.headers, payload: body });
const exportCsv = (who: Session) => t.qindesk.app.inject({ url: "/api/v1/quick-replies/export", headers: who.headers });
const importCsv = (who: Session, body: string | Buffer, type = "text/csv") =>
  t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies/import", headers: { ...who.headers, "content-type": type }, payload: body });
const HEADER = "scope,category,shortcut,text\r\n";

describe("CSV export", () => {
  it("exports my library as UTF-8 CSV with BOM, neutralising formula cells", async () => {
    await create(s.presales, { scope: "personal", category: "=危险", shortcut: "f1", text: '=HYPERLINK("http://evil","点我")' });
    await create(s.presales, { scope: "personal", category: "优惠", shortcut: "f2", text: "-5元，今天下单立减" });
    await create(s.presales, { scope: "personal", category: "优惠", shortcut: "f3", text: "+1 赠品, @全体" });
    const res = await exportCsv(s.presales);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain("quick-replies.csv");
    const body = res.body;
    expect(body.startsWith("\uFEFF" + HEADER)).toBe(true);
    expect(body).toContain(`personal,'=危险,f1,"'=HYPERLINK(""http://evil"",""点我"")"\r\n`);
    expect(body).toContain("personal,优惠,f2,'-5元，今天下单立减\r\n");
    expect(body).toContain(`personal,优惠,f3,"'+1 赠品, @全体"\r\n`);
    expect(body).toContain("team,议价,tj,亲，本店的特价商品已经是折后价了哦，很实惠呢！\r\n");
    // Nothing of another team's or another agent's library.
    expect(body).not.toContain(",ps,");
    expect((await exportCsv(s.owner)).body).not.toContain("HYPERLINK");
  });
});

describe("CSV import", () => {
  it("round-trips: an exported, edited file imports back, updating by (scope, shortcut)", async () => {
    const before = await list(s.supervisor);
    const exported = (await exportCsv(s.supervisor)).body;
    const edited = exported.replace("亲，本店的特价商品已经是折后价了哦，很实惠呢！", "亲，特价已是最低价啦") + 'personal,我的,"new,1","多行\r\n第二行 ""引号"""\r\n';
    const res = await importCsv(s.supervisor, edited);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1 });
    const after = await list(s.supervisor);
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((r) => r.shortcut === "tj")!.text).toBe("亲，特价已是最低价啦");
    expect(after.find((r) => r.shortcut === "new,1")).toMatchObject({ scope: "personal", category: "我的", text: '多行\r\n第二行 "引号"' });
    // Ids are kept for updated rows.
    expect(after.find((r) => r.shortcut === "zfb")!.id).toBe(before.find((r) => r.shortcut === "zfb")!.id);
    // Importing the same file again changes nothing.
    expect((await importCsv(s.supervisor, edited)).json()).toEqual({ created: 0, updated: 0 });
    // Exported again, the file is what was imported.
    expect((await exportCsv(s.supervisor)).body.split("\r\n").sort()).toEqual(edited.split("\r\n").sort());
  });

  it("accepts a file without BOM and formula-guarded cells, taking the guard off", async () => {
    const res = await importCsv(s.presales, "scope,category,shortcut,text\npersonal,优惠,g1,'-10元\n");
    expect(res.json()).toEqual({ created: 1, updated: 0 });
    expect((await list(s.presales)).find((r) => r.shortcut === "g1")!.text).toBe("-10元");
  });

  it("refuses a bad file with 400 naming line and column, and writes nothing of it", async () => {
    const cases: [string, number, string][] = [
      [HEADER + "personal,a,ok1,好\r\npersonal,a,ok2\r\n", 3, "text"],
      [HEADER + "personal,a,ok1,好\r\npersonal,a,ok2,\r\n", 3, "text"],
      [HEADER + "personal,a,ok1,好\r\nprivate,a,ok2,好\r\n", 3, "scope"],
      [HEADER + "personal,a,ok1,好\r\npersonal,a,has space,好\r\n", 3, "shortcut"],
      [HEADER + "personal,a,ok1,好\r\npersonal,b,ok1,又一个\r\n", 3, "shortcut"],
      [HEADER + 'personal,a,ok1,"没关上\r\n', 2, "text"],
      ["shortcut,text\r\npersonal,a,ok1,好\r\n", 1, "scope"],
    ];
    for (const [body, line, column] of cases) {
      const res = await importCsv(s.presales, body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json().error).toMatchObject({ code: "invalid_csv", line, column, field: column });
      expect(res.json().error.message).toContain(`line ${line}, column ${column}`);
    }
    expect((await list(s.presales)).some((r) => r.shortcut === "ok1")).toBe(false);
  });

  it("refuses text that is not UTF-8 (GBK from old Excel)", async () => {
    // "亲" in GBK is 0xC7 0xD7, invalid as UTF-8.
    const gbk = Buffer.concat([Buffer.from(HEADER + "personal,a,gbk,"), Buffer.from([0xc7, 0xd7]), Buffer.from("\r\n")]);
    const res = await importCsv(s.presales, gbk);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("UTF-8");
  });

  it("lets agents import only their own phrases: a team row is refused and nothing is written", async () => {
    const res = await importCsv(s.presales, HEADER + "personal,a,mine9,好\r\nteam,a,team9,不行\r\n");
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("line 3");
    expect((await list(s.presales)).some((r) => r.shortcut === "mine9" || r.shortcut === "team9")).toBe(false);
    expect((await importCsv(s.aftersales, HEADER + "personal,a,mine9,好\r\n")).json()).toEqual({ created: 1, updated: 0 });
    expect((await list(s.aftersales)).find((r) => r.shortcut === "mine9")).toMatchObject({ scope: "personal" });
    expect((await list(s.presales)).some((r) => r.shortcut === "mine9")).toBe(false);
  });

  it("imports team rows into the importer's own team only", async () => {
    const res = await importCsv(s.owner, HEADER + "team,物流,own9,亲，今天发货\r\n");
    expect(res.json()).toEqual({ created: 1, updated: 0 });
    expect((await list(s.presales)).some((r) => r.shortcut === "own9")).toBe(true);
    expect((await list(s.aftersales)).some((r) => r.shortcut === "own9")).toBe(false);
  });

  it("needs a session and a CSV body", async () => {
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies/import", headers: { "content-type": "text/csv" }, payload: HEADER })).statusCode).toBe(401);
    const json = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies/import", headers: s.presales.headers, payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
  });
});

describe("render", () => {
  const render = (who: Session, id: string, conversationId: string) =>
    t.qindesk.app.inject({ method: "POST", url: "/api/v1/quick-replies/render", headers: who.headers, payload: { id, conversationId } });

  async function presalesConversation(withProduct: boolean) {
    const buyer = await buyerSession(t, shopId);
    const client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(buyer.token)}`);
    const ack = await client.say("在吗");
    if (withProduct) {
      const products = (await t.qindesk.app.inject({ url: `/api/widget/shops/${shopId}/products` })).json<{ items: { id: string; title: string }[] }>().items;
      await client.say("", { kind: "product", productId: products[0]!.id });
      await client.say("", { kind: "product", productId: products[1]!.id });
      await client.say("这个有货吗");
      await client.close();
      return { conversationId: ack.message.conversationId, product: products[1]!.title, nick: await nickOf(ack.message.conversationId) };
    }
    await client.close();
    return { conversationId: ack.message.conversationId, product: "", nick: await nickOf(ack.message.conversationId) };
  }

  async function nickOf(conversationId: string): Promise<string> {
    return (await t.qindesk.app.inject({ url: `/api/v1/conversations/${conversationId}`, headers: s.owner.headers })).json().conversation.customer.nick;
  }

  it("fills buyer, shop, agent, the last product card, courier and cut-off; leaves unknown names", async () => {
    const phrase = (
      await create(s.presales, { scope: "personal", shortcut: "vars", text: "{buyer}您好，{shop}的{agent}为您服务：{product}，{cutoff}前付款发{courier}。{coupon}" })
    ).json().quickReply as QuickReply;
    const c = await presalesConversation(true);
    const res = await render(s.presales, phrase.id, c.conversationId);
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toBe(`${c.nick}您好，瑞丽女坊的售前 小雅为您服务：${c.product}，16:00前付款发中通快递。{coupon}`);

    const plain = await presalesConversation(false);
    // No product card: {product} stays for the agent to fill, and the answer says so.
    const unfilled = (await render(s.presales, phrase.id, plain.conversationId)).json();
    expect(unfilled.text).toContain("为您服务：{product}，16:00");
    expect(unfilled.missing).toEqual(["product"]);
  });

  it("renders team phrases for teammates, and answers 404 for others' phrases and conversations out of sight", async () => {
    const c = await presalesConversation(false);
    const team = (await list(s.presales)).find((r) => r.shortcut === "fh")!;
    expect((await render(s.presales, team.id, c.conversationId)).json().text).toBe("亲，16:00前付款当天为您安排发货哦，我们默认发中通快递，发货后会有物流信息更新，请您放心～");
    const personal = (await create(s.supervisor, { scope: "personal", shortcut: "supvars", text: "{agent}" })).json().quickReply as QuickReply;
    expect((await render(s.presales, personal.id, c.conversationId)).statusCode).toBe(404);
    const aftersalesPhrase = (await list(s.aftersales)).find((r) => r.shortcut === "fh")!;
    expect((await render(s.presales, aftersalesPhrase.id, c.conversationId)).statusCode).toBe(404);
    // The after-sales agent may not see a pre-sales conversation.
    expect((await render(s.aftersales, aftersalesPhrase.id, c.conversationId)).statusCode).toBe(404);
    expect((await render(s.supervisor, personal.id, c.conversationId)).json().text).toBe("主管 周敏");
  });
});
