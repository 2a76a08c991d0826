import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintDraft } from "./lint";
import { ABSOLUTE_PROMISE_POSITIVE } from "./rules/absolute-promise.cases";
import { BLAME_BUYER_POSITIVE } from "./rules/blame-buyer.cases";
import { COLD_REFUSAL_POSITIVE } from "./rules/cold-refusal.cases";
import { PRIVACY_LEAK_POSITIVE } from "./rules/privacy-leak.cases";
import { RUDE_POSITIVE } from "./rules/rude.cases";
import { LINT_RULES, type LintRule } from "./types";

// Polite drafts from the seeds' own scripts (000 §4–5, 001's FAQ, 003, 004's standard
// answers) and in their style. None may be flagged: a check that cries wolf on the
// seeds' model answers teaches agents to ignore it.
const SEED_POLITE = [
  "亲，您好！欢迎光临瑞丽女坊，很高兴为您服务~", // 000 §4(1)
  "亲，你好，欢迎光临，我是瑞丽女坊的客服，很高兴为你服务！", // 000 §4(1)
  "欢迎亲的再次光临，有什么需要帮助的吗，瑞丽女坊很乐意为您服务！", // 000 §4(1)
  "亲，你好，现在客服咨询量较多，回复比较慢，请亲谅解哦！请亲把问题一并列出，我们会及时给你详尽的回复的，谢谢亲的配合！", // 000 §4(5)b
  "亲，本店的特价商品已经是折后价了哦，很实惠呢！", // 000 §5.4
  "亲，这是店主定的价哦，不能随意更改的，亲，现在购买就是我们的会员了哦，下次购物有优惠呢！", // 000 §5.4
  "很开心您这么喜欢这款产品，只是店铺没有将买家喜欢的产品随意赠送的规定呢，如果有类似的赠品活动，我们会在您开口之前就告诉您。", // 000 §5.2
  "亲，产品的价格不是客服所能决定的，公司有规定，商品的价格是不能擅自修改的，您放心，我们支持7天无理由退换，售后有保障。", // 000 §4.2(4)
  "亲，您好！欢迎光临XX店，很高兴为您服务~", // 004 二(一)1
  "感谢您的光临，祝您生活愉快，欢迎下次再来！", // 004 二(二)4
  "亲，这款XX产品的主要特点是XX，很多顾客反馈在XX方面使用效果不错。", // 004 三(一)1
  "亲，您下单后我们会在48小时内为您安排发货哦", // 004 三(一)2
  "我们默认发中通快递", // 004 三(一)2
  "目前我们暂时无法指定快递呢，我们会根据您的地址选择最合适的快递为您发出，请您放心", // 004 三(一)2
  "亲，店铺目前有满减活动，您可以领券参与，能享受优惠哦", // 004 三(一)3
  "亲，图片会尽量还原真实，但因拍摄光线、显示器不同可能存在轻微色差，介意者慎拍哦", // 004 三(一)4
  "亲，非常抱歉给您带来了不好的体验，您先消消气，慢慢说，我们一定尽力帮您解决", // 004 三(二)5
  "这个问题我需要核实一下，请您稍等，我会尽快给您回复", // 004 三(三)2
  "亲，请您提供一下破损的照片，我们核实后根据店铺政策为您补发或退款", // 004 三(二)2
  "亲，您的订单我们已经联系快递公司查询了，会尽快给您回复", // 004 三(二)1
  "非常抱歉，我的东西没能让您满意，影响了您的购物心情，您看看怎么解决合适呢？", // 001 FAQ
  "您好，很谢谢您给我们提出的疑问。我们一定立刻调整，可能由于技术方面的原因，或者是我们打着灯光拍摄的原因，造成了一定的误差，实在是很抱歉。", // 001 FAQ
  "图片有差距，是样式不如图片好看，还是由于色差啊，假如您觉得样式不好看，那您去看看我店铺里还有其他好看的，您喜欢的吗？我好给您换了吧。", // 001 FAQ
  "亲，请您尽管放心，支付宝交易属于第三方支付，您的钱并没有到我的帐上，而是在支付宝中，只有您收到宝贝以后，检查没有疑问了，再登陆支付宝确认付款和评价了，您的钱才能到我们的帐上。", // 001 FAQ
  "实在对不起您了，今天没能让您选到合适的宝贝，希望您常常关注小米的店铺和宝贝，小米有新宝贝上架会通知您的，希望下次能合作哈", // 001 FAQ
  "实在我真的很希望能够满意您的要求，可是真的是有心无力啊！非常抱歉！要不您看看，假如您还有喜欢的东西，喜欢的话，我尽最大可能的给您优惠，您看可以吗？真的好抱歉！", // 001 FAQ
  "亲，实在是对不起哦，我已经拿出最大的诚意来了，假如还是达不到您的要求，小米给您推荐另外几款宝贝看看行不行？", // 001 FAQ
  "朋友，我是很诚心为您服务的，没能让您满意，实在是不好意思。还请您理解一下我们的难处哟！", // 001 FAQ
  "您放心，我会给您安排哟。", // 001 FAQ D
  "您看若没有什么问题，我们就成交吧！", // 001 请求成交
  "现在我们的问题都解决了，您打算买多少？", // 001 请求成交
  "这种鞋子有水晶底和橡胶底两种，您喜欢哪一种？", // 001 选择成交
  "您好，欢迎光临嘉海龙数码店，我是最可爱的客服XX，很高兴为您服务，有什么可以帮您的吗？", // 003 §4.1
  "亲，我们每天下午4点前付款的订单当天发货，之后的第二天发货，到货时间要看快递哦", // 003 §4.3
  "不用谢", // the brief
  "没有问题",
  "不客气",
  "您放心，不会有问题的",
  "我们会尽量在明天发出",
  "我保证下午三点前回复您",
  "您的电话139****1234",
  "亲，不好意思哦，这款没有M码了，您看L码可以吗？",
  "发货地是浙江杭州",
  "亲，这款建议手洗，不能机洗哦",
  "亲，尺码可以参考详情页的尺码表，您告诉我身高体重，我帮您推荐哦",
  "亲，有需要随时联系我们，祝您购物愉快~",
];

