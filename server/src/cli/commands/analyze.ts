// `qindesk analyze [--json]`: intent, confidence and sentiment of buyer messages
// (CONTRACTS.md §1, §6). Input is JSON lines {"text": "..."} on stdin; every line
// is checked before anything is written, so a bad line 900 leaves no half output.
import { parseCommandArgs } from "../args";
import { CliError } from "../cli-error";
import type { Command } from "../main";

interface InputLine {
  lineNumber: number;
  text: string;
}

/** Parses stdin: blank lines skipped, the first bad line reported by its 1-based number. */
export function parseAnalyzeInput(input: string): InputLine[] {
  const lines = input.replace(/^\uFEFF/, "").split("\n");
  const out: InputLine[] = [];
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CliError(`line ${i + 1}: not valid JSON`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new CliError(`line ${i + 1}: expected a JSON object with a string "text"`);
    }
    const text = (value as Record<string, unknown>).text;
    if (typeof text !== "string") throw new CliError(`line ${i + 1}: "text" missing or not a string`);
    out.push({ lineNumber: i + 1, text });
  });
  return out;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export const command: Command = {
  summary: "intent and sentiment of buyer messages: JSON lines {\"text\"} on stdin",
  usage: "analyze [--json]",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { json: { type: "boolean", default: false } }, false);
    const inputs = parseAnalyzeInput(await readStdin());
    if (inputs.length === 0) return 0;
    // Loaded only when there is something to analyse: training takes a moment.
    const { analyzeBuyerMessage } = await import("../../modules/assistant/intent/index");
    const out: string[] = [];
    for (const { text } of inputs) {
      const { intent, confidence, sentiment } = analyzeBuyerMessage(text);
      const rounded = Math.round(confidence * 1000) / 1000;
      out.push(
        values.json
          ? JSON.stringify({ text, intent, confidence: rounded, sentiment })
          : `${intent.padEnd(22)} (${confidence.toFixed(2)}) ${sentiment.padEnd(8)}  ${text.replace(/\s+/g, " ")}`,
      );
    }
    process.stdout.write(out.join("\n") + "\n");
    return 0;
  },
};
