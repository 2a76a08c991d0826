// Live chat throughput and latency over loopback: many buyers send, agents receive. The
// same clients drive QinDesk (buildQinDesk, the real protocol) and a raw baseline in the
// same run (a plain `ws` server that stores each message with its seq in one transaction
// and broadcasts it), on PGlite in-process and on PostgreSQL, and the ratio is printed.
// Then memory per idle socket with 5,000 buyer sockets held by a child process.
// Run: npx tsx bench/chat.ts [--pg] [--buyers 200] [--agents 10] [--idle 5000] [--only pglite|postgres]
//   --pg (or DATABASE_URL) adds PostgreSQL: a fresh database under DATABASE_URL,
//   else postgres://postgres@127.0.0.1:5432/test, dropped afterwards.
// Baselines (issue 4): ≥ 1,000 msg/s on PGlite, ≥ 3,000 msg/s on PostgreSQL, p99 ≤ 100 ms, ratio ≥ 0.5.
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import WebSocket from "ws";
import { startOurs, startRaw, type Target } from "./chat-targets";

const { values } = parseArgs({
  options: {
    pg: { type: "boolean" },
    buyers: { type: "string" },
    agents: { type: "string" },
    idle: { type: "string" },
    only: { type: "string" },
    "idle-clients": { type: "string" },
  },
  allowPositionals: true,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The buyer rate limit is a burst of 10 per 10 s: one warm-up message (it opens the
// conversation) and PER_BUYER measured ones stay inside it.
const PER_BUYER = 8;

interface RunResult {
  messages: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
  p99All: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

/**
 * Buyers send PER_BUYER messages each; agents time each delivery. Without `pace` every
 * buyer keeps one message in flight (the most the server takes: throughput, and latency
 * under saturation). With `pace` the messages go out at that many per second whatever the
 * answers (open loop): the latency a buyer sees at that load.
 */
async function drive(target: Target, buyers: number, agents: number, pace?: number): Promise<RunResult> {
  const sentAt = new Map<string, number>();
  const firstDelivery = new Map<string, number>();
  const deliveries = new Map<string, number>();
  const allDelivered: number[] = [];
  const agentSockets = await Promise.all(Array.from({ length: agents }, (_, i) => open(target.agentUrl, target.agentHeaders(i))));
  for (const ws of agentSockets) {
    ws.on("message", (raw) => {
      const text = raw.toString();
      if (!text.startsWith('{"type":"message.new"')) return;
      const now = performance.now();
      const clientId = (JSON.parse(text) as { message: { clientId: string | null } }).message.clientId;
      if (!clientId || !sentAt.has(clientId)) return;
      if (!firstDelivery.has(clientId)) firstDelivery.set(clientId, now);
      const n = (deliveries.get(clientId) ?? 0) + 1;
      deliveries.set(clientId, n);
      if (n === agents) allDelivered.push(now - sentAt.get(clientId)!);
    });
  }
  const buyerSockets = await Promise.all(Array.from({ length: buyers }, (_, i) => open(target.buyerUrl(i))));
  let errors = 0;
  const acks = new Map<WebSocket, (ok: boolean) => void>();
  for (const ws of buyerSockets) {
    ws.on("message", (raw) => {
      const text = raw.toString();
      if (text.startsWith('{"type":"message.ack"')) acks.get(ws)?.(true);
      else if (text.startsWith('{"type":"error"')) acks.get(ws)?.(false);
    });
  }
  const say = (ws: WebSocket, text: string, timed: boolean) =>
    new Promise<boolean>((resolve) => {
      const clientId = randomUUID();
      acks.set(ws, resolve);
      if (timed) sentAt.set(clientId, performance.now());
      ws.send(JSON.stringify({ type: "message.send", clientId, text }));
    });
  // Open loop: several of one buyer's messages may be in flight; each ack is matched by client id.
  const openAcks = new Map<string, (ok: boolean) => void>();
  for (const ws of buyerSockets) {
    ws.on("message", (raw) => {
      const text = raw.toString();
      const id = /"clientId":"([^"]+)"/.exec(text)?.[1];
      if (id && (text.startsWith('{"type":"message.ack"') || text.startsWith('{"type":"error"'))) openAcks.get(id)?.(text.startsWith('{"type":"message.ack"'));
    });
  }
  const sayOpen = (ws: WebSocket, text: string) =>
    new Promise<boolean>((resolve) => {
      const clientId = randomUUID();
      openAcks.set(clientId, resolve);
      sentAt.set(clientId, performance.now());
      ws.send(JSON.stringify({ type: "message.send", clientId, text }));
    });
  // Warm-up: each buyer's first message opens its conversation (routing, welcome).
  await Promise.all(buyerSockets.map((ws, i) => say(ws, `你好 ${i}`, false)));
  await sleep(300);

  const started = performance.now();
  if (pace) {
    // Message n goes at started + n / pace, to buyer n % buyers (each buyer's sends spaced out).
    const total = buyers * PER_BUYER;
    const waits: Promise<boolean>[] = [];
    for (let n = 0; n < total; ) {
      const due = started + (n * 1000) / pace;
      const now = performance.now();
      if (due > now) await sleep(Math.max(1, due - now));
      for (; n < total && started + (n * 1000) / pace <= performance.now(); n++) {
        const ws = buyerSockets[n % buyers]!;
        waits.push(sayOpen(ws, `买家 ${n % buyers} 的第 ${Math.floor(n / buyers)} 条消息：这件衣服有 M 码吗？`));
      }
    }
    for (const ok of await Promise.all(waits)) if (!ok) errors++;
  } else {
    await Promise.all(
      buyerSockets.map(async (ws, i) => {
        for (let k = 0; k < PER_BUYER; k++) if (!(await say(ws, `买家 ${i} 的第 ${k} 条消息：这件衣服有 M 码吗？`, true))) errors++;
      }),
    );
  }
  // Wait for the last deliveries to land.
  const deadline = performance.now() + 10_000;
  while (firstDelivery.size < sentAt.size - errors && performance.now() < deadline) await sleep(5);
  const lastDelivery = Math.max(...firstDelivery.values());
  const latencies = [...firstDelivery].map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
  allDelivered.sort((a, b) => a - b);
  for (const ws of [...buyerSockets, ...agentSockets]) ws.terminate();
  const seconds = (lastDelivery - started) / 1000;
  return {
    messages: firstDelivery.size,
    seconds,
    rate: firstDelivery.size / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    p99All: percentile(allDelivered, 99),
    errors: errors + (sentAt.size - firstDelivery.size),
  };
}

function gc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** Idle buyer sockets held by a child process, so only the server's side is measured here. */
async function idleMemory(target: Target, count: number): Promise<{ perSocketBytes: number; heapPerSocket: number }> {
  await sleep(500);
  gc();
  const before = process.memoryUsage();
  const child = fork(fileURLToPath(import.meta.url), ["--idle-clients", String(count), target.buyerUrl(0)], { stdio: "inherit" });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`idle clients exited with ${code}`)));
  });
  await sleep(1000);
  gc();
  const after = process.memoryUsage();
  child.removeAllListeners("exit");
  child.kill();
  return { perSocketBytes: (after.rss - before.rss) / count, heapPerSocket: (after.heapUsed - before.heapUsed) / count };
}

