// Precision and recall of the etiquette check on a hand-labelled list of drafts
// (server/src/modules/assistant/lint/fixtures/drafts.jsonl, half of them polite),
// against a raw baseline: a keyword matcher of each rule's obvious words, as the
// contract lists them. Run: npx tsx bench/lint-accuracy.ts
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { LINT_RULES, lintDraft, type LintRule } from "../server/src/modules/assistant/lint";

interface Labelled {
  text: string;
  expected: LintRule[];
}

// --holdout / --probe: the second and third lists, each labelled by hand before the
// linter first saw them (their first-run figures are in lint/README.md)
const fileName = process.argv.includes("--holdout") ? "drafts.holdout.jsonl" : process.argv.includes("--probe") ? "drafts.probe.jsonl" : "drafts.jsonl";
const fixture = fileURLToPath(new URL(`../server/src/modules/assistant/lint/fixtures/${fileName}`, import.meta.url));
const drafts: Labelled[] = readFileSync(fixture, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Labelled);

const NAIVE: Record<LintRule, RegExp> = {
  absolute_promise: /肯定|保证|绝对|100%|百分之百|一定会|guarantee|definitely|무조건/i,
  blame_buyer: /你为什么不|你自己没看|your problem|your fault/i,
  cold_refusal: /不行|不能|没有|^no\b|안 돼/i,
  rude: /爱买不买|滚|shut up|꺼져/i,
  privacy_leak: /1[3-9]\d{9}|\d{17}[\dXx]|[路街]\d+号/,
};

function naive(text: string): Set<LintRule> {
  return new Set(LINT_RULES.filter((rule) => NAIVE[rule].test(text)));
}

function ours(text: string): Set<LintRule> {
  return new Set(lintDraft(text).issues.map((i) => i.rule));
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

function score(predict: (text: string) => Set<LintRule>) {
  const perRule = new Map<LintRule, Score>(LINT_RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  let cleanKeptClean = 0;
  let cleanTotal = 0;
  let exact = 0;
  const misses: string[] = [];
  for (const d of drafts) {
    const got = predict(d.text);
    const want = new Set(d.expected);
    if (want.size === 0) {
      cleanTotal++;
      if (got.size === 0) cleanKeptClean++;
    }
    if (got.size === want.size && [...got].every((r) => want.has(r))) exact++;
    else misses.push(`  want [${[...want].join(",")}] got [${[...got].join(",")}]  ${d.text}`);
    for (const rule of LINT_RULES) {
      const s = perRule.get(rule)!;
      if (got.has(rule) && want.has(rule)) s.tp++;
      else if (got.has(rule)) s.fp++;
      else if (want.has(rule)) s.fn++;
    }
  }
  const total = [...perRule.values()].reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  return { perRule, total, cleanKeptClean, cleanTotal, exact, misses };
}

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) + "%" : "   n/a");
const prf = (s: Score) => {
  const p = s.tp / (s.tp + s.fp);
  const r = s.tp / (s.tp + s.fn);
  return { p, r, f: (2 * p * r) / (p + r) };
};

function timeIt(fn: (text: string) => unknown, rounds: number): number {
  const t0 = performance.now();
  for (let k = 0; k < rounds; k++) for (const d of drafts) fn(d.text);
  return (rounds * drafts.length) / ((performance.now() - t0) / 1000);
}

const a = score(ours);
const b = score(naive);
console.log(`lint accuracy on ${drafts.length} labelled drafts of ${fileName} (${a.cleanTotal} polite)\n`);
console.log(`${"rule".padEnd(18)} ${"ours P".padStart(7)} ${"R".padStart(6)} ${"F1".padStart(6)}   ${"naive P".padStart(7)} ${"R".padStart(6)} ${"F1".padStart(6)}`);
for (const rule of [...LINT_RULES, "all" as const]) {
  const x = prf(rule === "all" ? a.total : a.perRule.get(rule)!);
  const y = prf(rule === "all" ? b.total : b.perRule.get(rule)!);
  console.log(`${rule.padEnd(18)} ${pct(x.p).padStart(7)} ${pct(x.r)} ${pct(x.f)}   ${pct(y.p).padStart(7)} ${pct(y.r)} ${pct(y.f)}`);
}
console.log(`\npolite drafts with zero flags: ours ${a.cleanKeptClean}/${a.cleanTotal}, naive ${b.cleanKeptClean}/${b.cleanTotal}`);
console.log(`drafts labelled exactly right: ours ${a.exact}/${drafts.length}, naive ${b.exact}/${drafts.length}`);
const fOurs = prf(a.total).f;
const fNaive = prf(b.total).f;
console.log(`micro-F1 ratio ours/naive: ${(fOurs / fNaive).toFixed(2)}×`);

const flagged = drafts.map((d) => lintDraft(d.text).issues).filter((issues) => issues.length > 0);
const cleanRewrites = flagged.filter((issues) => lintDraft(issues[0]!.suggestion).issues.length === 0).length;
console.log(`suggestions that lint clean: ${cleanRewrites} of ${flagged.length} flagged drafts`);

const rounds = 20;
const oursRate = timeIt((t) => lintDraft(t), rounds);
const naiveRate = timeIt(naive, rounds);
console.log(`throughput: ours ${Math.round(oursRate)} drafts/s, naive ${Math.round(naiveRate)} drafts/s (ours is ${(naiveRate / oursRate).toFixed(0)}× slower)`);

if (process.argv.includes("--misses")) {
  console.log("\nours, drafts not labelled exactly:\n" + a.misses.join("\n"));
}
