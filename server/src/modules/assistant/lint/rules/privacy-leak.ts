// privacy_leak (CONTRACTS §6, seed 004 保密原则): an unmasked phone number (masked =
// at least 4 middle digits hidden, 139****1234), an ID number, a bank card, a full
// address, or any data of another customer. The fix masks in place: 138****5678,
// 1101**********1234, 杭州市***.
import { matchesOf, sentenceAround } from "../text/clauses";
import type { LintContext, LintFinding } from "../types";
import { finding } from "./finding";
import { SHOP_OWN, findAddresses } from "./privacy-address";
import { otherCustomers } from "./privacy-others";

const MASK = "*＊×xX•●";
const MOBILE_ZH = /(?<![0-9A-Za-z*＊×•●])(?:\+?86[-\s]?)?1[3-9][0-9*＊×xX•●](?:[-\s]?[0-9*＊×xX•●]{4}){2}(?![0-9A-Za-z*＊×•●])/g;
const MOBILE_KO = /(?<!\d)01[016789][-\s]?[0-9*]{3,4}[-\s]?\d{4}(?!\d)/g;
const LANDLINE = /(?<![\d*])0\d{2,3}-\d{7,8}(?![\d*])/g;
// 400-/800- numbers are businesses' service lines, never a person's
const PHONE_EN = /(?<!\d)(?:\+1[-\s]?)?\(\d{3}\)\s?\d{3}-\d{4}(?!\d)|(?<![\d-])(?![48]00)\d{3}-\d{3}-\d{4}(?![\d-])/g;
const ID_CARD = /(?<![0-9A-Za-z*])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z*])/g;
const ID_BY_LABEL = /(?:身份证|证件)(?:号码|号)?[是为:：\s]*(\d{15}|\d{17}[\dXx])(?![\dXx])/g;
const BANK_CARD = /(?:银行卡|卡号|card(?: number)?)[^0-9\n]{0,6}((?:\d[\s-]?){15,18}\d)(?!\d)/gi;
const NOT_A_PHONE_LABEL = /(?:单号|订单|运单|快递单|物流单|编号|货号|款号|SKU|条码)[^，。！？\n]{0,6}$/i;

/** 139****1234 is masked; so is 1391****234; 1381234**** shows the middle and is not. */
function isMaskedMobile(symbols: string): boolean {
  let middle = 0;
  for (let k = 3; k <= 8; k++) if (MASK.includes(symbols[k]!)) middle++;
  return middle >= 4;
}

function masked(digits: string, keepHead: number, keepTail: number): string {
  return digits.slice(0, keepHead) + "*".repeat(Math.max(4, digits.length - keepHead - keepTail)) + digits.slice(digits.length - keepTail);
}

function isShopOwn(ctx: LintContext, i: number): boolean {
  const sentence = sentenceAround(ctx, i);
  const before = ctx.norm.slice(sentence.start, i);
  return SHOP_OWN.test(before) || /(?:客服|热线|售后|咨询|投诉|官方)[^，。！？\n]{0,6}$/.test(before);
}

function phones(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of matchesOf(MOBILE_ZH, ctx.norm)) {
    const symbols = m.text.replace(/^\+?86[-\s]?/, "").replace(/[-\s]/g, "");
    if (symbols.length !== 11) continue;
    if ([...symbols].some((c) => MASK.includes(c)) && isMaskedMobile(symbols)) continue;
    if (NOT_A_PHONE_LABEL.test(ctx.norm.slice(Math.max(0, m.index - 16), m.index)) || isShopOwn(ctx, m.index)) continue;
    const digits = symbols.replace(new RegExp(`[${MASK}]`, "g"), "*");
    out.push(finding("privacy_leak", m.index, m.index + m.text.length, "unmasked phone number", [{ start: m.index, end: m.index + m.text.length, text: digits.slice(0, 3) + "****" + digits.slice(7) }]));
  }
  for (const m of matchesOf(MOBILE_KO, ctx.norm)) {
    const digits = m.text.replace(/[-\s]/g, "");
    if (/\*{3,}/.test(m.text)) continue;
    out.push(finding("privacy_leak", m.index, m.index + m.text.length, "unmasked phone number", [{ start: m.index, end: m.index + m.text.length, text: `${digits.slice(0, 3)}-****-${digits.slice(-4)}` }]));
  }
  for (const m of matchesOf(LANDLINE, ctx.norm)) {
    if (isShopOwn(ctx, m.index) || NOT_A_PHONE_LABEL.test(ctx.norm.slice(Math.max(0, m.index - 16), m.index))) continue;
    const [area, number] = m.text.split("-") as [string, string];
    out.push(finding("privacy_leak", m.index, m.index + m.text.length, "unmasked phone number", [{ start: m.index, end: m.index + m.text.length, text: `${area}-****${number.slice(-4)}` }]));
  }
  for (const m of matchesOf(PHONE_EN, ctx.norm)) {
    if (isShopOwn(ctx, m.index) || /[\u4e00-\u9fff]/.test(ctx.norm.slice(Math.max(0, m.index - 6), m.index))) continue;
    out.push(finding("privacy_leak", m.index, m.index + m.text.length, "unmasked phone number", [{ start: m.index, end: m.index + m.text.length, text: `***-***-${m.text.slice(-4)}` }]));
  }
  return out;
}

function idsAndCards(ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const seen = new Set<number>();
  const push = (start: number, digits: string, message: string) => {
    if (seen.has(start)) return;
    seen.add(start);
    out.push(finding("privacy_leak", start, start + digits.length, message, [{ start, end: start + digits.length, text: masked(digits, 4, 4) }]));
  };
  for (const m of matchesOf(ID_BY_LABEL, ctx.norm)) push(m.index + m.text.length - m.groups[0]!.length, m.groups[0]!, "ID card number");
  for (const m of matchesOf(ID_CARD, ctx.norm)) {
    // an 18-digit order number can look like an ID; its label says which it is
    if (NOT_A_PHONE_LABEL.test(ctx.norm.slice(Math.max(0, m.index - 16), m.index))) continue;
    push(m.index, m.text, "ID card number");
  }
  for (const m of matchesOf(BANK_CARD, ctx.norm)) {
    const raw = m.groups[0]!;
    push(m.index + m.text.length - raw.length, raw, "bank card number");
  }
  return out;
}

function addresses(ctx: LintContext): LintFinding[] {
  return findAddresses(ctx)
    .filter((hit) => !isShopOwn(ctx, hit.start))
    .map((hit) => finding("privacy_leak", hit.start, hit.end, "full address: keep it to the province or city", [{ start: hit.start, end: hit.end, text: hit.keep + "***" }]));
}

export function privacyLeak(_draft: string, ctx: LintContext): LintFinding[] {
  return [...phones(ctx), ...idsAndCards(ctx), ...addresses(ctx), ...otherCustomers(ctx)];
}
