// blame_buyer (CONTRACTS §6, seed 003: 不要说“你为什么不懂这个？”): the reply puts the fault
// on the buyer — 你为什么不看…, 你自己没看清楚, 是你自己选错了, 详情页都写了. Neutral
// guidance (您可以看一下尺码表), a check question (您是不是拍错尺码了呢？我帮您改) and the
// return policy's conditional (如果是您个人原因退货…) are not blame.
import { claimEnd, clauseAt, matchesOf, sentenceAround } from "../text/clauses";
import type { LintContext, LintFinding, TextEdit } from "../types";
import { finding, replaceClause, sentenceCase } from "./finding";

const MISTAKE = "(?:选|拍|买|看|搞|弄|填|写|用|洗|量|理解|操作|穿|放)(?:错|坏|反|破|乱)";
const NOT_LOOKED = "(?:没|不|没有)(?:有)?(?:仔细|认真|好好)?(?:看|注意|量|问|查|对照|确认)";

interface BlamePattern {
  re: RegExp;
  /** a question with 您 that only checks (您是不是拍错了吗) is not blame */
  politeQuestionOk?: boolean;
  /** the words alone are the blame: drop them and keep the rest of the clause (都说了没有优惠了 → 没有优惠了) */
  dropOnly?: boolean;
}

const BLAME_ZH: BlamePattern[] = [
  { re: /(?:是|这是|那是)?[你您](?:自己)?(?:到底)?(?:为什么|为啥|干嘛|干吗|怎么)(?:都|就|也)?(?:不|没|没有)(?:先|好好|仔细|认真)?(?:看|问|注意|早说|说清|读|查|按|提前|确认|量|对照|咨询|听|留意|核对|懂|想想)/g },
  { re: new RegExp(`(?:是|这是|那是|都是)?[你您]自己(?:${NOT_LOOKED}|${MISTAKE}|的(?:问题|原因|责任|错)|造成|导致|不小心|粗心|马虎|搞的|弄的|洗的|没注意)`, "g") },
  { re: new RegExp(`(?:是|这是|那是|都是|属于)[你您](?:个人)?(?:${NOT_LOOKED}|${MISTAKE}|的(?:问题|原因|责任|错)|粗心|不小心|没注意)`, "g"), politeQuestionOk: true },
  { re: /[你您](?:是不是|是否)?(?:之前|当时|下单前|下单时|拍的时候|购买前|买之前|拍之前)?(?:根本)?(?:没|没有|不)(?:有)?(?:仔细|认真|好好)?看(?:清楚|清|仔细|详情页?|描述|说明|尺码表|页面|介绍)?(?![到见])/g },
  { re: new RegExp(`你[^，。！？,.!?]{0,4}?${MISTAKE}`, "g") },
  { re: /[你您](?:肯定|一定|绝对|明明)(?:是)?(?:搞错|弄错|看错|拍错|记错|理解错|选错|填错|没看)/g },
  { re: /怪[你您]|只能怪|[你您]的(?:错|责任)|不关我们的事|跟我们(?:没|无)关|与我们无关|不是我们的(?:问题|责任|错)|不归我们管/g },
  { re: /(?:我|都|早|已经|不是)(?:都|已经|早就|早)?(?:跟[你您])?(?:说|讲|告诉[你您]|写)(?:过|了)+(?:[你您])?(?:很多遍|多少遍|好几遍|几遍)?(?:吗|啊|呀|嘛)?(?=$|[，。！？,.!?~～])/g },
  { re: /(?:我们?)?(?:已经|都|早就)?(?:跟[你您])?(?:说|讲|回答|回复|解释|告诉[你您])(?:过|了)+(?:多少|很多|好几|N|无数)(?:遍|次)|不是(?:说|写|告诉[你您])(?:了|着|过)吗/g },
  { re: /(?:^|(?<=[，。！？,.!?\s]))都说了|我都说了|早就?说(?:了|过)/g, dropOnly: true },
  { re: /都(?:回答|回复|告诉|说)(?:过)?[你您]了/g },
  { re: /(?:尺码表|详情页?|描述|说明|字)?都不会看/g },
  { re: /[你您](?:自己)?(?:都)?(?:不会|看不懂)(?:自己)?看?[^，。！？,.!?]{0,6}吗/g },
  { re: /(?:尺码表|详情页?|描述|说明)自己看(?:吧|去|啊)?(?=$|[，。！？,.!?])/g },
  { re: /(?:现在|还|倒|反而)怪我们/g },
  { re: /(?:详情页?|页面|描述|宝贝描述|尺码表|说明|介绍)(?:上|里|中)?(?:都|早就|明明)(?:有)?(?:写|标|注明|说|列)(?:了|着|的|过|得)?/g },
  { re: /看清楚(?:再|了再)(?:拍|买|问|下单)|不识字|看不懂(?:字|中文)?吗|不会看吗|谁让[你您]|[你您]?(?:到底)?(?:懂不懂|会不会看)/g },
];

