// cold_refusal (CONTRACTS §6): a refusal (不行, 不能, 没有…) with no apology and no
// alternative anywhere in the same reply. Seed 004: 若不行，说明原因并建议顾客理解;
// seed 001: 真的好抱歉…您看看还有喜欢的吗. A negation that refuses nothing (不用谢,
// 没有问题, 不会掉色, 不能机洗) is not a refusal.
import { claimEnd, clauseAt, matchesOf } from "../text/clauses";
import type { LintContext, LintFinding, TextEdit } from "../types";
import { finding, matchesOutside, sentenceCase } from "./finding";

const REFUSAL_ZH = [
  /不行|不可以|不能(?:够)?|无法|没办法|没法|做不到|办不到|不支持|不接受|不提供|不允许|不退(?![色])|不换(?![季])|不包邮|不打折|不议价|不讲价|不还价|不砍价|不送|不赠|不改价|不降价|不减价|不优惠|恕不|概不|拒绝|不给(?!力)/g,
  /(?:便宜|少|优惠|改|退|换|送|降|减)不了|没得(?:便宜|优惠|少|商量|降|减|讲)/g,
  /(?:没有|没|无|木有)(?:任何|什么|其他|别的)?(?:优惠|折扣|活动|赠品|礼物|小礼物|礼品|小样|包邮|运费险|现货|货|库存|[A-Za-z0-9]{1,4}码|(?:红|橙|黄|绿|青|蓝|紫|黑|白|灰|粉|棕|咖|卡其|米|杏|驼|藏青|酒红|军绿|奶白|浅蓝|深蓝|浅灰|深灰|米白|焦糖|墨绿)色|这个颜色|这个码|这个尺码|这款|尺码|码数|颜色|办法|义务|权限|议价空间|空间|余地|优惠券|券|发票)/g,
  /(?<!不会|不|没有|没|防止|避免|以免)(?:缺货|断货)|卖完了?|卖光了?|售罄|无货|没货|下架了|没有了(?=$|[，。！？,.!?哦呢啊呀~])|没了(?=$|[，。！？,.!?哦呢啊呀~])/g,
];

// what follows a 不能/无法 that refuses nothing: care instructions, disclaimers, facts
const NOT_A_REQUEST =
  /^(?:够)?(?:机洗|水洗|手洗|干洗|暴晒|晒|熨|漂白|烘干|甩干|浸泡|拧|揉|搓|高温|用力|长时间|接触|沾水|碰水|用热水|热水|洗衣机|烘|晾|挂|折叠|压|保证|确定|肯定|百分之一?百|完全|及时|第一时间|马上|回复|让您|让你|联系|接通|打通|找到|查到|显示|更新|登录|识别|收到|确认|判断|看到|得知|签收|怪)/;
const CONDITIONAL_BEFORE = /(?:如果|若|万一|要是|假如|倘若)[^，。！？]*$/;
const APOLOGY = /不好意思|抱歉|对不起|sorry|apolog|遗憾|见谅|谅解|理解|委屈|请原谅|原谅|죄송|미안|양해|afraid|unfortunately|regret/i;
const ALTERNATIVE =
  /您看|要不(?:您|然|我|咱|就|试|换|先)|推荐|建议|其他|其它|别的|另外|换成|换一|改成|改为|为您|帮您|给您(?:推荐|申请|备注|登记|留意|安排|发|送|换|补|改|优惠|减|便宜)|我们会|会尽快|一旦|到货|补货|通知您|联系您|下次|会员|优惠券|领券|满\d+|活动|参加|参与|试试|考虑|(?<![不可])可以|可选|选择|或者|预售|预定|预订|同款|相似|类似|替代|代替|凑单|(?<!不)支持|保障|无理由|instead|however|you can|you could|we can|we could|let me|\bbut\b[^.!?]{0,30}\b(?:you|we|can|could|available|have|offer)\b|\b(?:is|are) available\b|i'll check|i will check|i can check|how about|would you like|alternativ|recommend|suggest|option|offer|대신|다른|추천|어떠세요|어떨까요|드릴게요|드릴 수|도와드|안내해/i;

