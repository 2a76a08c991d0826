// `qindesk credit FILE [--json]` (CONTRACTS §5): shop credit from a trades file. Needs
// no database; a million trades (~200 MB of JSON) is read whole and parsed at once.
import { readFile } from "node:fs/promises";
import { CREDIT_LEVELS, computeCredit, creditLevelSymbol, CreditInputError, parseCreditInput, type CreditOutcome, type CreditResult } from "../../modules/credit";
import { parseCommandArgs } from "../args";
import { CliError } from "../cli-error";
import type { Command } from "../main";

async function readCreditFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (code ?? String(err));
    throw new CliError(`cannot read ${path}: ${why}`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new CliError(`${path} is not valid JSON: ${detail}`);
  }
}

/** Exactly the contract's shape: `outcome` is ours and stays out of it. */
function toContractJson(result: CreditResult): string {
  const { index, tier, rank } = result.level;
  const trades = result.trades.map(({ id, points, note }) => ({ id, points, note }));
  return JSON.stringify({ score: result.score, level: { index, tier, rank }, trades });
}

const OUTCOME_LABELS: [CreditOutcome, string][] = [
  ["rated", "buyer ratings counted"],
  ["default-good", "default goods"],
  ["same-item", "same item within the window: counted once"],
  ["capped", "past the monthly cap"],
  ["rating-refused", "ratings outside their validity"],
  ["no-rating", "no rating (yet)"],
  ["not-counted", "not counted (not a successful escrow trade)"],
];

const NOTABLE = new Set<CreditOutcome>(["default-good", "same-item", "capped", "rating-refused", "not-counted"]);
const TABLE_ROWS = 20;

function summary(result: CreditResult): string {
  const { level } = result;
  const symbol = creditLevelSymbol(level);
  const firstHeart = CREDIT_LEVELS[1]!.minScore;
  const levelText = level.tier === "none" ? `no level yet (${firstHeart} points earn the first heart)` : `${symbol} ${level.tier} ${level.rank} (level ${level.index})`;
  const counts = new Map<CreditOutcome, number>();
  for (const trade of result.trades) counts.set(trade.outcome, (counts.get(trade.outcome) ?? 0) + 1);
  const lines = [`score ${result.score}, ${levelText}`, `${result.trades.length} trades:`];
  for (const [outcome, label] of OUTCOME_LABELS) lines.push(`  ${String(counts.get(outcome) ?? 0).padStart(9)}  ${label}`);

  // Trades worth a look: every nonzero or notable one; on a big shop, plain goods give way.
  let notable = result.trades.filter((t) => t.points !== 0 || NOTABLE.has(t.outcome));
  const total = notable.length;
  if (total > TABLE_ROWS) notable = notable.filter((t) => !(t.outcome === "rated" && t.points > 0));
  const shown = notable.slice(0, TABLE_ROWS);
  if (shown.length > 0) {
    const idWidth = Math.min(24, Math.max(5, ...shown.map((t) => t.id.length)));
    lines.push("", `${"trade".padEnd(idWidth)}  points  note`);
    for (const t of shown) {
      const points = t.points > 0 ? `+${t.points}` : String(t.points);
      lines.push(`${t.id.padEnd(idWidth)}  ${points.padStart(6)}  ${t.note}`);
    }
    if (total > shown.length) lines.push(`… ${total - shown.length} more not shown (--json lists every trade)`);
  }
  return lines.join("\n");
}

export const command: Command = {
  summary: "shop credit score and level from a trades file",
  usage: "credit FILE [--json]",
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean" } });
    if (positionals.length !== 1) throw new CliError("expected one FILE (usage: qindesk credit FILE [--json])", 2);
    const path = positionals[0]!;
    const json = await readCreditFile(path);
    let result: CreditResult;
    try {
      result = computeCredit(parseCreditInput(json));
    } catch (err) {
      if (err instanceof CreditInputError) throw new CliError(`${path}: ${err.message}`);
      throw err;
    }
    process.stdout.write((values.json ? toContractJson(result) : summary(result)) + "\n");
    return 0;
  },
};
