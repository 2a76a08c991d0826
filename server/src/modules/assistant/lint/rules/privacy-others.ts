// Another customer's data for privacy_leak: naming the previous buyer, quoting their
// nick, their phone or their order (上一个买家张三也买了). Saying that other buyers
// liked an item (很多顾客反馈…, seed 004) names nobody and is fine.
import { claimEnd, clauseAt, matchesOf, sentenceAround } from "../text/clauses";
import type { LintContext, LintFinding } from "../types";
import { finding, replaceClause } from "./finding";

const REFERENCE =
  /(上一个|上一位|上个|前一个|前一位|前面一个|前面一位|前面那个|前面那位|前面的|刚才那个|刚才那位|刚才一个|刚才一位|刚刚那个|刚刚那位|之前那个|之前那位|之前一个|之前一位|之前有个|之前有位|另一个|另一位|另外一个|另外一位|其他|其它|别的|有个|有位|有一个|有一位|隔壁的?|那位)?(?:买家|顾客|客户|客人|宝宝|小姐姐|小哥哥|会员)/g;
// common surnames, leaving out those that mostly start ordinary words after 买家
// (付款, 方便, 高兴, 向您, 马上, 周末, 白色, 黄色, 夏天, 许多…)
const SURNAMES = "王李张刘陈杨赵吴徐孙朱胡郭林罗郑梁谢宋唐韩冯邓曹彭曾肖董袁潘蒋蔡杜苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾韦邹孟熊秦邱尹薛闫段雷侯龙陶黎贺顾郝龚邵钱严覃武戴莫孔汤";
const ANY_SURNAME = SURNAMES + "付方高向于常金万毛史何余全江石田马周白黄夏程许叶";
const NAME_STOP = "也都还就买说的在刚已要和跟觉穿用是了他她反给拍退换收下选问昨今很挺一之前后们家有没会不对这那把被让比亲呢啊哦吧，。！？,.!? ";
const SECRET = /保密|不方便透露|不能透露|无法提供|不能提供|不便透露|不会透露|不会泄露|隐私/;
const DATA_OF = /^的(?:电话|手机|号码|地址|订单|订单号|名字|姓名|旺旺|信息|资料|快递单号|单号|账号|微信|照片)/;

/** The identifier right after a reference to another customer, if any. */
function identifierAfter(norm: string, p: number): { start: number; end: number } | "data" | null {
  const rest = norm.slice(p);
  if (DATA_OF.test(rest)) return "data";
  const lead = /^(?:叫|是|姓|名叫|名字叫|[:：\s,，])*/.exec(rest)![0].length;
  const s = p + lead;
  // 上一个客户姓王: the surname alone already names someone
  if (/姓$/.test(rest.slice(0, lead)) && ANY_SURNAME.includes(norm[s] ?? " ")) return { start: s - 1, end: s + 1 };
  const quoted = /^[“"「『']([^”"」』']{1,20})[”"」』']/.exec(norm.slice(s));
  if (quoted) return { start: s, end: s + quoted[0].length };
  const latin = /^(?:tb\d{4,}|[A-Za-z][A-Za-z0-9_-]{3,})/.exec(norm.slice(s));
  if (latin) return { start: s, end: s + latin[0].length };
  const titled = new RegExp(`^[${ANY_SURNAME}](?:先生|女士|小姐|姐|哥|老师)`).exec(norm.slice(s));
  if (titled) return { start: s, end: s + titled[0].length };
  if (lead < rest.length && SURNAMES.includes(norm[s]!)) {
    let e = s + 1;
    while (e < s + 3 && e < norm.length && /[\u4e00-\u9fa5]/.test(norm[e]!) && !NAME_STOP.includes(norm[e]!)) e++;
    if (e > s + 1) return { start: s, end: e };
  }
  return null;
}

export function otherCustomers(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of matchesOf(REFERENCE, ctx.norm)) {
    const sentence = sentenceAround(ctx, m.index);
    if (SECRET.test(ctx.norm.slice(sentence.start, sentence.end))) continue;
    const id = identifierAfter(ctx.norm, m.index + m.text.length);
    // “买家的地址” alone is this buyer's own; only 上一个买家的地址 points at someone else
    if (!id || (id === "data" && !m.groups[0])) continue;
    const end = Math.max(claimEnd(ctx, m.index), id === "data" ? m.index + m.text.length : id.end);
    const edit =
      id === "data"
        ? replaceClause(ctx, m.index, "其他买家的信息我们需要保密哦")
        : { start: id.start, end: id.end, text: "" };
    out.push(finding("privacy_leak", m.index, end, `another customer's data: “${ctx.text.slice(m.index, end)}”`, [edit]));
  }
  const inside = (i: number) => out.some((f) => f.start <= i && i < f.end);
  for (const name of ctx.otherCustomers.names) {
    for (let i = ctx.text.indexOf(name); i >= 0; i = ctx.text.indexOf(name, i + name.length)) {
      if (inside(i)) continue;
      out.push(finding("privacy_leak", i, i + name.length, "names another customer", [{ start: i, end: i + name.length, text: "其他买家" }]));
    }
  }
  for (const phone of ctx.otherCustomers.phones) {
    for (let i = ctx.norm.indexOf(phone); i >= 0; i = ctx.norm.indexOf(phone, i + phone.length)) {
      const masked = phone.slice(0, 3) + "*".repeat(Math.max(4, phone.length - 7)) + phone.slice(-4);
      out.push(finding("privacy_leak", i, i + phone.length, "another customer's phone number", [{ start: i, end: i + phone.length, text: masked }]));
    }
  }
  for (const m of matchesOf(/\b(?:[Aa]nother|[Tt]he (?:previous|last|other)|[Aa]) (?:customer|buyer|client),?\s+(?:named |called )?([A-Z][a-z]+(?: [A-Z][a-z]+)?)/g, ctx.norm)) {
    const nameEnd = m.index + m.text.length;
    const clause = clauseAt(ctx, m.index);
    if (clause.lang !== "en") continue;
    // “The last customer, Mary Smith, bought…” → “The last customer bought…”
    const cut = m.index + m.text.search(/,?\s+(?:named |called )?[A-Z][a-z]+(?: [A-Z][a-z]+)?$/);
    const trailingComma = ctx.norm[nameEnd] === "," && ctx.norm[cut] === "," ? 1 : 0;
    out.push(finding("privacy_leak", m.index, Math.max(nameEnd, claimEnd(ctx, m.index)), "another customer's name", [{ start: cut, end: nameEnd + trailingComma, text: "" }]));
  }
  return out;
}
