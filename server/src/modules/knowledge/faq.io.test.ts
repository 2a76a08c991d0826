// FAQ files and the script library through the API: export → import round trips (CSV
// and JSON), imports that check every row and write nothing on an error (naming row,
// field and line), the formula guard, and loading the library once only.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { hashPassword } from "../../platform/auth/passwords";
import { queryRows } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { insertAgent } from "../staff";
import { createShop, createWorkspace } from "../workspace";
import { FAQ_CSV_COLUMNS } from "./faq.io";
import { scriptLibrary } from "./script-library";

interface Entry {
  id: string;
  status: string;
  questions: string[];
  answer: string;
  category: string;
  intent: string;
  stage: string | null;
  scope: { type: string; values: string[] };
  usageCount: number;
}

let t: TestApp;
let shopId: string;
const s: Record<"owner" | "supervisor" | "presales", Session> = {} as never;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  for (const who of ["owner", "supervisor", "presales"] as const) s[who] = await t.signIn(`${who}@demo.qindesk`);
}, 60_000);
afterAll(async () => t?.close());

const HEADER = FAQ_CSV_COLUMNS.join(",") + "\r\n";
const entries = async (who: Session, shop = shopId) => (await t.qindesk.app.inject({ url: `/api/v1/faq?shopId=${shop}&limit=500`, headers: who.headers })).json<{ items: Entry[] }>().items;
const exportFile = (who: Session, format: "csv" | "json", shop = shopId) => t.qindesk.app.inject({ url: `/api/v1/faq/export?shopId=${shop}&format=${format}`, headers: who.headers });
const importFile = (who: Session, body: string | Buffer, type = "text/csv", shop = shopId) =>
  t.qindesk.app.inject({ method: "POST", url: `/api/v1/faq/import?shopId=${shop}`, headers: { ...who.headers, "content-type": type }, payload: body });
const create = (who: Session, body: Record<string, unknown>) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/faq", headers: who.headers, payload: { shopId, ...body } });
const comparable = (list: Entry[]) =>
  list.map(({ questions, answer, category, intent, stage, scope, status }) => ({ questions, answer, category, intent, stage, scope, status })).sort((a, b) => a.questions[0]!.localeCompare(b.questions[0]!) || a.answer.localeCompare(b.answer));

