// absolute_promise (CONTRACTS §6): absolute wording that guarantees an outcome — a
// delivery date, quality, authenticity, satisfaction. Promised effort (尽量, 争取,
// 尽力) and the agent's own commitment to reply or act by a stated time do not fire;
// neither do disclaimers (不能保证, 不一定) or the words used in another sense
// (感谢您的肯定, 有一定的色差, 保证金, 100%棉). The seeds' own 绝对正品 / 保证质量 /
// 保您满意 DO fire (SPEC §11: advertising rules forbid absolute claims).
import { claimEnd, clauseAt, matchesOf } from "../text/clauses";
import type { LintContext, LintFinding, TextEdit } from "../types";
import { absolutePromiseIntl } from "./absolute-promise.intl";
import { finding, leadIn } from "./finding";

const ABSOLUTE_ZH =
  /百分之一?百|百分百|100\s?%|绝对|肯定|保证|一定|必定|必然|势必|准保|管保|保准|包准|打包票|铁定|万无一失|永不|永远不会|绝不|决不|绝无|[保包][您你](?=满意|喜欢|放心|正品|质量|好用|合适|不)|包(?=满意|正品|真)/g;

// 不能保证, 不一定, 没法百分百保证, 不敢打包票: an honest disclaimer, not a promise.
const DISCLAIMER_BEFORE = /(?:不|没|别|无法|没法|难以|很难|未必)(?:能|敢|好|太|是很|可能|能够)?(?:百分之一?百|百分百|100\s?%|完全|绝对|打)?$/;
const EFFORT_BEFORE = /(?:尽量|尽力|争取|努力|尽可能|竭力|全力|尽快|力求|力争)$/;
const EFFORT_AFTER = /^(?:会|能|要|可以|能够|都)?(?:为您|给您|帮您|替您)?(?:尽量|尽力|争取|努力|尽可能|竭力|全力|尽快|第一时间|用心|认真|积极|及时|优先|力争)/;
// The agent's own follow-up: reply, contact, check, arrange (seed 004: 约定回复时间, 按时回复).
const OWN_ACTION =
  /回复|答复|回电|回话|回您|回你|联系您|联系你|通知您|通知你|告知|告诉您|告诉你|给您(?:消息|回音|说法|答案|解释|交代)|反馈|跟进|核实|查询|查一下|查清|查查|帮您查|调整|改进|改正|备注|登记|记录|转达|上报|催|问一下|问问|处理|解决|答覆|重视|注意|加强|反思|吸取|改善/;
const OUTCOME =
  /送到|寄到|到货|到达|送达|收到|到手|发货|发出|寄出|到账|退款|正品|真品|质量|品质|褪色|掉色|起球|缩水|变形|满意|喜欢|不会|没有问题|没问题|效果|(?:天|日|号|前|内|周[一二三四五六日天末])到|到(?:$|了|的|哦|呢|啊)/;
const MATERIAL_AFTER =
  /^\s*(?:的)?(?:纯)?(?:棉|全棉|羊毛|羊绒|绵羊毛|真丝|桑蚕丝|蚕丝|涤纶|聚酯|亚麻|麻|莫代尔|锦纶|尼龙|氨纶|粘纤|粘胶|天丝|牛皮|羊皮|头层|鹅绒|鸭绒|白鸭绒|白鹅绒|纤维|腈纶|醋酸|铜氨|兔毛|马海毛|貂绒|驼绒|羊驼|纯)/;
const TONE_ONLY = /^[\s的哦噢呢啊呀啦吧哈嘛哟~～!！。.]*$/;

// 您肯定是看错了 accuses (blame_buyer's business); it promises nothing
const MISTAKE_AFTER = /^(?:是)?(?:搞错|弄错|看错|拍错|记错|理解错|选错|填错|没看)/;

function isAbsoluteHere(ctx: LintContext, i: number, word: string): boolean {
  const clause = clauseAt(ctx, i);
  if (clause.lang !== "zh") return false;
  const before = ctx.norm.slice(Math.min(clause.start, i), i);
  const after = ctx.norm.slice(i + word.length, Math.max(i + word.length, clause.end));
  if (DISCLAIMER_BEFORE.test(before) || EFFORT_BEFORE.test(before) || EFFORT_AFTER.test(after)) return false;
  // 一定给您一个满意的答复: the satisfaction is the reply's, the promise is to reply
  if (OWN_ACTION.test(after) && !OUTCOME.test(after.replace(/满意的(?:答复|回复|解释|交代|说法)/g, ""))) return false;
  if (MISTAKE_AFTER.test(after)) return false;
  switch (word) {
    case "肯定":
      // 感谢您的肯定, 肯定的回答, 肯定了我们: praise and affirmation, not a promise
      return !(/(?:的|给予|得到|获得|受到|值得|表示|予以|给|被|和|与)$/.test(before) || /^(?:的(?:回答|答复|评价|态度|描述|语气|话|认可|回复)|了|过|您|你)/.test(after));
    case "保证":
      if (/^(?:金|书|期|人|函)/.test(after)) return false;
      // 为了保证您的权益 (a purpose), 请您保证电话畅通 (asks the buyer)
      if (/(?:为了|以便|以|来|请|您|你|要|需要|务必|须|必须)$/.test(before)) return false;
      // 我们有质量保证的哦 / 品质保证: the guarantee as a noun, a policy the shop has
      return !(/(?:有|质量|品质|售后|服务|双重|多重|的)$/.test(before) && TONE_ONLY.test(after));
    case "一定":
      // 请一定保管好 / 您一定记得: asks the buyer; 您一定会喜欢的 still promises
      if (/(?:请|麻烦|务必)$/.test(before) || (/[您你]$/.test(before) && !/^(?:会|能|可以|是)/.test(after))) return false;
      // 一定要, 一定的色差, 有一定弹性, 有问题一定联系我们: not a promise about the outcome
      return !(
        /^(?:要|得|的|程度|时间|范围|比例|数量|量|期限|条件|要求|记得|注意|别|不要|联系|告诉|跟我|和我|找我|来|过来|收藏|关注)/.test(after) ||
        /(?:有|在|具有|存在|需要|达到|到)$/.test(before)
      );
    case "绝对":
      return !/^值/.test(after);
    default:
      // 100%棉 is the fabric, 好评率100% a statistic
      if (/^(?:100\s?%|百分之一?百|百分百)$/.test(word)) return !(MATERIAL_AFTER.test(after) || /^\s*好评/.test(after) || /(?:率|含量|占比|成分|成份)[是为达到了\s:：]*$/.test(before));
      return true;
  }
}

