// The FAQ through the API on a real database: entries and their checks, Chinese search,
// suggestions ranked by intent and product, the propose → approve flow from a real chat,
// who may do what, usage counts, unfilled variables and nothing across workspaces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, ChatClient, demoShopId, listen } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { createProduct } from "../catalog";
import { createShop, createWorkspace } from "../workspace";
import { insertEntry } from "./faq.repo";

interface Entry {
  id: string;
  shopId: string;
  status: "proposed" | "approved" | "rejected";
  questions: string[];
  answer: string;
  category: string;
  intent: string;
  scope: { type: string; values: string[] };
  libraryKey: string | null;
  proposedBy: { id: string; name: string } | null;
  reviewedBy: { id: string; name: string } | null;
  reviewNote: string | null;
  usageCount: number;
  source: { conversationId: string; questionSeqs: number[]; answerSeqs: number[] } | null;
}

let t: TestApp;
let base: string;
let shopId: string;
let knitId: string;
let teeId: string;
const s: Record<"owner" | "supervisor" | "presales" | "aftersales", Session> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t);
  shopId = await demoShopId(t);
  for (const who of ["owner", "supervisor", "presales", "aftersales"] as const) s[who] = await t.signIn(`${who}@demo.qindesk`);
  knitId = (await createProduct(t.database.db, t.workspaceId, shopId, { title: "测试针织开衫", category: "针织衫", priceCents: 12800, skus: [] })).id;
  teeId = (await createProduct(t.database.db, t.workspaceId, shopId, { title: "测试纯棉T恤", category: "T恤", priceCents: 5900, skus: [] })).id;
}, 60_000);
afterAll(async () => t?.close());

type Method = "GET" | "POST" | "PATCH" | "DELETE";
const inject = (who: Session | null, method: Method, url: string, payload?: unknown) =>
  t.qindesk.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const list = async (who: Session, query = "") => (await inject(who, "GET", `/api/v1/faq?shopId=${shopId}${query}`)).json<{ items: Entry[]; total: number; counts: Record<string, number> }>();
const create = (who: Session, body: Record<string, unknown>) => inject(who, "POST", "/api/v1/faq", { shopId, category: "测试", ...body });
const suggest = async (who: Session, conversationId: string, text: string) =>
  (await inject(who, "POST", "/api/v1/faq/suggest", { conversationId, text })).json<{ intent: string; items: { entry: Entry; question: string; score: number }[] }>();

/** A buyer's chat, optionally about a product card; the pre-sales agent answers the first question. */
async function chat(opts: { product?: string; question?: string; answer?: string } = {}) {
  const session = await buyerSession(t, shopId);
  const buyer = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
  const first = await buyer.say(opts.product ? "" : "在吗", opts.product ? { kind: "product", productId: opts.product } : {});
  const conversationId = first.message.conversationId;
  let questionSeq = 0;
  let answerSeq = 0;
  if (opts.question) questionSeq = (await buyer.say(opts.question)).message.seq;
  if (opts.answer) {
    const agent = await ChatClient.connect(`${base}/api/ws`, { cookie: s.presales.cookie });
    answerSeq = (await agent.say(opts.answer, { conversationId })).message.seq;
    await agent.close();
  }
  await buyer.close();
  return { conversationId, questionSeq, answerSeq };
}

