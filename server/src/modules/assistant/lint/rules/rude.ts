// rude (CONTRACTS §6): insults and dismissals — 爱买不买, 滚, 你有病吧, 烦不烦, and the
// passive-aggressive 呵呵 of Chinese chat. Words that merely contain the characters
// (滚筒, 滚边, 麻烦您, 烦请, 笑呵呵, 切记) are not rude.
import { clauseAt, matchesOf } from "../text/clauses";
import type { LintContext, LintFinding } from "../types";
import { finding, replaceClause, sentenceCase } from "./finding";

type RudeKind = "dismissal" | "goLook" | "insult" | "sigh";

const END = "(?=$|[，。！？,.!?~～\\s]|[哦呢啊呀吧])";

const RUDE_ZH: [RegExp, RudeKind][] = [
  [/爱(\S)不\1(?:吧|啊)?/g, "dismissal"],
  [/不买(?:拉倒|就算了|算了|就别买|就走|就别问)|不要(?:拉倒|就算了)|拉倒吧?|买不起(?:就)?(?:别买|别问|就算了|就别看)|穷(?:就|的话)?别买|(?:嫌贵|觉得贵|买不起)(?:的话)?(?:就|可以)?(?:别买|别看|别问|去别(?:人)?家|找别(?:人)?家)|(?:去|找)别(?:人)?家(?:买)?(?:去)?吧/g, "dismissal"],
  [/爱咋咋地|爱怎么(?:样|着)怎么(?:样|着)|随便你|随你便|随你的便|不想买就别|(?:滚)?一边(?:去|呆着|待着)(?=$|[，。！？,.!?吧啊])|(?:那|就)别买了|爱信不信/g, "dismissal"],
  [/(?:你)?自己看着办|你自己看吧|自己(?:去)?看[^，。！？,.!?]{0,6}去|自己去看吧?|找(?:快递|平台|厂家|别人)去/g, "goLook"],
  [/(?<![翻打圆滚驴])滚(?![筒轮动边烫滚珠压条花球雪])(?:开|蛋|出去|远点|吧)?/g, "insult"],
  [/[你您]?(?:是不是)?有病(?:吧|啊|吗|呀)|[你您](?:是不是)?有病|神经病(?:吧|啊)?|脑子(?:有病|进水|有问题|坏了|瓦特|抽了?)|脑残|智障|白痴|傻[逼瓜子叉B](?:吧|啊)?|傻不傻|[你您]?是不是傻|[你您]傻(?:吗|啊|呀)|煞笔|沙比|蠢货|蠢猪|笨蛋|穷鬼|穷逼|去死(?!皮)|眼瞎|瞎(?:了吗|啊|吗)|没长眼|[你您]有毛病/g, "insult"],
  [/闭嘴|少废话|废话(?:少说|真多)|别废话|[你您]懂什么|听不懂人话|说人话|(?:你们|你)这种(?:买家|人|顾客|客人)|没文化|没素质|事儿?(?:真|太|这么|那么)多|事儿妈|怎么这么多事|(?:真|太)矫情/g, "insult"],
  [/(?<!麻)烦(?:不烦|死了?|人)|(?<!麻)(?:真|好|很)烦|别(?:来)?烦我|有完没完|懒得(?:理|跟|和)你?|不想理你|没空理你|跟你说不清|说了你也不懂|关我(?:什么|屁|啥)事|管我(?:什么|屁|啥)事|跟我有什么关系|活该/g, "insult"],
  [/他妈(?!妈)的?|(?<!妈)妈的|尼玛|你妈(?!妈)|卧槽|屁事|放屁|滚犊子|操你|草泥马|tmd|特么/gi, "insult"],
  [new RegExp(`(?<!笑)呵呵|无语|(?:^|(?<=[，。！？,.!?\\s]))(?:切|我靠|靠)${END}`, "g"), "sigh"],
];

const COURTESY_ZH: Record<RudeKind, string> = {
  dismissal: "您可以再考虑一下哦，有需要随时找我",
  goLook: "我帮您一起看看哦，有问题随时问我",
  insult: "请问还有什么可以帮您的吗",
  sigh: "好的呢",
};

const RUDE_EN =
  /\b(?:shut up|get lost|go away|piss off|f+u+c*k+\w*|stupid|idiot|moron|dumb(?:ass)?|take it or leave it|who cares|not my problem|are you blind|are you crazy|wtf|damn (?:it|you)|screw you|buy it or don'?t|don'?t buy (?:it )?then|leave me alone|stop bothering me)\b|^\s*whatever\s*[.!]*$/gim;
const RUDE_KO = /꺼져|닥쳐|바보|멍청|미친|사든지 말든지|사기 싫으면\s?(?:사지 마|마세요|말든지|마)|알아서 하세요|짜증(?:나|난다|나네)|귀찮게|시끄러|어쩌라고/g;

function rudeZh(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const [re, kind] of RUDE_ZH) {
    for (const m of matchesOf(re, ctx.norm)) {
      const clause = clauseAt(ctx, m.index);
      // the insult takes its addressee and its particle along: 你脑子进水了吧, 你眼瞎吗
      const lead = /(?:[你您](?:是不是|真是|真的|这个|的)?)$/.exec(ctx.norm.slice(clause.start, m.index))?.[0] ?? "";
      const start = m.index - lead.length;
      const tail = /^了?(?:吧|啊|吗|呀|么)?/.exec(ctx.norm.slice(m.index + m.text.length, clause.end))![0];
      const end = m.index + m.text.length + tail.length;
      // a comma only when words, not just an emoji, stand before the rude phrase
      const comma = /[\p{L}\p{N}]/u.test(ctx.norm.slice(clause.start, start)) ? "，" : "";
      const edit = replaceClause(ctx, start, comma + COURTESY_ZH[kind]);
      out.push(finding("rude", start, end, `rude: “${ctx.text.slice(start, end)}”`, [edit]));
    }
  }
  return out;
}

function rudeIntl(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const [re, lang, text] of [
    [RUDE_EN, "en", "sorry for the trouble, how else can I help you?"],
    [RUDE_KO, "ko", "불편을 드려 죄송합니다. 더 도와드릴 일이 있을까요?"],
  ] as const) {
    for (const m of matchesOf(re, ctx.norm)) {
      const clause = clauseAt(ctx, m.index);
      if (clause.lang !== lang) continue;
      const start = m.index + (m.text.length - m.text.trimStart().length);
      const end = m.index + m.text.trimEnd().replace(/[.!]+$/, "").length;
      const edit = replaceClause(ctx, clause.start, lang === "en" ? sentenceCase(ctx, clause.start, text) : text);
      out.push(finding("rude", start, end, `rude: “${ctx.text.slice(start, end)}”`, [edit]));
    }
  }
  return out;
}

export function rude(_draft: string, ctx: LintContext): LintFinding[] {
  return [...rudeZh(ctx), ...rudeIntl(ctx)];
}