const ABSOLUTE_PREFIX =
  /^(?:百分之一?百|百分百|100\s?%|绝对|肯定|保证|一定|必定|必然|势必|准保|管保|保准|包准|打包票|铁定|万无一失|[保包][您你]|包(?=满意|正品|真))+/;
const HELPERS = /^(?:会|能够|能|可以|是|的|地)+/;

/** The claim rewritten as effort or as a plain statement, in the seeds' tone. */
function politeClaim(ctx: LintContext, start: number, end: number): { start: number; text: string } {
  const original = ctx.text.slice(start, end);
  const norm = ctx.norm.slice(start, end);
  let rest = norm;
  // 永不/绝不/决不/绝无 carry their own negation: keep it for the rewrite
  const neg = /^(?:永不|永远不会|绝不会?|决不会?)/.exec(rest);
  const none = /^绝无/.exec(rest);
  if (neg) rest = "不会" + rest.slice(neg[0].length);
  else if (none) rest = "没有" + rest.slice(none[0].length);
  else rest = rest.replace(ABSOLUTE_PREFIX, "");
  // keep the draft's own characters for what follows the absolute wording
  const restOriginal = neg || none ? rest : original.slice(norm.length - rest.length);
  const plain = restOriginal.replace(HELPERS, "");
  const plainNorm = rest.replace(HELPERS, "");
  const { bare, before } = leadIn(ctx, start);
  const subject = bare ? "我们" : "";
  // 我们会保证… already has its 会
  const will = /(?:会|将|能|可以)$/.test(before) ? "" : "会";

  if (/^没(?:得|的|话)说/.test(plainNorm)) return { start, text: "真的很不错" };
  if (/^(?:不|没)/.test(plainNorm)) {
    const negated = /^(?:不会|没)/.test(plainNorm) ? plain : "不会" + plain.slice(1);
    return { start, text: "正常情况下一般" + negated };
  }
  if (/^(?:正品|真品|原装|正版|官方|专柜)/.test(plainNorm)) return { start, text: "都是" + plain };
  if (/^(?:让|令)[您你](?:满意|喜欢|放心)/.test(plainNorm)) return { start, text: "希望能" + plain };
  if (/^(?:满意|喜欢|好评|合适|舒服|好看|好穿|好用|放心)/.test(plainNorm) || /^(?:[保包][您你]|包(?=满意|正品|真))/.test(norm)) {
    // 您一定会喜欢的 → 希望您会喜欢的: take the buyer's 您 into the rewrite
    const withBuyer = /[您你]$/.test(before);
    return { start: withBuyer ? start - 1 : start, text: "希望您会" + plain };
  }
  if (/质量|品质/.test(plainNorm)) return { start, text: subject + will + "严格把控" + plain };
  if (/到|送达|发货|发出|寄出|到货/.test(plainNorm)) {
    if (/到$/.test(plainNorm) && !/(?:收|送|寄|赶|货)到$/.test(plainNorm)) return { start, text: subject + will + "尽量让您" + plain.slice(0, -1) + "收到" };
    return { start, text: subject + will + "尽量" + plain };
  }
  if (/^(?:会|能|可以)/.test(rest)) return { start, text: "一般" + restOriginal };
  if (/^(?:给|帮|为|让|在|按|把|发|送|寄|安排|处理|退|换|补|今天|明天|马上|立刻)/.test(plainNorm)) return { start, text: subject + will + "尽量" + plain };
  return { start, text: (plainNorm.length <= 3 ? "真的很" : "一般来说") + plain };
}

function absolutePromiseZh(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of matchesOf(ABSOLUTE_ZH, ctx.norm)) {
    if (!isAbsoluteHere(ctx, m.index, m.text)) continue;
    const end = claimEnd(ctx, m.index);
    const previous = out[out.length - 1];
    // 绝对保证正品: one claim, one finding
    if (previous && previous.end >= end && previous.start <= m.index) continue;
    const rewrite = politeClaim(ctx, m.index, end);
    const clause = clauseAt(ctx, m.index);
    // 肯定明天到 → 我们会尽量让您明天收到哦; a draft that already ends in a particle keeps its own
    const closesClause = ctx.norm.slice(end, clause.end).trim() === "";
    const edits: TextEdit[] = [{ start: rewrite.start, end, text: rewrite.text + (closesClause ? "哦" : "") }];
    out.push(finding("absolute_promise", m.index, end, `absolute promise “${ctx.text.slice(m.index, end)}”: promise effort (尽量, 争取), not the outcome`, edits));
  }
  return out;
}

export function absolutePromise(_draft: string, ctx: LintContext): LintFinding[] {
  return [...absolutePromiseZh(ctx), ...absolutePromiseIntl(ctx)];
}
