import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnName, neutralise, toCsv, toXlsx } from "./spreadsheet";

describe("formula injection", () => {
  it("escapes text that a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+86 138", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ["亲，价格", "a=b", "", "1-2"]) expect(neutralise(text)).toBe(text);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting, keeps numbers as numbers, starts with a BOM", () => {
    const csv = toCsv([
      ["名字", "比率", "说明"],
      ["小美", 0.1234, 'say "hi", then\nleave'],
      ['=HYPERLINK("http://x")', -12.5, null],
    ]);
    expect(csv).toBe('\uFEFF名字,比率,说明\r\n小美,0.1234,"say ""hi"", then\nleave"\r\n"\'=HYPERLINK(""http://x"")",-12.5,\r\n');
  });
});

describe("XLSX", () => {
  it("writes one worksheet per sheet with escaped inline strings and numbers", () => {
    const bytes = toXlsx([
      { name: "汇总", rows: [["key", "value"], ["<sales> & co", 2879.9], ["@cmd", null]] },
      { name: "a/b:c", rows: [[1, 2, 3]] },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect(workbook).toContain('name="汇总"');
    expect(workbook).toContain('name="a b c"');
    const sheet1 = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet1).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">&lt;sales&gt; &amp; co</t></is></c><c r="B2"><v>2879.9</v></c>');
    expect(sheet1).toContain("<t xml:space=\"preserve\">'@cmd</t>");
    expect(strFromU8(files["xl/worksheets/sheet2.xml"]!)).toContain('<c r="C1"><v>3</v></c>');
  });
  it("names columns past Z", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
  it("needs a sheet", () => {
    expect(() => toXlsx([])).toThrow();
  });
});
