// `qindesk lint [--json]` (CONTRACTS §1, §6): the etiquette check of agents' draft
// replies. Reads JSON lines {"text": "..."} on stdin, validates every line before
// writing anything, and writes one line per draft: with --json exactly
// {"text","issues":[{"rule","start","end","suggestion"}]}, otherwise the draft with the
// offending spans underlined, each rule, and the polite rewrite.
import { lintDraft, type LintIssue } from "../../modules/assistant/lint";
import { parseCommandArgs } from "../args";
import { CliError } from "../cli-error";
import type { Command } from "../main";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every draft of the input, or a CliError naming the first bad line (1-based). */
export function parseDraftLines(input: string): string[] {
  const drafts: string[] = [];
  const lines = input.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new CliError(`line ${i + 1}: not valid JSON (${detail})`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CliError(`line ${i + 1}: expected an object like {"text": "..."}`);
    const text = (value as { text?: unknown }).text;
    if (typeof text !== "string") throw new CliError(`line ${i + 1}: "text" must be a string`);
    drafts.push(text);
  }
  return drafts;
}

/** Terminal columns of a string: CJK, Hangul, full-width forms and emoji take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x1f000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** The readable form: the draft, a caret line under each issue, the rewrite. */
export function formatReadable(index: number, text: string, issues: LintIssue[]): string {
  const shown = text.replace(/[\n\r\t]/g, " ");
  const prefix = `#${index} `;
  const lines = [prefix + shown];
  const pad = " ".repeat(prefix.length);
  if (issues.length === 0) {
    lines.push(`${pad}ok: no etiquette issues`);
    return lines.join("\n");
  }
  for (const issue of issues) {
    const before = displayWidth(shown.slice(0, issue.start));
    const span = Math.max(1, displayWidth(shown.slice(issue.start, issue.end)));
    lines.push(`${pad}${" ".repeat(before)}${"^".repeat(span)} ${issue.rule} [${issue.start}, ${issue.end})`);
  }
  lines.push(`${pad}suggestion: ${issues[0]!.suggestion}`);
  return lines.join("\n");
}

export const command: Command = {
  summary: "etiquette check of draft replies: JSON lines {\"text\"} on stdin, one result per line",
  usage: "lint [--json]",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { json: { type: "boolean" } }, false);
    const drafts = parseDraftLines(await readStdin());
    const out: string[] = [];
    drafts.forEach((text, i) => {
      const { issues } = lintDraft(text);
      if (values.json) {
        // exactly the contract's keys, in the contract's order
        const contractIssues = issues.map(({ rule, start, end, suggestion }) => ({ rule, start, end, suggestion }));
        out.push(JSON.stringify({ text, issues: contractIssues }));
      } else out.push(formatReadable(i + 1, text, issues));
    });
    if (out.length > 0) process.stdout.write(out.join("\n") + "\n");
    return 0;
  },
};