describe("FAQ entries", () => {
  it("starts the demo shop with the script library's FAQ, approved", async () => {
    const { items, counts } = await list(s.presales, "&status=approved&limit=500");
    const library = items.filter((e) => e.libraryKey !== null);
    expect(library.length).toBe(18);
    expect(counts.approved).toBeGreaterThanOrEqual(18);
    expect(library.find((e) => e.libraryKey === "001-escrow")).toMatchObject({ intent: "payment_safety", category: "付款", questions: ["付款后会不会上当受骗？"] });
    expect(library.find((e) => e.libraryKey === "004-shipping")!.answer).toContain("{cutoff}");
  });

  it("lets owners and supervisors add entries and agents only read them", async () => {
    const made = await create(s.supervisor, { questions: ["衣服会掉色吗？", "洗了褪色吗"], answer: "亲，深色第一次洗会有少量浮色，属正常哦。", intent: "material_quality" });
    expect(made.statusCode).toBe(201);
    expect(made.json().entry).toMatchObject({ status: "approved", scope: { type: "shop", values: [] }, reviewedBy: { name: "主管 周敏" }, usageCount: 0 });
    expect((await create(s.presales, { questions: ["x"], answer: "y", intent: "other" })).statusCode).toBe(403);
    expect((await inject(s.presales, "GET", `/api/v1/faq/${made.json().entry.id}`)).json().entry.questions).toEqual(["衣服会掉色吗？", "洗了褪色吗"]);
  });

  it("refuses bad entries with 400 naming the field, and keeps answers as plain text", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ questions: [], answer: "好", intent: "other" }, "questions"],
      [{ questions: ["同一个", "同一个"], answer: "好", intent: "other" }, "questions"],
      [{ questions: ["在吗"], answer: "好", intent: "hello" }, "intent"],
      [{ questions: ["在吗"], answer: "亲，用{coupon}立减", intent: "other" }, "answer"],
      [{ questions: ["在吗"], answer: "好\u0007", intent: "other" }, "answer"],
      [{ questions: ["在吗"], answer: "好", intent: "other", scope: { type: "shop", values: ["T恤"] } }, "scope.values"],
      [{ questions: ["在吗"], answer: "好", intent: "other", scope: { type: "product", values: [] } }, "scope.values"],
      [{ questions: ["在吗"], answer: "好", intent: "other", scope: { type: "product", values: ["prod_nope"] } }, "scope.values.0"],
      [{ questions: ["在吗"], answer: "好", intent: "other", stage: "dance" }, "stage"],
    ];
    for (const [body, field] of cases) {
      const res = await create(s.owner, body);
      expect({ body, status: res.statusCode, field: res.json().error?.field }).toEqual({ body, status: 400, field });
    }
    const html = await create(s.owner, { questions: ["<b>加粗</b>吗"], answer: '<img src=x onerror="alert(1)">亲', intent: "other" });
    expect(html.json().entry.answer).toBe('<img src=x onerror="alert(1)">亲');
  });

  it("searches questions and answers in Chinese (jieba), best first", async () => {
    const top = (await list(s.presales, `&q=${encodeURIComponent("怎么退货")}`)).items.map((e) => e.libraryKey);
    expect(top[0]).toBe("004-return");
    const colour = (await list(s.presales, `&q=${encodeURIComponent("色差")}`)).items;
    expect(colour.length).toBeGreaterThan(0);
    expect(colour.every((e) => (e.questions.join("") + e.answer).includes("色差"))).toBe(true);
    expect((await list(s.presales, `&q=${encodeURIComponent("掉色")}`)).items[0]!.questions[0]).toBe("衣服会掉色吗？");
    expect((await list(s.presales, `&q=${encodeURIComponent("火星快递")}&intent=payment_safety`)).items).toEqual([]);
  });
});

describe("suggestions in the chat", () => {
  it("ranks by the buyer's intent: a bargaining buyer gets the price answers", async () => {
    const { conversationId } = await chat();
    const answer = await suggest(s.presales, conversationId, "老板能便宜点吗");
    expect(answer.intent).toBe("bargain");
    expect(answer.items).toHaveLength(3);
    for (const item of answer.items) expect(item.entry.intent).toBe("bargain");
  });

  it("ranks by the chat's product: an entry scoped to the product first, other products' entries never", async () => {
    const knit = (await create(s.owner, { questions: ["会起球吗？"], answer: "亲，这件针织开衫轻微起球属正常，用去球器就好。", intent: "material_quality", scope: { type: "product", values: [knitId] } })).json().entry as Entry;
    const tees = (await create(s.owner, { questions: ["会起球吗？"], answer: "亲，T恤是精梳棉，不容易起球。", intent: "material_quality", scope: { type: "category", values: ["T恤"] } })).json().entry as Entry;
    const general = (await create(s.owner, { questions: ["会起球吗？"], answer: "亲，正常穿着不容易起球哦。", intent: "material_quality" })).json().entry as Entry;
    const ids = async (conversationId: string) => (await suggest(s.presales, conversationId, "这个会起球吗")).items.map((i) => i.entry.id);
    expect((await ids((await chat({ product: knitId })).conversationId)).slice(0, 2)).toEqual([knit.id, general.id]);
    const aboutTee = await ids((await chat({ product: teeId })).conversationId);
    expect(aboutTee.slice(0, 2)).toEqual([tees.id, general.id]);
    expect(aboutTee).not.toContain(knit.id);
    const noCard = await ids((await chat()).conversationId);
    expect(noCard[0]).toBe(general.id);
    expect(noCard).not.toContain(knit.id);
    expect(noCard).not.toContain(tees.id);
  });

  it("fills the variables when an answer is put into the chat, counts each use, and leaves what the chat lacks", async () => {
    const { conversationId } = await chat();
    const shipping = (await list(s.presales, "&limit=500")).items.find((e) => e.libraryKey === "004-shipping")!;
    const used = await inject(s.presales, "POST", `/api/v1/faq/${shipping.id}/use`, { conversationId });
    expect(used.json()).toEqual({ text: "亲，16:00前付款当天为您安排发货哦，我们默认发中通快递，发货后会有物流信息更新，请您放心～", missing: [] });
    await inject(s.presales, "POST", `/api/v1/faq/${shipping.id}/use`, { conversationId });
    expect((await inject(s.presales, "GET", `/api/v1/faq/${shipping.id}`)).json().entry.usageCount).toBe(2);
    expect((await list(s.supervisor, "&sort=usage")).items[0]!.id).toBe(shipping.id);

    // No product card in this chat: {product} stays, and the answer says which is missing.
    const gift = (await create(s.owner, { questions: ["能送一件吗"], answer: "亲，很开心您这么喜欢{product}，{shop}暂时没有赠送哦", intent: "gift_or_free_shipping" })).json().entry as Entry;
    const unfilled = (await inject(s.presales, "POST", `/api/v1/faq/${gift.id}/use`, { conversationId })).json();
    expect(unfilled).toEqual({ text: "亲，很开心您这么喜欢{product}，瑞丽女坊暂时没有赠送哦", missing: ["product"] });
    const withCard = await chat({ product: knitId });
    expect((await inject(s.presales, "POST", `/api/v1/faq/${gift.id}/use`, { conversationId: withCard.conversationId })).json().missing).toEqual([]);
  });
});