describe("export", () => {
  it("writes CSV with BOM, one question per line in its cell, and formula cells neutralised", async () => {
    await create(s.owner, { questions: ["=1+1 是什么", "第二种问法"], answer: '=HYPERLINK("http://evil","点我")', intent: "other", category: "+危险" });
    const res = await exportFile(s.supervisor, "csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.body.startsWith("\uFEFF" + HEADER)).toBe(true);
    expect(res.body).toContain(`,approved,'+危险,other,,shop,,"'=1+1 是什么\n第二种问法","'=HYPERLINK(""http://evil"",""点我"")",0\r\n`);
    const json = (await exportFile(s.supervisor, "json")).json();
    expect(json).toMatchObject({ format: "qindesk-faq", version: 1, shop: { id: shopId, name: "瑞丽女坊" } });
    expect(json.entries.find((e: Entry) => e.questions[0] === "=1+1 是什么")).toMatchObject({ answer: '=HYPERLINK("http://evil","点我")', category: "+危险" });
  });

  it("is for owners and supervisors only", async () => {
    expect((await exportFile(s.presales, "csv")).statusCode).toBe(403);
    expect((await importFile(s.presales, HEADER)).statusCode).toBe(403);
  });
});

describe("import", () => {
  it("round-trips CSV: importing the export changes nothing; an edited cell updates that entry by id", async () => {
    const before = await entries(s.owner);
    const csv = (await exportFile(s.owner, "csv")).body;
    expect((await importFile(s.owner, csv)).json()).toEqual({ created: 0, updated: 0 });
    const edited = csv.replace("亲，已经联系快递公司查询了，会尽快给您回复。", "亲，已经帮您催快递了，有消息马上告诉您。");
    expect((await importFile(s.owner, edited)).json()).toEqual({ created: 0, updated: 1 });
    const after = await entries(s.owner);
    expect(after).toHaveLength(before.length);
    const logistics = after.find((e) => e.questions[0] === "我的订单怎么还没发货？")!;
    expect(logistics.answer).toBe("亲，已经帮您催快递了，有消息马上告诉您。");
    expect(logistics.id).toBe(before.find((e) => e.questions[0] === "我的订单怎么还没发货？")!.id);
  });

  it("round-trips JSON into another shop: the same entries, new ids, and a second import adds nothing", async () => {
    const second = await createShop(t.database.db, t.workspaceId, { name: "二店" });
    const file = (await exportFile(s.owner, "json")).body;
    const first = (await importFile(s.owner, file, "application/json", second.id)).json();
    const source = await entries(s.owner);
    expect(first).toEqual({ created: source.length, updated: 0 });
    const copied = await entries(s.owner, second.id);
    expect(comparable(copied)).toEqual(comparable(source));
    expect(copied.some((e) => source.some((x) => x.id === e.id))).toBe(false);
    expect(copied.every((e) => e.usageCount === 0)).toBe(true);
    expect((await importFile(s.owner, file, "application/json", second.id)).json()).toEqual({ created: 0, updated: 0 });
    // And the JSON export of the copy imports back into the demo shop as no change.
    expect((await importFile(s.owner, (await exportFile(s.owner, "json", second.id)).body, "application/json")).json()).toEqual({ created: 0, updated: 0 });
  });

  it("refuses a CSV with any bad row, naming row, field and line, and writes none of it", async () => {
    const good = HEADER + ",approved,物流,shipping_time,courier,shop,,新问题一,亲，马上发货,\r\n";
    const cases: [string, number, string, number][] = [
      [good + ",approved,物流,shipping,,shop,,新问题二,好,\r\n", 2, "intent", 3],
      [good + ",maybe,物流,other,,shop,,新问题二,好,\r\n", 2, "status", 3],
      [good + ",approved,物流,other,,shop,,,好,\r\n", 2, "questions", 3],
      [good + ",approved,物流,other,,shop,,新问题二,,\r\n", 2, "answer", 3],
      [good + ",approved,物流,other,,shop,,新问题二,亲，{buyr}您好,\r\n", 2, "answer", 3],
      [good + ",approved,物流,other,dance,shop,,新问题二,好,\r\n", 2, "stage", 3],
      [good + ",approved,物流,other,,galaxy,,新问题二,好,\r\n", 2, "scope", 3],
      [good + ",approved,物流,other,,product,prod_nope,新问题二,好,\r\n", 2, "scope_values", 3],
      [good + ',approved,物流,other,,shop,,"多行\r\n问题",好,\r\n' + ",approved,物流,other,,shop,,新问题一,亲，马上发货,\r\n", 3, "questions", 5],
      [good + ",approved,物流,other,,shop,,新问题二\r\n", 2, "answer", 3],
      [good + ',approved,物流,other,,shop,,"没关上,好,\r\n', 0, "questions", 3],
      ["id,status,questions\r\n,approved,新问题一\r\n", 0, "category", 1],
    ];
    for (const [file, row, field, line] of cases) {
      const res = await importFile(s.owner, file);
      expect({ file, status: res.statusCode, error: res.json().error }).toEqual({ file, status: 400, error: expect.objectContaining({ code: "invalid_import", row, field, line }) });
    }
    expect((await entries(s.owner)).some((e) => e.questions[0] === "新问题一")).toBe(false);
  });

  it("refuses JSON with any bad entry (naming entry and field), not-JSON and not-UTF-8 files, writing nothing", async () => {
    const entry = { questions: ["JSON新问题"], answer: "好", intent: "other" };
    const cases: [unknown, number, string][] = [
      [{ entries: [entry, { ...entry, questions: ["另一个"], intent: "nope" }] }, 2, "intent"],
      [{ entries: [entry, { ...entry, questions: ["另一个"], anwser: "拼错" }] }, 2, "anwser"],
      [{ entries: [entry, { ...entry, questions: ["另一个"], scope: { type: "category", values: [] } }] }, 2, "scope.values"],
      [[entry, entry], 2, "questions"],
      [{ rows: [entry] }, 0, "entries"],
    ];
    for (const [body, row, field] of cases) {
      const res = await importFile(s.owner, JSON.stringify(body), "application/json");
      expect({ body, status: res.statusCode, error: res.json().error }).toEqual({ body, status: 400, error: expect.objectContaining({ row, field }) });
    }
    expect((await importFile(s.owner, "{not json", "application/json")).json().error).toMatchObject({ code: "invalid_import", field: "file" });
    const gbk = Buffer.concat([Buffer.from(HEADER + ",approved,,other,,shop,,"), Buffer.from([0xc7, 0xd7]), Buffer.from(",好,\r\n")]);
    expect((await importFile(s.owner, gbk)).json().error.message).toContain("UTF-8");
    expect((await entries(s.owner)).some((e) => e.questions[0] === "JSON新问题")).toBe(false);
    // The good one alone goes in, approved by default.
    expect((await importFile(s.owner, JSON.stringify([entry]), "application/json")).json()).toEqual({ created: 1, updated: 0 });
    expect((await entries(s.owner)).find((e) => e.questions[0] === "JSON新问题")).toMatchObject({ status: "approved", scope: { type: "shop", values: [] } });
  });
});

describe("the script library", () => {
  it("lists every script with its seed, intent, stage and the three languages", async () => {
    const res = await t.qindesk.app.inject({ url: "/api/v1/knowledge/library", headers: s.presales.headers });
    const body = res.json<{ locales: string[]; scripts: { key: string; seed: string; intent: string; stage: string | null; text: Record<string, string> }[] }>();
    expect(body.locales).toEqual(["zh-CN", "en", "ko"]);
    expect(body.scripts.length).toBe(scriptLibrary().scripts.length);
    expect(new Set(body.scripts.map((x) => x.seed))).toEqual(new Set(["000", "001", "003", "004"]));
    expect(body.scripts.find((x) => x.key === "001-friendship")).toMatchObject({ stage: "farewell", intent: "other" });
    expect(body.scripts.find((x) => x.key === "004-check")!.text["zh-CN"]).toBe("这个问题我需要核实一下，请您稍等，我会尽快给您回复。");
    for (const x of body.scripts) for (const locale of body.locales) expect(x.text[locale]).toBeTruthy();
  });

  it("loads into a new workspace's shop once: quick replies for both teams and the FAQ, nothing more the second time", async () => {
    const workspaceId = await createWorkspace(t.database.db, "新店铺");
    const shop = await createShop(t.database.db, workspaceId, { name: "Seoul Shop", timezone: "Asia/Seoul" });
    await insertAgent(t.database.db, { id: newId("agent"), workspaceId, name: "Boss", email: "boss@new.shop", passwordHash: await hashPassword("correct horse battery"), role: "owner" });
    const boss = await t.signIn("boss@new.shop", "correct horse battery");
    const load = (locale: string) => t.qindesk.app.inject({ method: "POST", url: "/api/v1/knowledge/library/load", headers: boss.headers, payload: { shopId: shop.id, locale } });
    const scripts = scriptLibrary().scripts;
    const first = await load("ko");
    expect(first.json()).toEqual({ quickReplies: scripts.reduce((n, x) => n + x.teams.length, 0), faq: scripts.filter((x) => x.questions).length });
    expect((await load("ko")).json()).toEqual({ quickReplies: 0, faq: 0 });
    expect((await load("zh-CN")).json()).toEqual({ quickReplies: 0, faq: 0 });
    const faq = await entries(boss, shop.id);
    expect(faq.find((e) => e.answer.includes("알리페이"))).toMatchObject({ intent: "payment_safety", category: "결제", status: "approved" });
    const replies = (await t.qindesk.app.inject({ url: "/api/v1/quick-replies", headers: boss.headers })).json<{ items: { shortcut: string; text: string; intent: string | null }[] }>().items;
    expect(replies.find((r) => r.shortcut === "hs")).toMatchObject({ text: "이 부분은 확인이 필요해요. 잠시만 기다려 주시면 최대한 빨리 답변 드릴게요.", intent: "other" });
    const counted = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from quick_replies where workspace_id = ${workspaceId}`);
    expect(Number(counted[0]!.n)).toBe(first.json().quickReplies);
  });

  it("is loaded by owners and supervisors only, and into shops of their workspace only", async () => {
    const res = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/knowledge/library/load", headers: s.presales.headers, payload: { shopId } });
    expect(res.statusCode).toBe(403);
    const other = await createShop(t.database.db, await createWorkspace(t.database.db, "别家"), { name: "别家店" });
    const foreign = await t.qindesk.app.inject({ method: "POST", url: "/api/v1/knowledge/library/load", headers: s.supervisor.headers, payload: { shopId: other.id } });
    expect(foreign.json().error.field).toBe("shopId");
    // The demo shop has it already.
    expect((await t.qindesk.app.inject({ method: "POST", url: "/api/v1/knowledge/library/load", headers: s.supervisor.headers, payload: { shopId } })).json()).toEqual({ quickReplies: 0, faq: 0 });
  });
});
