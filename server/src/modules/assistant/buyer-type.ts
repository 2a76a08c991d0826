// Seed 001 §4 ("不同类型客户的不同沟通技巧"): after a few messages, what kind of buyer
// this is on three axes, each with the approach the seed recommends. Read from the
// buyer's own words (cue phrases in zh/en/ko) and the intents the assistant found.
// Pure, so the workbench runs it in the browser on the messages it already holds.
import type { Intent } from "./intent/labels";

/** How well the buyer knows the goods. */
export type Knowledge = "novice" | "partial" | "expert";
/** How they treat the price. */
export type PriceStyle = "generous" | "probing" | "hard";
/** How demanding they are about the goods. */
export type Demand = "experienced" | "doubtful" | "perfectionist";

export interface BuyerTypeHint {
  knowledge: Knowledge;
  price: PriceStyle;
  demand: Demand;
  /** Buyer messages the reading is based on. */
  basedOn: number;
}

export interface BuyerLine {
  text: string;
  intent: Intent | null;
}

/** The seed's hint needs a little conversation first. */
export const MIN_BUYER_MESSAGES = 3;

const NOVICE = /不懂|不太懂|不了解|不知道(选|买|怎么)|推荐一?下|哪个好|哪款好|帮我(选|挑|看)|第一次买|送(朋友|人|女朋友|男朋友|妈妈)|新手|don'?t know much|recommend|which one (is|should)|first time|잘 몰라|추천|뭐가 좋/i;
const EXPERT = /面料成分|含量|克重|支数|针数|工艺|版型|做工|[0-9]+\s*(%|支|g|克|cm|厘米|针)|纯棉|羊绒|真丝|涤纶|氨纶|莫代尔|GSM|thread count|blend|composition|혼용률|원단/i;
const PARTIAL = /我知道|我懂|别家|别人家|网上说|听说|不是说|应该是|肯定是|i know|other shops?|i heard|다른 (가게|곳)|들었/i;
const HARD = /最低|底价|再便宜|便宜(点|些)?(就|才)买|不便宜不买|别家(更)?便宜|砍|少\s*\d+|零头|lowest|best price|cheaper elsewhere|최저가|더 싸게|깎아/i;
const EXPERIENCED = /买过|之前买|上次买|回购|老(顾客|客户)|又来了|bought (it|this|one) before|재구매|전에 샀/i;
const DOUBTFUL = /一样吗|真的吗|靠谱|是正品|实物|骗|放心吗|same as (the )?picture|is it real|legit|진짜|정품|사진이랑 같/i;
const FUSSY = /瑕疵|线头|色差|有问题怎么办|会不会(起球|掉色|缩水)|保证|完美|defect|flaw|what if|하자|불량|색 차이/i;

const count = (lines: readonly BuyerLine[], test: (line: BuyerLine) => boolean) => lines.filter(test).length;

export function buyerTypeHint(lines: readonly BuyerLine[]): BuyerTypeHint | null {
  if (lines.length < MIN_BUYER_MESSAGES) return null;
  const matches = (re: RegExp) => (line: BuyerLine) => re.test(line.text);

  const expert = count(lines, matches(EXPERT));
  const novice = count(lines, matches(NOVICE));
  const knowledge: Knowledge = expert >= 2 || (expert >= 1 && novice === 0 && count(lines, matches(PARTIAL)) === 0) ? "expert" : novice > 0 ? "novice" : "partial";

  const bargains = count(lines, (l) => l.intent === "bargain");
  const hard = count(lines, matches(HARD));
  const price: PriceStyle = hard > 0 || bargains >= 2 ? "hard" : bargains === 1 ? "probing" : "generous";

  const doubts = count(lines, (l) => DOUBTFUL.test(l.text) || l.intent === "authenticity" || l.intent === "payment_safety");
  const fussy = count(lines, (l) => FUSSY.test(l.text) || l.intent === "color_difference" || l.intent === "material_quality");
  // Someone who bought the like before knows what to expect, even if they check one thing.
  const experienced = count(lines, matches(EXPERIENCED)) > 0;
  const demand: Demand = fussy >= 2 ? "perfectionist" : !experienced && (doubts > 0 || fussy === 1) ? "doubtful" : "experienced";

  return { knowledge, price, demand, basedOn: lines.length };
}
