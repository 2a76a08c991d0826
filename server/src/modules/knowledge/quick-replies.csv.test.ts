// The CSV rules on their own: RFC 4180 quoting both ways, the formula guard, and errors
// that name the line and column a shop owner has to fix.
import { describe, expect, it } from "vitest";
import { CsvError, formatCsv, parseCsv, type CsvRecord } from "./quick-replies.csv";

const record = (over: Partial<CsvRecord> = {}): CsvRecord => ({ scope: "personal", category: "通用", shortcut: "hs", text: "这个问题我需要核实一下", ...over });

function csvError(text: string): CsvError {
  try {
    parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) return err;
    throw err;
  }
  throw new Error("expected a CsvError");
}

describe("formatCsv", () => {
  it("writes a BOM, the header and CRLF lines, quoting commas, quotes and line breaks", () => {
    const csv = formatCsv([record({ text: '亲，"正品"保证,放心\n第二行' })]);
    expect(csv.startsWith("\uFEFFscope,category,shortcut,text\r\n")).toBe(true);
    expect(csv).toContain('personal,通用,hs,"亲，""正品""保证,放心\n第二行"\r\n');
  });

  it("puts an apostrophe before cells a spreadsheet would run as a formula", () => {
    const csv = formatCsv([
      record({ shortcut: "=cmd", text: '=HYPERLINK("http://evil","点我")' }),
      record({ shortcut: "plus", category: "+1", text: "-5元优惠" }),
      record({ shortcut: "at", text: "@SUM(A1)" }),
      record({ shortcut: "safe", text: "亲，5-10天到货" }),
    ]);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe(`personal,通用,'=cmd,"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(lines[2]).toBe("personal,'+1,plus,'-5元优惠");
    expect(lines[3]).toBe("personal,通用,at,'@SUM(A1)");
    expect(lines[4]).toBe("personal,通用,safe,亲，5-10天到货");
  });
});

describe("parseCsv", () => {
  it("reads back exactly what it wrote, formula guard included", () => {
    const records = [
      record({ text: '多行\r\n"引号", 逗号' }),
      record({ scope: "team", shortcut: "=x", text: "-5元" }),
      record({ category: "", shortcut: "empty", text: "@所有人" }),
    ];
    expect(parseCsv(formatCsv(records)).map((r) => r.record)).toEqual(records);
  });

  it("accepts a file without BOM, with LF lines, a missing final newline and blank lines", () => {
    const rows = parseCsv("scope,category,shortcut,text\n\npersonal,a,b,c\npersonal,d,e,f");
    expect(rows).toEqual([
      { line: 3, record: { scope: "personal", category: "a", shortcut: "b", text: "c" } },
      { line: 4, record: { scope: "personal", category: "d", shortcut: "e", text: "f" } },
    ]);
  });

  it("counts lines inside quoted cells, so later errors point at the right line", () => {
    const err = csvError('scope,category,shortcut,text\r\npersonal,a,b,"一\r\n二\r\n三"\r\npersonal,a,c\r\n');
    expect([err.line, err.column]).toEqual([5, "text"]);
  });

  it("names the line and column of each kind of mistake", () => {
    const cases: [string, number, string][] = [
      ["", 1, "scope"],
      ["scope,category,text,shortcut\r\n", 1, "shortcut"],
      ["scope,category,shortcut,text,extra\r\n", 1, "#5"],
      ['scope,category,shortcut,text\r\npersonal,a,b,"never closed\r\nmore', 2, "text"],
      ['scope,category,shortcut,text\r\npersonal,"a"x,b,c\r\n', 2, "category"],
      ['scope,category,shortcut,text\r\npersonal,a,b"c,d\r\n', 2, "shortcut"],
      ["scope,category,shortcut,text\r\npersonal,a,b,c,d\r\n", 2, "#5"],
      ["scope,category,shortcut,text\r\npersonal,a\r\n", 2, "shortcut"],
    ];
    for (const [text, line, column] of cases) {
      const err = csvError(text);
      expect({ text, line: err.line, column: err.column }).toEqual({ text, line, column });
      expect(err.message).toMatch(new RegExp(`^line ${line}, column ${column.replace("#", "\\#")}: `));
    }
  });
});
