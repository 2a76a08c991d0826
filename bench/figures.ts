// Report figures on one shop's month: 100k conversations, 1M messages, ~30k
// orders, in memory. Baseline: a plain loop that only counts the distinct
// inquiring buyers over the same arrays — the least any report must do.
// Run: npx tsx bench/figures.ts [conversations]   (default 100,000; deterministic data)
import {
  computeAgentFigures,
  computeFigures,
  computeFiguresByAgent,
  type FiguresConversation,
  type FiguresData,
  type FiguresMessage,
  type FiguresOrder,
} from "../server/src/modules/analytics";

const CONVERSATIONS = Number(process.argv[2] ?? 100_000);
const MESSAGES_PER_CONVERSATION = 10; // on average
const CUSTOMERS = Math.round(CONVERSATIONS * 0.6); // returning buyers open several conversations
const AGENTS = 40;
const TIMEZONE = "Asia/Shanghai";
const QUERY = { from: "2026-09-01", to: "2026-09-30" };
// Conversations from late August to early October, so that some fall outside the period.
const START = Date.parse("2026-08-25T00:00:00+08:00");
const SPAN = 45 * 86_400_000;

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

function generateShop(): FiguresData {
  const random = prng(20260901);
  const conversations: FiguresConversation[] = [];
  const messages: Omit<FiguresMessage, "seq">[] = [];
  const orders: FiguresOrder[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const customer = `c${Math.floor(CUSTOMERS * random())}`;
    const startedAt = START + Math.floor(random() * SPAN);
    const team = random() < 0.85 ? "presales" : "aftersales";
    conversations.push({ id: `v${i}`, customer, team, startedAt });
    const agent = `a${Math.floor(AGENTS * random())}`;
    const other = `a${Math.floor(AGENTS * random())}`;
    const count = 2 + Math.floor(random() * (2 * MESSAGES_PER_CONVERSATION - 3));
    let at = startedAt;
    for (let k = 0; k < count; k++) {
      const r = random();
      const from = k === 0 || r < 0.5 ? "buyer" : r < 0.9 ? "agent" : "bot";
      messages.push({ conversation: `v${i}`, from, ...(from === "agent" && { agent: r < 0.8 ? agent : other }), at });
      at += Math.floor(random() * (random() < 0.05 ? 3_600_000 : 120_000)); // seconds to minutes, sometimes an hour
    }
    if (team === "presales" && random() < 0.33) {
      const createdAt = at + Math.floor(random() * 2 * 86_400_000) - 3_600_000;
      const paidAt = random() < 0.8 ? createdAt + Math.floor(random() * 30 * 3_600_000) : null;
      orders.push({ id: `o${orders.length}`, customer, createdAt, paidAt, totalCents: 1990 + Math.floor(random() * 30_000) });
    }
  }
  // Silent orders (静默下单) from buyers who never chat.
  for (let i = 0; i < 2_000; i++) {
    const createdAt = START + Math.floor(random() * SPAN);
    orders.push({ id: `o${orders.length}`, customer: `silent${i}`, createdAt, paidAt: createdAt + 600_000, totalCents: 5990 });
  }
  // Messages arrive in time order across the whole shop; seq is that order.
  messages.sort((a, b) => a.at - b.at);
  return { timezone: TIMEZONE, conversations, messages: messages.map((m, seq) => ({ ...m, seq })), orders };
}

/** Baseline: distinct customers with a buyer message in the period in a pre-sales conversation. */
function countInquiringBuyers(data: FiguresData, periodStart: number, periodEnd: number): number {
  const presalesCustomer = new Map<string, string>();
  for (const c of data.conversations) if (c.team === "presales") presalesCustomer.set(c.id, c.customer);
  const buyers = new Set<string>();
  for (const m of data.messages) {
    if (m.from !== "buyer" || m.at < periodStart || m.at >= periodEnd) continue;
    const customer = presalesCustomer.get(m.conversation);
    if (customer !== undefined) buyers.add(customer);
  }
  return buyers.size;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time<T>(runs: number, work: () => T): { ms: number; result: T } {
  let result = work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), result };
}

const t0 = performance.now();
const shop = generateShop();
console.log(
  `generated ${shop.conversations.length.toLocaleString()} conversations, ${shop.messages.length.toLocaleString()} messages, ` +
    `${shop.orders.length.toLocaleString()} orders in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const periodStart = Date.parse("2026-09-01T00:00:00+08:00");
const periodEnd = Date.parse("2026-10-01T00:00:00+08:00");
const RUNS = 3;

// Three layouts of the same rows, each as fresh objects in that order (as a database driver allocates them):
// - time order (ORDER BY at, seq): the expected load;
// - by conversation (ORDER BY conversation, seq): not in time order across conversations, but each
//   conversation's own messages are, which is all the per-conversation state machines need;
// - shuffled: every conversation out of order, so all messages are sorted first.
const random = prng(7);
const layouts: [string, FiguresData][] = [
  ["time order", shop],
  [
    "by conversation",
    { ...shop, messages: [...shop.messages].sort((a, b) => (a.conversation < b.conversation ? -1 : a.conversation > b.conversation ? 1 : 0)).map((m) => ({ ...m })) },
  ],
  ["shuffled", { ...shop, messages: shop.messages.map((m) => ({ m, key: random() })).sort((a, b) => a.key - b.key).map(({ m }) => ({ ...m })) }],
];

console.log(`median of ${RUNS} runs (ms):`);
console.log(`  ${"layout".padEnd(16)} ${"baseline".padStart(9)} ${"figures".padStart(9)} ${"ratio".padStart(6)}`);
let reference = "";
for (const [name, data] of layouts) {
  const baseline = time(RUNS, () => countInquiringBuyers(data, periodStart, periodEnd));
  const figures = time(RUNS, () => computeFigures(data, QUERY));
  if (baseline.result !== figures.result.inquiringBuyers) throw new Error(`inquiring buyers disagree (${name})`);
  const json = JSON.stringify(figures.result);
  if (reference && json !== reference) throw new Error(`the ${name} layout changed the figures`);
  if (!reference) console.log(`  shop figures: ${(reference = json)}`);
  console.log(`  ${name.padEnd(16)} ${baseline.ms.toFixed(0).padStart(9)} ${figures.ms.toFixed(0).padStart(9)} ${`×${(figures.ms / baseline.ms).toFixed(2)}`.padStart(6)}`);
}

const baseline = time(RUNS, () => countInquiringBuyers(shop, periodStart, periodEnd));
const agent = time(RUNS, () => computeAgentFigures(shop, { ...QUERY, agent: "a7" }));
const all = time(RUNS, () => computeFiguresByAgent(shop, QUERY));
console.log(`  agent a7: ${JSON.stringify(agent.result)}`);
console.log(`  time order, baseline ${baseline.ms.toFixed(0)} ms; computeAgentFigures ${agent.ms.toFixed(0)} ms ×${(agent.ms / baseline.ms).toFixed(2)}; ` +
  `computeFiguresByAgent (${all.result.agents.size} agents + shop) ${all.ms.toFixed(0)} ms ×${(all.ms / baseline.ms).toFixed(2)}`);