const FIXTURES = ["drafts.jsonl", "drafts.holdout.jsonl", "drafts.probe.jsonl"].flatMap((name) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ({ file: name, ...(JSON.parse(line) as { text: string; expected: LintRule[] }) })),
);

const ALL_POSITIVE = [...ABSOLUTE_PROMISE_POSITIVE, ...BLAME_BUYER_POSITIVE, ...COLD_REFUSAL_POSITIVE, ...RUDE_POSITIVE, ...PRIVACY_LEAK_POSITIVE].map(([d]) => d);
const MIXED = [
  "亲，肯定明天到，不行的话也没办法",
  "你自己没看清楚，爱买不买",
  "不能便宜，嫌贵就去别家买吧",
  "保证正品，收件人电话13812345678",
  "你为什么不看详情页？这款绝对不会起球",
  "都说了没有优惠了，你烦不烦",
  "😊亲，绝对正品，上一个买家张三也买了，不退不换，你自己看着办",
  "No. That's your problem, I guarantee it won't fade.",
];

describe("lintDraft: polite drafts stay clean", () => {
  it("has at least 40 seed-style polite drafts", () => expect(SEED_POLITE.length).toBeGreaterThanOrEqual(40));
  it.each(SEED_POLITE)("%s", (draft) => expect(lintDraft(draft).issues).toEqual([]));
  it("flags the seeds' own 绝对正品 / 保证质量 / 保您满意 (SPEC §11)", () => {
    for (const draft of ["亲，我们是有质量保证的哦，绝对正品，让您买的物有所值！", "亲，我们的定价已经是很优惠的了，保证产品质量和服务，希望您理解哈", "这个宝贝物美价廉，库存已经不多，趁早买吧，保您满意。"]) {
      expect(lintDraft(draft).issues.map((i) => i.rule), draft).toEqual(["absolute_promise"]);
    }
  });
});