const REFUSAL_EN =
  /\b(?:we|i)\s+(?:can'?t|cannot|can not|won'?t)(?=\s*(?:[.!,]|$))|\b(?:we|i)\s+(?:will\s+)?never\s+(?:refund|accept|exchange|return|give|offer|ship|do)\b|\b(?:we|i)\s+(?:can'?t|cannot|can not|won'?t|don'?t|do not|are unable to|am unable to|are not able to|am not able to)\s+(?!worry|hesitate|forget|wait|guarantee|mind|know|think|see)\w+|\bnot possible\b|\bimpossible\b|\bout of stock\b|\bsold out\b|\bno (?:discounts?|refunds?|returns?|exchanges?|free shipping|gifts?|coupons?|more)\b|\bnot available\b|\bunavailable\b|\bnot allowed\b/gi;
const BARE_NO_EN = /^no\b(?!\s+(?:problem|worries|worry|need|rush|doubt|hassle|charge|extra|longer|wonder))/i;
const REFUSAL_KO =
  /안\s?(?:돼|됩니다|되요|돼요)|불가(?:능)?(?:합니다|해요)?|어렵(?:습니다|어요|네요)|못\s?(?:해|합니다|해요|드려요|드립니다)|(?:재고|물량|사이즈|색상|할인|쿠폰|사은품)(?:이|가|은|는)?\s?없(?:어요|습니다|네요)|품절/g;

interface Refusal {
  start: number;
  end: number;
  /** the whole clause is nothing but the refusal (不行 / No.) */
  bare: boolean;
}

function isRefusalZh(ctx: LintContext, i: number, word: string): boolean {
  const clause = clauseAt(ctx, i);
  if (clause.lang !== "zh") return false;
  const before = ctx.norm.slice(clause.start, i);
  const after = ctx.norm.slice(i + word.length, clause.end);
  // 能不能 / 行不行 / 可不可以 / 支不支持 ask, they do not refuse
  if (word.startsWith("不") && ctx.norm[i - 1] === ctx.norm[i + 1]) return false;
  if (CONDITIONAL_BEFORE.test(before)) return false;
  if (/^(?:不能|不可以|无法|没法|没办法|不给)/.test(word) && NOT_A_REQUEST.test(after)) return false;
  if (/^(?:不行|不可以)/.test(word) && /^(?:的话|吗|再|就)/.test(after)) return false;
  // 没有现货的话可以预订: a condition, the refusal is hypothetical
  if (/^[^，。！？]{0,8}的话/.test(after)) return false;
  if (word === "拒绝" && /^(?:签收|收货)/.test(after)) return false;
  return true;
}

function findRefusals(ctx: LintContext): Refusal[] {
  const found: Refusal[] = [];
  const push = (start: number, endAt?: number) => {
    const clause = clauseAt(ctx, start);
    const end = endAt ?? claimEnd(ctx, start);
    const body = ctx.norm.slice(clause.start, clause.end).replace(/[哦噢呢啊呀啦吧哈嘛的了~～\s]+$/, "");
    const bare =
      /^(?:这个|这样|那|那个|亲)?(?:不行|不可以|不能|没办法|没法|没有|没|不|做不到|办不到|no)$/i.test(body) ||
      /^(?:안\s?(?:돼|됩니다|되요|돼요)|불가(?:능)?(?:합니다|해요)?)$/.test(body);
    if (!found.some((r) => r.start <= start && start < r.end)) found.push({ start, end, bare });
  };
  for (const re of REFUSAL_ZH) for (const m of matchesOf(re, ctx.norm)) if (isRefusalZh(ctx, m.index, m.text)) push(m.index);
  // a draft that is nothing but 没有 / 没有哦 answers a request with a bare no
  const whole = ctx.norm.trim().replace(/^亲[，,\s]*/, "");
  if (ctx.clauses.length <= 2 && /^(?:没有|没|不)(?:[哦噢呢啊呀的~～]*)[。.!！]?$/.test(whole)) push(ctx.norm.indexOf(whole[0]!));
  for (const clause of ctx.clauses) {
    if (clause.lang === "en" && BARE_NO_EN.test(ctx.norm.slice(clause.start, clause.end))) push(clause.start, clause.start + 2);
  }
  for (const [re, lang] of [
    [REFUSAL_EN, "en"],
    [REFUSAL_KO, "ko"],
  ] as const) {
    for (const m of matchesOf(re, ctx.norm)) if (clauseAt(ctx, m.index).lang === lang) push(m.index);
  }
  return found.sort((a, b) => a.start - b.start);
}

function closingZh(norm: string): string {
  if (/快递|顺丰|圆通|中通|申通|韵达|邮政|EMS|指定/i.test(norm)) return "我们会为您选择最合适的快递，您看可以吗？";
  if (/付款|支付|花呗|分期|信用卡/.test(norm)) return "您看用其他支付方式可以吗？";
  if (/货|码|库存|售罄|卖完|下架|颜色|色/.test(norm)) return "您看其他颜色或尺码可以吗？有货了我们也可以第一时间通知您哦";
  if (/退|换/.test(norm)) return "我帮您看看还有没有其他解决办法，您看可以吗？";
  if (/礼物|赠品|小样|礼品|送/.test(norm)) return "有活动的时候我第一时间通知您，您看可以吗？";
  if (/便宜|价|优惠|折|减|砍|少|包邮|运费|邮费|券/.test(norm)) return "您看我给您推荐几款性价比高的宝贝可以吗？";
  return "您看我帮您想想其他办法可以吗？";
}

const APOLOGY_FIRST = { zh: "真的不好意思哦，", en: "Sorry, ", ko: "죄송합니다. " } as const;
const BARE_SOFT = { zh: "这个暂时不行呢", en: "that isn't possible at the moment.", ko: "지금은 어려울 것 같아요." } as const;
const CLOSING_INTL = { en: "Would another option work for you? I'm happy to help.", ko: "대신 다른 방법을 안내해 드릴까요?" } as const;

export function coldRefusal(_draft: string, ctx: LintContext): LintFinding[] {
  const refusals = findRefusals(ctx);
  if (refusals.length === 0) return [];
  const spans = refusals.map((r) => ({ start: r.start, end: clauseAt(ctx, r.start).end }));
  if (matchesOutside(ctx.norm, APOLOGY, spans) || matchesOutside(ctx.norm, ALTERNATIVE, spans)) return [];

  return refusals.map((r, index) => {
    const clause = clauseAt(ctx, r.start);
    const lang = clause.lang;
    const edits: TextEdit[] = [];
    let closing: string | undefined;
    if (index === 0) {
      // one apology and one alternative for the whole reply, not one per refusal
      const apology = APOLOGY_FIRST[lang];
      if (r.bare) {
        const soft = lang === "en" ? BARE_SOFT.en : BARE_SOFT[lang];
        let end = clause.end;
        if (lang !== "zh") while (end < ctx.norm.length && /[.!。！]/.test(ctx.norm[end]!)) end++;
        edits.push({ start: clause.start, end, text: apology + soft });
      } else if (lang === "en") {
        const first = ctx.text[clause.start]!;
        const keepCase = /^I\b/.test(ctx.text.slice(clause.start)) ? first : first.toLowerCase();
        edits.push({ start: clause.start, end: clause.start + 1, text: sentenceCase(ctx, clause.start, apology) + keepCase });
      } else if (lang === "zh") {
        // 不能便宜 → 真的不好意思哦，这个暂时不能便宜呢: a short refusal is softened too
        const body = ctx.text.slice(clause.start, clause.end);
        const short = clause.start === r.start && body.length <= 8 && !/暂时|目前/.test(body);
        if (short) edits.push({ start: clause.start, end: clause.end, text: apology + "这个暂时" + body.replace(/[哦噢呢啊呀啦吧哈嘛的~～]+$/, "") + "呢" });
        else edits.push({ start: clause.start, end: clause.start, text: apology });
      } else edits.push({ start: clause.start, end: clause.start, text: apology });
      closing = lang === "zh" ? closingZh(ctx.norm) : CLOSING_INTL[lang];
    }
    return finding("cold_refusal", r.start, r.end, `refusal without an apology or an alternative: “${ctx.text.slice(r.start, r.end)}”`, edits, closing);
  });
}
