import { describe, expect, it } from "vitest";
import { checkQuickReplyCsv, parseCsv, toCsv } from "./csv";

describe("quick-reply CSV", () => {
  it("parses quotes, doubled quotes, commas, line breaks, CRLF and a BOM", () => {
    const text = '\uFEFFscope,category,shortcut,text\r\nteam,问候,hi,"亲，你好, ""欢迎""\n光临"\r\n\r\npersonal,物流,ship,今天发货\n';
    expect(parseCsv(text)).toEqual([
      ["scope", "category", "shortcut", "text"],
      ["team", "问候", "hi", '亲，你好, "欢迎"\n光临'],
      ["personal", "物流", "ship", "今天发货"],
    ]);
  });
  it("round-trips what it writes", () => {
    const rows = [["scope", "category", "shortcut", "text"], ["team", "a,b", "q", ' say "hi"\nthen ']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
  it("checks the header and counts rows", () => {
    expect(checkQuickReplyCsv("scope,category,shortcut,text\nteam,a,b,c\nteam,a,d,e")).toEqual({ ok: true, rows: 2 });
    expect(checkQuickReplyCsv("Scope, Category ,shortcut,text\nteam,a,b,c")).toEqual({ ok: true, rows: 1 });
    expect(checkQuickReplyCsv("category,scope,shortcut,text\nteam,a,b,c")).toEqual({ ok: false, problem: "header", line: 1 });
    expect(checkQuickReplyCsv("scope,category,shortcut,text\n")).toEqual({ ok: false, problem: "empty" });
    expect(checkQuickReplyCsv("  \n")).toEqual({ ok: false, problem: "empty" });
  });
});