const CONDITIONAL = /(?:如果|若|假如|要是|倘若|如属|如是|如因)/;

function guidanceZh(claim: string): string {
  if (/选错|拍错|买错|填错|写错|弄错|搞错|量错/.test(claim)) return "没关系的，我们帮您看看怎么处理哦";
  if (/尺码|尺寸/.test(claim)) return "您可以看一下详情页的尺码表哦";
  if (/详情|描述|说明|页面|介绍|看/.test(claim)) return "您可以看一下详情页的说明哦";
  if (/说|讲|告诉|写|回答|回复|解释/.test(claim)) return "我再跟您说明一下哦";
  if (/问一下|先问|问问|咨询|询问/.test(claim)) return "您有疑问可以随时先问一下客服哦";
  if (/洗|坏|破|穿|用/.test(claim)) return "我们帮您看看怎么处理哦";
  return "我们一起看看怎么解决哦";
}

interface BlameHit {
  start: number;
  end: number;
  dropOnly: boolean;
  matched: string;
}

function blameHitsZh(ctx: LintContext): BlameHit[] {
  const hits: BlameHit[] = [];
  for (const { re, politeQuestionOk, dropOnly } of BLAME_ZH) {
    for (const m of matchesOf(re, ctx.norm)) {
      const clause = clauseAt(ctx, m.index);
      if (clause.lang !== "zh") continue;
      const sentence = sentenceAround(ctx, m.index);
      const before = ctx.norm.slice(sentence.start, m.index);
      if (CONDITIONAL.test(before)) continue;
      // 这不是您的问题, 不怪您, 并非您的错: the opposite of blame
      if (/(?:不|非|别|不能|不会|没)(?:是|怪|算)?$/.test(before)) continue;
      const clauseText = ctx.norm.slice(clause.start, clause.end);
      const asks = /吗|是不是|请问|可能|会不会/.test(clauseText) || /^[?？]/.test(ctx.norm.slice(clause.end));
      if (politeQuestionOk && asks && m.text.includes("您")) continue;
      hits.push({ start: m.index, end: claimEnd(ctx, m.index), dropOnly: Boolean(dropOnly), matched: m.text });
    }
  }
  // several patterns may catch one clause (详情页都写了): one hit per clause, from its earliest blame
  const byClause = new Map<number, BlameHit>();
  for (const hit of hits.sort((a, b) => a.start - b.start)) {
    const key = clauseAt(ctx, hit.start).start;
    const seen = byClause.get(key);
    if (!seen) byClause.set(key, { ...hit });
    else {
      seen.end = Math.max(seen.end, hit.end);
      seen.dropOnly &&= hit.dropOnly;
    }
  }
  return [...byClause.values()];
}