async function holdIdleClients(count: number, url: string): Promise<void> {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i += 250) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(250, count - i) }, () => open(url)))));
  }
  process.send!("ready");
  await new Promise(() => undefined);
}

const fmt = (r: RunResult) =>
  `${r.rate.toFixed(0).padStart(6)} msg/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  p99(all agents) ${r.p99All.toFixed(1).padStart(6)} ms  (${r.messages} msgs in ${r.seconds.toFixed(2)} s, ${r.errors} errors)`;

async function main(): Promise<void> {
  const buyers = Number(values.buyers ?? 200);
  const agents = Number(values.agents ?? 10);
  const idle = Number(values.idle ?? 5000);
  const pgUrl = values.pg || process.env.DATABASE_URL ? (process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test") : null;
  const engines: ("pglite" | "postgres")[] = [];
  if (values.only !== "postgres") engines.push("pglite");
  if (pgUrl && values.only !== "pglite") engines.push("postgres");
  const targets = { pglite: 1000, postgres: 3000 };
  console.log(`bench/chat: ${buyers} buyers × ${PER_BUYER} messages, ${agents} agents, loopback, node ${process.version}`);
  for (const engine of engines) {
    const url = engine === "postgres" ? pgUrl : null;
    const raw = await startRaw(url);
    const rawResult = await drive(raw, buyers, agents);
    await raw.close();
    const ours = await startOurs(url, buyers, agents);
    const ourResult = await drive(ours, buyers, agents);
    const memory = idle > 0 ? await idleMemory(ours, idle) : null;
    const batching = ours.stats?.() ?? "";
    await ours.close();
    // The latency a buyer sees at the target load (or at 80 % of what we reached, if less), with fresh buyers.
    const paceRate = Math.round(Math.min(targets[engine], ourResult.rate * 0.8));
    const pacedTarget = await startOurs(url, buyers, agents);
    const paced = await drive(pacedTarget, buyers, agents, paceRate);
    await pacedTarget.close();
    const ratio = ourResult.rate / rawResult.rate;
    console.log(`\n[${engine}]`);
    console.log(`  raw baseline  ${fmt(rawResult)}`);
    console.log(`  QinDesk       ${fmt(ourResult)}`);
    console.log(`  ratio ${ratio.toFixed(2)} (goal ≥ 0.5)   rate goal ≥ ${targets[engine]} msg/s: ${ourResult.rate >= targets[engine] ? "met" : "NOT met"}   (saturated: every buyer with a message in flight)`);
    console.log(`  paced at ${paceRate} msg/s: p50 ${paced.p50.toFixed(1)} ms  p99 ${paced.p99.toFixed(1)} ms (${paced.errors} errors)   p99 goal ≤ 100 ms at ${targets[engine]} msg/s: ${paceRate >= targets[engine] && paced.p99 <= 100 ? "met" : "NOT met"}`);
    if (batching) console.log(`  ${batching}`);
    if (memory) console.log(`  idle sockets: ${idle} → ${(memory.perSocketBytes / 1024).toFixed(1)} KB RSS / socket, ${(memory.heapPerSocket / 1024).toFixed(1)} KB heap / socket`);
  }
}

if (values["idle-clients"]) await holdIdleClients(Number(values["idle-clients"]), process.argv[process.argv.length - 1]!);
else await main();