describe("proposals from a chat", () => {
  it("goes from an agent's proposal to a supervisor's approval, and only then reaches the suggestions", async () => {
    const c = await chat({ question: "这件衣服可以机洗吗？", answer: "亲，建议冷水手洗，机洗请用洗衣袋哦。" });
    const body = { conversationId: c.conversationId, questionSeqs: [c.questionSeq], answerSeqs: [c.answerSeq], questions: ["可以机洗吗？"], answer: "亲，建议冷水手洗，机洗请用洗衣袋哦。", intent: "usage_care", category: "洗护" };
    const res = await inject(s.presales, "POST", "/api/v1/faq/proposals", body);
    expect(res.statusCode).toBe(201);
    const proposal = res.json().entry as Entry;
    expect(proposal).toMatchObject({ status: "proposed", proposedBy: { name: "售前 小雅" }, source: { conversationId: c.conversationId, questionSeqs: [c.questionSeq], answerSeqs: [c.answerSeq] } });

    const later = await chat();
    const wash = async () => (await suggest(s.presales, later.conversationId, "能机洗吗")).items.map((i) => i.entry.id);
    expect(await wash()).not.toContain(proposal.id);
    // The proposer and supervisors see it; another agent does not.
    expect((await list(s.presales, "&status=proposed")).items.map((e) => e.id)).toContain(proposal.id);
    expect((await inject(s.aftersales, "GET", `/api/v1/faq/${proposal.id}`)).statusCode).toBe(404);
    expect((await list(s.supervisor, "&status=proposed")).counts.proposed).toBeGreaterThanOrEqual(1);
    // Agents cannot approve, not even their own.
    expect((await inject(s.presales, "POST", `/api/v1/faq/${proposal.id}/review`, { decision: "approve" })).statusCode).toBe(403);
    expect((await inject(s.presales, "PATCH", `/api/v1/faq/${proposal.id}`, { answer: "改" })).statusCode).toBe(403);

    const edited = await inject(s.supervisor, "PATCH", `/api/v1/faq/${proposal.id}`, { questions: ["可以机洗吗？", "能不能用洗衣机洗"] });
    expect(edited.json().entry).toMatchObject({ status: "proposed", questions: ["可以机洗吗？", "能不能用洗衣机洗"] });
    const approved = await inject(s.supervisor, "POST", `/api/v1/faq/${proposal.id}/review`, { decision: "approve" });
    expect(approved.json().entry).toMatchObject({ status: "approved", reviewedBy: { name: "主管 周敏" } });
    expect((await wash())[0]).toBe(proposal.id);
  });

  it("keeps a rejected proposal out of the chat, with the supervisor's note", async () => {
    const c = await chat({ question: "你们几点下班", answer: "亲，我们晚上十点下班哦" });
    const proposal = (
      await inject(s.presales, "POST", "/api/v1/faq/proposals", { conversationId: c.conversationId, questionSeqs: [c.questionSeq], answerSeqs: [c.answerSeq], questions: ["你们几点下班"], answer: "亲，我们晚上十点下班哦", intent: "other" })
    ).json().entry as Entry;
    const rejected = await inject(s.supervisor, "POST", `/api/v1/faq/${proposal.id}/review`, { decision: "reject", note: "客服时间以店铺设置为准" });
    expect(rejected.json().entry).toMatchObject({ status: "rejected", reviewNote: "客服时间以店铺设置为准" });
    expect((await suggest(s.presales, (await chat()).conversationId, "你们几点下班")).items.map((i) => i.entry.id)).not.toContain(proposal.id);
    expect((await inject(s.presales, "POST", `/api/v1/faq/${proposal.id}/use`, { conversationId: c.conversationId })).statusCode).toBe(404);
    // The proposer sees how it went.
    expect((await list(s.presales, "&mine=1&status=rejected")).items.map((e) => e.id)).toContain(proposal.id);
  });

  it("checks the cited messages and the chat: the buyer's question, an agent's answer, a chat the agent may see", async () => {
    const c = await chat({ question: "有S码吗", answer: "亲，S码有货的" });
    const body = (questionSeqs: number[], answerSeqs: number[]) => ({ conversationId: c.conversationId, questionSeqs, answerSeqs, questions: ["有S码吗"], answer: "亲，S码有货的", intent: "stock" });
    const swapped = await inject(s.presales, "POST", "/api/v1/faq/proposals", body([c.answerSeq], [c.questionSeq]));
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.field).toBe("questionSeqs.0");
    expect((await inject(s.presales, "POST", "/api/v1/faq/proposals", body([c.questionSeq], [999]))).json().error.field).toBe("answerSeqs.0");
    // The after-sales agent does not see this pre-sales chat.
    expect((await inject(s.aftersales, "POST", "/api/v1/faq/proposals", body([c.questionSeq], [c.answerSeq]))).statusCode).toBe(404);
  });
});