function blameZh(ctx: LintContext): LintFinding[] {
  let guided = false;
  return blameHitsZh(ctx).map((hit) => {
    const clause = clauseAt(ctx, hit.start);
    const afterWords = ctx.norm.slice(hit.start + hit.matched.length, clause.end);
    const rest = afterWords.replace(/^[了过的\s]+/, "");
    let edit: TextEdit;
    if (hit.dropOnly && /[\u4e00-\u9fff]/.test(rest)) {
      edit = { start: hit.start, end: hit.start + hit.matched.length + (afterWords.length - rest.length), text: "" };
    } else if (guided) {
      // one piece of guidance per reply: a second blaming clause simply goes, with its comma
      const delimiter = hit.start === clause.start && clause.start > 0 && /[，,。！!？?；;\s]/.test(ctx.norm[clause.start - 1]!) ? 1 : 0;
      edit = { ...replaceClause(ctx, hit.start, ""), start: hit.start - delimiter };
    } else {
      edit = replaceClause(ctx, hit.start, guidanceZh(ctx.norm.slice(clause.start, clause.end)));
      guided = true;
    }
    return finding("blame_buyer", hit.start, hit.end, `blames the buyer: “${ctx.text.slice(hit.start, hit.end)}”`, [edit]);
  });
}

const BLAME_EN =
  /\b(?:that'?s|it'?s|this is|that is|it is)\s+(?:your|ur)\s+(?:own\s+)?(?:problem|fault|mistake|responsibility|issue)\b|\byour (?:own )?fault\b|\bwhy didn'?t you\b|\bwhy did you not\b|\byou (?:should|could) have (?:read|checked|looked|asked|measured)\b|\byou (?:didn'?t|did not|never) (?:read|check|look|pay attention|measure)\b|\byou (?:chose|picked|ordered|selected|bought) the wrong\b|\bas i (?:already )?(?:said|told you)\b|\bi (?:already )?told you\b|\bcan'?t you read\b|\blearn to read\b|\bnot our (?:fault|problem)\b/gi;
const BLAME_KO =
  /(?:고객님|본인)(?:의|이|께서)?\s?(?:잘못|실수|책임|부주의)|왜\s?(?:안|제대로 안|미리 안)\s?(?:보셨|읽으셨|확인하셨|물어보셨)|(?:상세\s?페이지|설명|사이즈표)(?:를|을)?\s?(?:안|제대로 안)\s?(?:보셨|읽으셨)|잘못\s?(?:주문|선택)하셨|(?:이미|제가|분명히)\s?(?:말씀드렸|말했|안내해 드렸)잖아요|저희 (?:잘못|책임)이 아니/g;

function blameIntl(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const [re, lang, text] of [
    [BLAME_EN, "en", "let me help you check the details"],
    [BLAME_KO, "ko", "함께 확인해 드릴게요"],
  ] as const) {
    for (const m of matchesOf(re, ctx.norm)) {
      const clause = clauseAt(ctx, m.index);
      if (clause.lang !== lang) continue;
      // “It's not your fault”, “고객님 잘못이 아니에요”: reassurance, not blame
      if (/\b(?:not|never|isn'?t|wasn'?t)\s*$/i.test(ctx.norm.slice(clause.start, m.index))) continue;
      if (lang === "ko" && /^[^.!?。]{0,6}(?:아니|없)/.test(ctx.norm.slice(m.index + m.text.length))) continue;
      const end = claimEnd(ctx, m.index);
      // the whole clause goes: “That's your problem” has no part worth keeping
      const edit = replaceClause(ctx, clause.start, lang === "en" ? sentenceCase(ctx, clause.start, text) : text);
      out.push(finding("blame_buyer", m.index, end, `blames the buyer: “${ctx.text.slice(m.index, end)}”`, [edit]));
    }
  }
  return out;
}

export function blameBuyer(_draft: string, ctx: LintContext): LintFinding[] {
  return [...blameZh(ctx), ...blameIntl(ctx)];
}
