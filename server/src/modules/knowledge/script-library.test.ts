// The shipped script library file: it parses, every script says where in its seed it
// comes from, and the checks that guard edits to it refuse what they should.
import { describe, expect, it } from "vitest";
import { DEFAULT_QUICK_REPLIES, LIBRARY_LOCALES, parseScriptLibrary, scriptLibrary } from "./script-library";
import { unfilledVariables } from "./variables";

/** 2·LCS / (|a| + |b|): how much of two texts is the same words in the same order. */
function commonShare(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const ch of a) {
    const row = [0];
    for (let j = 0; j < b.length; j++) row.push(ch === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!));
    previous = row;
  }
  return (2 * previous[b.length]!) / (a.length + b.length);
}

describe("the script library file", () => {
  const library = scriptLibrary();

  it("tags every script with its seed, section, quote, intent and stage, in three languages", () => {
    for (const script of library.scripts) {
      expect(script.key.startsWith(script.seed + "-")).toBe(true);
      expect(script.where.length).toBeGreaterThan(2);
      expect(script.quote.length).toBeGreaterThan(5);
      for (const locale of LIBRARY_LOCALES) expect(script.text[locale].trim()).not.toBe("");
      if (script.questions) for (const locale of LIBRARY_LOCALES) expect(script.questions[locale].length).toBeGreaterThan(0);
    }
    // The phrases SPEC §1 names.
    const zh = library.scripts.map((s) => s.text["zh-CN"]).join("\n");
    for (const phrase of ["本店的特价商品已经是折后价了哦", "店主定的价", "打着灯光拍摄", "支付宝交易属于第三方支付", "期待您的下次光临", "收藏店铺", "这个问题我需要核实一下", "默认发{courier}"]) {
      expect(zh).toContain(phrase);
    }
  });

  it("keeps a script's words where the seed gives words: the text is the quote with XX and shop names as {variables}", () => {
    for (const script of library.scripts.filter((s) => !s.adapted)) {
      const text = script.text["zh-CN"].replace(/\{\w+\}/g, "").replace(/[\s，。！？、～~：；“”"（）()]/g, "");
      const quote = script.quote.replace(/XX|瑞丽女坊|嘉海龙数码店|小米/g, "").replace(/[\s，。！？、～~：；“”"（）()]/g, "");
      // Typo fixes (帐→账, 登陆→登录, 丝绝→丝毫), a 亲 or 您 added, "XX店" as {shop}: all that may differ.
      expect({ key: script.key, similar: commonShare(text, quote) > 0.9 }).toEqual({ key: script.key, similar: true });
    }
  });

  it("gives new workspaces the library's phrases, the former defaults among them", () => {
    const shortcuts = DEFAULT_QUICK_REPLIES.map((r) => r.shortcut);
    for (const s of ["hy", "tj", "zp", "dj", "yh", "sw", "sc", "zfb", "fh", "zdkd", "ps", "qx", "hs", "yy", "zj"]) expect(shortcuts).toContain(s);
    expect(DEFAULT_QUICK_REPLIES.find((r) => r.shortcut === "ps")!.teams).toEqual(["aftersales"]);
  });

  it("refuses a file with a repeated shortcut, an unknown category or other variables in a translation", () => {
    const raw = JSON.parse(JSON.stringify(library)) as { scripts: Record<string, unknown>[] };
    const withScripts = (scripts: Record<string, unknown>[]) => ({ ...raw, scripts });
    const first = raw.scripts[0]!;
    expect(() => parseScriptLibrary(withScripts([first, { ...first, key: "004-other" }]))).toThrow(/shortcut/);
    expect(() => parseScriptLibrary(withScripts([{ ...first, category: "nope" }]))).toThrow(/category/);
    const text = first.text as Record<string, string>;
    expect(unfilledVariables(text["zh-CN"]!)).toEqual(["shop"]);
    expect(() => parseScriptLibrary(withScripts([{ ...first, text: { ...text, ko: "안녕하세요" } }]))).toThrow(/variables/);
    expect(() => parseScriptLibrary(withScripts([{ ...first, stage: "dance" }]))).toThrow();
  });
});