describe("workspaces", () => {
  it("answers 404 for another workspace's entry and keeps it out of lists and suggestions", async () => {
    const other = await createWorkspace(t.database.db, "别家");
    const otherShop = await createShop(t.database.db, other, { name: "别家店" });
    const theirs = await insertEntry(t.database.db, other, {
      shopId: otherShop.id,
      status: "approved",
      questions: ["别家的问题：能便宜点吗"],
      answer: "别家的答案",
      category: "",
      intent: "bargain",
      stage: null,
      scope: { type: "shop", values: [] },
    });
    const { conversationId } = await chat();
    for (const [method, url, payload] of [
      ["GET", `/api/v1/faq/${theirs.id}`, undefined],
      ["PATCH", `/api/v1/faq/${theirs.id}`, { answer: "改" }],
      ["POST", `/api/v1/faq/${theirs.id}/review`, { decision: "reject" }],
      ["DELETE", `/api/v1/faq/${theirs.id}`, undefined],
      ["POST", `/api/v1/faq/${theirs.id}/use`, { conversationId }],
    ] as const) {
      expect({ method, url, status: (await inject(s.owner, method, url, payload)).statusCode }).toEqual({ method, url, status: 404 });
    }
    expect((await inject(s.owner, "GET", `/api/v1/faq?q=${encodeURIComponent("别家")}`)).json().items).toEqual([]);
    expect((await suggest(s.presales, conversationId, "别家的问题：能便宜点吗")).items.map((i) => i.entry.id)).not.toContain(theirs.id);
    expect((await inject(s.owner, "POST", "/api/v1/faq", { shopId: otherShop.id, questions: ["x"], answer: "y", intent: "other" })).json().error.field).toBe("shopId");
  });

  it("answers 404 for an entry of another shop of the same workspace put into this shop's chat", async () => {
    const second = await createShop(t.database.db, t.workspaceId, { name: "二店" });
    const entry = (await inject(s.owner, "POST", "/api/v1/faq", { shopId: second.id, questions: ["二店的问题"], answer: "二店的答案", intent: "other" })).json().entry as Entry;
    const { conversationId } = await chat();
    expect((await inject(s.presales, "POST", `/api/v1/faq/${entry.id}/use`, { conversationId })).statusCode).toBe(404);
  });
});
