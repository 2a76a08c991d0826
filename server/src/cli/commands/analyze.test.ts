// `qindesk analyze` as users run it: a child process fed JSON lines on stdin.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { INTENTS, SENTIMENTS } from "../../modules/assistant/intent/index";
import { parseAnalyzeInput } from "./analyze";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

function analyze(input: string, args: string[] = ["--json"]) {
  const result = spawnSync(process.execPath, ["bin/qindesk.mjs", "analyze", ...args], { cwd: repoRoot, input, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("qindesk analyze", () => {
  it("writes one JSON line {text, intent, confidence, sentiment} per input line", () => {
    const input = ['{"text":"亲，能便宜点吗"}', '{"text":"Is this in stock in size M?"}', '{"text":"배송 언제 와요?"}'].join("\n") + "\n";
    const { code, stdout } = analyze(input);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.text)).toEqual(["亲，能便宜点吗", "Is this in stock in size M?", "배송 언제 와요?"]);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(["text", "intent", "confidence", "sentiment"]);
      expect(INTENTS).toContain(r.intent);
      expect(SENTIMENTS).toContain(r.sentiment);
      expect(typeof r.confidence).toBe("number");
      const confidence = r.confidence as number;
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      expect(Math.round(confidence * 1000) / 1000).toBe(confidence);
    }
    expect(records[0]?.intent).toBe("bargain");
    expect(records[1]?.intent).toBe("stock");
  });

  it("skips blank lines and keeps other fields out of the output", () => {
    const { code, stdout } = analyze('\n{"text":"在吗","id":7}\n\n   \n{"text":"谢谢"}\n');
    expect(code).toBe(0);
    const records = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.text, r.intent])).toEqual([
      ["在吗", "greeting"],
      ["谢谢", "other"],
    ]);
  });

  it("prints nothing and succeeds on empty input", () => {
    expect(analyze("")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("rejects a line that is not JSON, naming its line number, before writing anything", () => {
    const { code, stdout, stderr } = analyze('{"text":"在吗"}\n\n{"text": 在吗}\n{"text":"谢谢"}\n');
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe("qindesk analyze: line 3: not valid JSON");
  });

  it("rejects a line without a string text", () => {
    const { code, stdout, stderr } = analyze('{"text":"在吗"}\n{"txt":"在吗"}\n');
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("line 2:");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("without --json prints an aligned readable line per message", () => {
    const { code, stdout } = analyze('{"text":"包邮吗"}\n{"text":"物流五天没动了"}\n', []);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^gift_or_free_shipping {2}\(\d\.\d\d\) neutral {3}包邮吗$/);
    expect(lines[1]).toMatch(/^logistics_stuck {8}\(\d\.\d\d\) negative {2}物流五天没动了$/);
  });
});

describe("parseAnalyzeInput", () => {
  it("counts lines from 1 including blank ones, and accepts CRLF and a BOM", () => {
    expect(parseAnalyzeInput('\uFEFF{"text":"a"}\r\n\r\n{"text":"b"}\r\n')).toEqual([
      { lineNumber: 1, text: "a" },
      { lineNumber: 3, text: "b" },
    ]);
  });

  it("rejects JSON that is not an object with a string text", () => {
    expect(() => parseAnalyzeInput('["text"]')).toThrow("line 1:");
    expect(() => parseAnalyzeInput('{"text":5}')).toThrow("line 1:");
    expect(() => parseAnalyzeInput("null")).toThrow("line 1:");
  });
});
