// Addresses for privacy_leak: an address down to the street, the residential compound,
// the building or the house number is a leak; a province or city alone is not
// (发货地是浙江杭州). The shop's own return address is the shop's to give.
import { matchesOf } from "../text/clauses";
import type { LintContext } from "../types";

export interface AddressHit {
  start: number;
  end: number;
  /** province/city to keep when masking: 杭州市西湖区文三路123号 → 杭州市*** */
  keep: string;
}

// characters that end a label or a verb before an address (地址是…, 寄到…, 您的包裹在…)
const STOP = "[的是在到您你我了已把给被从向往寄送发收址和及或请为]";
const NAME = `(?:(?!${STOP})[\\u4e00-\\u9fa5A-Za-z0-9])`;
const PROVINCE =
  "(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?";
const CITY = `(?:${NAME}{1,4}?市|${NAME}{1,3}?(?:州|盟|地区))`;
const DISTRICT = `(?:${NAME}{1,4}?(?:区|县|旗))`;
const TOWN = `(?:${NAME}{1,5}?(?:镇|乡|街道))`;
const ROAD = `(?:${NAME}{1,6}?(?:大街|大道|路|街|巷|弄|胡同))`;
// bounded repeats: an unbounded run here backtracks from every position of a long draft
const NUMBER = "(?:[\\d一二三四五六七八九十百零〇]{1,6})";
const HOUSE = `(?:${NUMBER}(?:号院|号|弄|巷))`;
// no 中心/城: 杭州转运中心 is where the parcel is, not where anyone lives
const COMPOUND = `(?:${NAME}{1,8}?(?:小区|花园|苑|公寓|大厦|广场|家园|新村|村|庄园|公馆|园区|社区))`;
const UNIT = "(?:[A-Za-z\\d]{1,6}|[一二三四五六七八九十]{1,4})(?:号楼|幢|栋|座|单元|室|楼|层|号)";

const ADDRESS_ZH = new RegExp(
  `(?<prov>${PROVINCE})?(?<city>${CITY})?(?<dist>${DISTRICT})?(?<town>${TOWN})?(?:(?<road>${ROAD})(?<house>${HOUSE})?)?(?<compound>${COMPOUND})?(?<units>(?:-?${UNIT}){1,4})?`,
  "g",
);
// what may follow the street part: a tower, a floor, a room (SOHO现代城A座1201)
const TAIL = new RegExp(`^[A-Za-z0-9\\u4e00-\\u9fa5]{0,12}?(?:${UNIT}){1,4}\\d{0,6}(?:室)?`);
const KEEP = new RegExp(`^(?:${PROVINCE})?(?:${CITY})?`);
const LEADING_LABEL = /^[是在到为寄送往的址:：\s]+/;

const ADDRESS_KO = /(?:[가-힣]+(?:시|도)\s?)?(?:[가-힣]+(?:구|군)\s?)?[가-힣0-9]+(?:로|길)\s?\d+(?:-\d+)?(?:\s?\d+동)?(?:\s?\d+호)?|\d+동\s?\d+호/g;
const ADDRESS_EN = /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct)\b\.?/g;

/** The shop's own address or phone: 退货地址, 我们的地址, 客服电话… */
export const SHOP_OWN =
  /(?:退货|退回|寄回|退换货?|售后|仓库|店铺|公司|门店|本店|客服|官方|厂家)(?:的)?(?:收货)?(?:地址|电话|热线|联系方式|信息|仓)|我们的?(?:地址|电话|热线|仓库|售后)|寄回|退回到|寄到我们|退货|退换货|客服电话|客服热线/;

// Every leaking Chinese address has a road, a compound or a unit, and each of those ends
// in one of these characters: a draft without any cannot hold one, and skips the long
// pattern (it tries every position; it was a third of lint's time: bench/lint-accuracy.ts).
const ZH_ADDRESS_ENDINGS = /[街道路巷弄同号区园苑寓厦场村馆楼幢栋座元室层]/;

export function findAddresses(ctx: LintContext): AddressHit[] {
  const hits: AddressHit[] = [];
  for (const m of ZH_ADDRESS_ENDINGS.test(ctx.norm) ? ADDRESS_ZH[Symbol.matchAll](ctx.norm) : []) {
    if (!m[0]) continue;
    const g = m.groups ?? {};
    const admin = Boolean(g.prov || g.city || g.dist || g.town);
    const units = g.units ? (g.units.match(new RegExp(UNIT, "g")) ?? []).length : 0;
    const leak = (admin && Boolean(g.road || g.compound)) || Boolean(g.road && g.house) || (Boolean(g.compound) && units > 0) || units >= 2 || (admin && units > 0 && Boolean(g.dist || g.town));
    if (!leak) continue;
    const at = m.index ?? 0;
    const label = LEADING_LABEL.exec(m[0])?.[0].length ?? 0;
    const start = at + label;
    const end = at + m[0].length + (TAIL.exec(ctx.norm.slice(at + m[0].length))?.[0].length ?? 0);
    hits.push({ start, end, keep: ctx.text.slice(start, start + (KEEP.exec(ctx.norm.slice(start, end))?.[0].length ?? 0)) });
  }
  for (const re of [ADDRESS_KO, ADDRESS_EN]) {
    for (const m of matchesOf(re, ctx.norm)) {
      const end = m.index + m.text.replace(/[\s.]+$/, "").length;
      if (!hits.some((h) => h.start < end && m.index < h.end)) hits.push({ start: m.index, end, keep: "" });
    }
  }
  return hits;
}