describe("lintDraft: the contract's shape", () => {
  it("gives rule, start, end and one whole-draft suggestion shared by every issue", () => {
    const draft = "😊亲，绝对正品，上一个买家张三也买了，不退不换，你自己看着办";
    const { issues } = lintDraft(draft);
    expect(issues.map((i) => i.rule)).toEqual(["absolute_promise", "privacy_leak", "cold_refusal", "rude"]);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(["end", "message", "rule", "start", "suggestion"]);
      expect(issue.suggestion).toBe(issues[0]!.suggestion);
      expect(issue.end).toBeGreaterThan(issue.start);
    }
    expect(issues.map((i) => draft.slice(i.start, i.end))).toEqual(["绝对正品", "上一个买家张三也买了", "不退不换", "你自己看着办"]);
  });

  it("orders issues by start and reports one issue per rule and span", () => {
    for (const draft of [...MIXED, ...ALL_POSITIVE]) {
      const { issues } = lintDraft(draft);
      const starts = issues.map((i) => i.start);
      expect(starts, draft).toEqual([...starts].sort((a, b) => a - b));
      const keys = issues.map((i) => `${i.rule}:${i.start}:${i.end}`);
      expect(new Set(keys).size, draft).toBe(keys.length);
      for (const rule of LINT_RULES) {
        const spans = issues.filter((i) => i.rule === rule);
        for (let k = 1; k < spans.length; k++) expect(spans[k]!.start, draft).toBeGreaterThanOrEqual(spans[k - 1]!.end);
      }
    }
  });

  it("treats empty and blank drafts as clean", () => {
    expect(lintDraft("")).toEqual({ issues: [] });
    expect(lintDraft("   \n")).toEqual({ issues: [] });
  });
});

describe("lintDraft: per-shop switches", () => {
  it("leaves a disabled rule out, and the suggestion fixes only the rules that are on", () => {
    const draft = "肯定明天到，爱买不买";
    expect(lintDraft(draft).issues.map((i) => i.rule)).toEqual(["absolute_promise", "rude"]);
    const { issues } = lintDraft(draft, { disabledRules: ["rude"] });
    expect(issues.map((i) => i.rule)).toEqual(["absolute_promise"]);
    expect(lintDraft(issues[0]!.suggestion, { disabledRules: ["rude"] }).issues).toEqual([]);
    expect(lintDraft(draft, { disabledRules: [...LINT_RULES] }).issues).toEqual([]);
  });
});

describe("lintDraft: the polite rewrite", () => {
  const flagged = [...new Set([...ALL_POSITIVE, ...MIXED, ...FIXTURES.filter((f) => f.expected.length > 0).map((f) => f.text)])];

  it.each(flagged)("rewrites %s into a draft that lints clean", (draft) => {
    const { issues } = lintDraft(draft);
    expect(issues.length).toBeGreaterThan(0);
    const suggestion = issues[0]!.suggestion;
    expect(suggestion.trim()).not.toBe("");
    expect(lintDraft(suggestion).issues, suggestion).toEqual([]);
  });

  it("addresses the buyer as 您 or 亲 in every Chinese rewrite", () => {
    for (const draft of flagged.filter((d) => /[\u4e00-\u9fff]/.test(d) && !/[\uac00-\ud7af]/.test(d))) {
      const suggestion = lintDraft(draft).issues[0]!.suggestion;
      expect(suggestion, draft).toMatch(/[您亲]/);
      expect(suggestion, draft).not.toMatch(/你(?!们)/);
    }
  });

  it("adds 亲 when the draft addresses nobody, and keeps it when it does", () => {
    expect(lintDraft("保证正品").issues[0]!.suggestion).toMatch(/^亲，/);
    expect(lintDraft("亲，保证正品").issues[0]!.suggestion).toMatch(/^亲，[^亲]+$/);
  });

  it("fixes every issue of a mixed draft in one pass", () => {
    const suggestion = lintDraft("😊亲，绝对正品，上一个买家张三也买了，不退不换，你自己看着办").issues[0]!.suggestion;
    expect(suggestion.startsWith("😊亲，")).toBe(true);
    expect(suggestion).not.toMatch(/绝对|张三|看着办/);
    expect(suggestion).toMatch(/不好意思/);
  });
});

describe("lintDraft on the labelled drafts (regression guard for bench/lint-accuracy.ts)", () => {
  const polite = FIXTURES.filter((f) => f.expected.length === 0);
  it("has at least 150 drafts in drafts.jsonl, half of them polite", () => {
    const main = FIXTURES.filter((f) => f.file === "drafts.jsonl");
    expect(main.length).toBeGreaterThanOrEqual(150);
    expect(main.filter((f) => f.expected.length === 0).length * 2).toBeGreaterThanOrEqual(main.length - 1);
  });
  it.each(polite.map((f) => f.text))("polite: %s", (text) => expect(lintDraft(text).issues).toEqual([]));
  it("labels at least 95% of the drafts with exactly the expected rules", () => {
    const right = FIXTURES.filter((f) => {
      const got = [...new Set(lintDraft(f.text).issues.map((i) => i.rule))].sort();
      return JSON.stringify(got) === JSON.stringify([...f.expected].sort());
    });
    expect(right.length / FIXTURES.length).toBeGreaterThanOrEqual(0.95);
  });
});
