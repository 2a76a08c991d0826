// Credit engine throughput on 1M trades (goal: ≥ 200k trades/s), against a raw loop
// that only sums the ratings of successful escrow trades over the same array.
// Run: npx tsx bench/credit.ts [trades]   (default 1,000,000; deterministic data)
import { computeCredit, parseCreditInput, type BuyerRating, type CreditTrade } from "../server/src/modules/credit";

const TRADES = Number(process.argv[2] ?? 1_000_000);
const BUYERS = 50_000;
const ITEMS = 2_000;
const DAY = 86_400_000;
const START = Date.parse("2024-05-01T00:00:00+08:00");
const SPAN = 730 * DAY;
const AS_OF = START + SPAN;

/** mulberry32: small, fast, and the same numbers on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateTrades(count: number): CreditTrade[] {
  const random = prng(20260501);
  const trades: CreditTrade[] = new Array<CreditTrade>(count);
  for (let i = 0; i < count; i++) {
    // Skewed: a few regulars buy often (they hit the monthly cap and same-item windows).
    const buyer = `b${Math.floor(BUYERS * random() ** 2.5)}`;
    const item = `i${Math.floor(ITEMS * random() ** 2)}`;
    const createdAt = START + Math.floor(random() * SPAN);
    const s = random();
    const status = s < 0.86 ? "success" : s < 0.95 ? "closed" : "refunded";
    const escrow = random() < 0.96;
    const r = random();
    let buyerRating: BuyerRating | null = null;
    let buyerRatedAt: number | null = null;
    let sellerRatedAt: number | null = null;
    if (r < 0.62) {
      const q = random();
      buyerRating = q < 0.86 ? "good" : q < 0.94 ? "neutral" : "bad";
      // Mostly within days; a few late (outside the 345-day window) or before asOf's reach.
      buyerRatedAt = createdAt + Math.floor((random() < 0.02 ? 340 + random() * 20 : random() * 20) * DAY);
    } else if (r < 0.9) {
      sellerRatedAt = createdAt + Math.floor(random() * 15 * DAY);
    }
    trades[i] = { id: `t${i}`, buyer, item, createdAt, status, escrow, buyerRating, buyerRatedAt, sellerRatedAt };
  }
  return trades;
}

/** The least any credit computation must do: one pass, sum the ratings that could count. */
function rawSum(trades: readonly CreditTrade[]): number {
  let score = 0;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    if (t.status === "success" && t.escrow) score += t.buyerRating === "good" ? 1 : t.buyerRating === "bad" ? -1 : 0;
  }
  return score;
}

function best<T>(runs: number, work: () => T): { ms: number; value: T } {
  let ms = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    value = work();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value };
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
const fmt = (n: number) => n.toLocaleString("en-US");

const trades = generateTrades(TRADES);
const input = { asOf: AS_OF, trades };

const raw = best(5, () => rawSum(trades));
// The first run also fills the time-zone offset tables (Intl, once per hour of the data's span), as a CLI run does.
const cold = best(1, () => computeCredit(input));
const engine = best(3, () => computeCredit(input));
// Copies, so that objects lie in memory in array order as they do after JSON.parse of a file.
const sortedInput = { asOf: AS_OF, trades: [...trades].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).map((t) => ({ ...t })) };
const engineSorted = best(3, () => computeCredit(sortedInput));

const outcomes = new Map<string, number>();
for (const t of engine.value.trades) outcomes.set(t.outcome, (outcomes.get(t.outcome) ?? 0) + 1);

console.log(`credit bench: ${fmt(TRADES)} trades, ${fmt(BUYERS)} buyers, ${fmt(ITEMS)} items, 2 years`);
console.log(`  raw sum (baseline)         ${raw.ms.toFixed(0).padStart(6)} ms  ${fmt(perSecond(TRADES, raw.ms)).padStart(12)} trades/s  (raw score ${raw.value})`);
console.log(`  computeCredit (first run)  ${cold.ms.toFixed(0).padStart(6)} ms  ${fmt(perSecond(TRADES, cold.ms)).padStart(12)} trades/s`);
console.log(`  computeCredit (shuffled)   ${engine.ms.toFixed(0).padStart(6)} ms  ${fmt(perSecond(TRADES, engine.ms)).padStart(12)} trades/s  (score ${engine.value.score}, level ${engine.value.level.tier} ${engine.value.level.rank})`);
console.log(`  computeCredit (in order)   ${engineSorted.ms.toFixed(0).padStart(6)} ms  ${fmt(perSecond(TRADES, engineSorted.ms)).padStart(12)} trades/s`);
console.log(`  ratio engine / raw: ${(engine.ms / raw.ms).toFixed(1)}× slower (shuffled), ${(engineSorted.ms / raw.ms).toFixed(1)}× (in order), ${(cold.ms / raw.ms).toFixed(1)}× (first run)`);
console.log(`  outcomes: ${[...outcomes].map(([k, v]) => `${k} ${fmt(v)}`).join(", ")}`);
if (engineSorted.value.score !== engine.value.score) throw new Error("input order changed the score");

// The CLI path adds JSON validation; measured on the same trades written as the file would hold them.
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const file = {
  asOf: iso(AS_OF),
  trades: trades.map((t) => ({ ...t, createdAt: iso(t.createdAt), buyerRatedAt: iso(t.buyerRatedAt), sellerRatedAt: iso(t.sellerRatedAt) })),
};
const parse = best(1, () => parseCreditInput(file));
console.log(`  parseCreditInput (zod)     ${parse.ms.toFixed(0).padStart(6)} ms  ${fmt(perSecond(TRADES, parse.ms)).padStart(12)} trades/s`);
