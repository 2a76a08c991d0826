import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { displayWidth, formatReadable, parseDraftLines } from "./lint";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

function qindeskLint(input: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/qindesk.mjs", "lint", ...args], { cwd: repoRoot, input, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("qindesk lint (spawned)", () => {
  it("answers the contract's smoke check", () => {
    const { code, stdout } = qindeskLint('{"text":"爱买不买"}\n', "--json");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as { text: string; issues: { rule: string; start: number; end: number; suggestion: string }[] };
    expect(Object.keys(result)).toEqual(["text", "issues"]);
    expect(result.text).toBe("爱买不买");
    expect(result.issues).toHaveLength(1);
    expect(Object.keys(result.issues[0]!)).toEqual(["rule", "start", "end", "suggestion"]);
    expect(result.issues[0]).toMatchObject({ rule: "rude", start: 0, end: 4 });
    expect(result.issues[0]!.suggestion).not.toContain("爱买不买");
  });

  it("writes one line per draft in input order, skipping blank lines, with UTF-16 offsets", () => {
    const input = ['{"text":"您的电话139****1234"}', "", "   ", '{"text":"😀😀肯定明天到","agent":"a1"}', '{"text":""}'].join("\n") + "\n";
    const { code, stdout } = qindeskLint(input, "--json");
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { text: string; issues: { rule: string; start: number; end: number }[] });
    expect(results.map((r) => r.text)).toEqual(["您的电话139****1234", "😀😀肯定明天到", ""]);
    expect(results[0]!.issues).toEqual([]);
    expect(results[1]!.issues.map(({ rule, start, end }) => ({ rule, start, end }))).toEqual([{ rule: "absolute_promise", start: 4, end: 9 }]);
    expect(results[2]!.issues).toEqual([]);
  });

  it("rejects a bad line before writing anything, naming the line", () => {
    const { code, stdout, stderr } = qindeskLint('{"text":"好的亲"}\n\n{"text": 42}\n', "--json");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("line 3");
    const notJson = qindeskLint('{"text":"好的亲"}\nnot json\n', "--json");
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toBe("");
    expect(notJson.stderr).toContain("line 2");
  });

  it("prints a readable report without --json", () => {
    const { code, stdout } = qindeskLint('{"text":"亲，肯定明天到"}\n');
    expect(code).toBe(0);
    expect(stdout).toContain("亲，肯定明天到");
    expect(stdout).toContain("absolute_promise");
    expect(stdout).toContain("suggestion: 亲，我们会尽量让您明天收到哦");
    expect(stdout).toMatch(/\^{10}/); // 肯定明天到: five wide characters
  });

  it("refuses unexpected arguments as a usage error", () => {
    const { code, stderr } = qindeskLint("", "somefile");
    expect(code).toBe(2);
    expect(stderr).toContain("qindesk lint:");
  });
});

describe("lint command helpers", () => {
  it("parses JSON lines and names the first bad one", () => {
    expect(parseDraftLines('{"text":"a"}\r\n\n{"text":"b"}')).toEqual(["a", "b"]);
    expect(() => parseDraftLines('{"text":"a"}\n[1]')).toThrow(/line 2/);
    expect(() => parseDraftLines('{"txt":"a"}')).toThrow(/line 1: "text" must be a string/);
  });

  it("measures terminal columns: CJK and emoji are two wide", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("亲，")).toBe(4);
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("안녕")).toBe(4);
  });

  it("puts the carets under the span even after emoji", () => {
    const out = formatReadable(1, "😀滚", [{ rule: "rude", start: 2, end: 3, suggestion: "请问还有什么可以帮您的吗" }]);
    const [draftLine, caretLine] = out.split("\n");
    expect(draftLine).toBe("#1 😀滚");
    expect(caretLine).toBe("   " + "  " + "^^ rude [2, 3)");
  });
});
