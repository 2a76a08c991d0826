// Crash run: the real server (`node bin/qindesk.mjs start`) is killed with SIGKILL while
// buyers are sending, then started again on the same data. The buyers behave as the widget
// does (an outbox of un-acked sends with client ids, re-sent after reconnecting). Afterwards
// every acknowledged message must be stored exactly once with the seq its ack named, every
// send of the outbox stored once, and each conversation's seqs gapless.
// Run: npx tsx bench/chat-crash.ts [--pg] [--buyers 30] [--cycles 2]
//   PGlite in a temporary QINDESK_DATA_DIR by default; --pg (or DATABASE_URL set) uses a
//   fresh PostgreSQL database (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import WebSocket from "ws";
import type { ChatMessage, ServerEvent } from "../server/src/modules/conversations/chat-protocol";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CrashOptions {
  /** A postgres:// admin URL: a fresh database is made under it. Null: PGlite in a temp dir. */
  postgresUrl: string | null;
  buyers: number;
  cycles: number;
  /** Load before each kill, ms. */
  loadMs: number;
  log?: (line: string) => void;
}

export interface CrashResult {
  database: "pglite" | "postgres";
  sent: number;
  acked: number;
  /** Acks whose message was missing, stored twice, or stored under another seq. */
  lostAcked: number;
  duplicates: number;
  gaps: number;
  /** Sends of the outbox that never got stored. */
  unstored: number;
  kills: number;
  restartMs: number[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

class Server {
  child: ChildProcess | null = null;
  output = "";
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits until /api/health answers; returns how long that took. */
  async start(): Promise<number> {
    const started = Date.now();
    const child = spawn(process.execPath, ["bin/qindesk.mjs", "start"], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: "127.0.0.1", LOG_LEVEL: "warn", QINDESK_DEMO: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    // Generous: a first start may build the web app when its sources changed.
    while (Date.now() - started < 300_000) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`);
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) return Date.now() - started;
      } catch {
        // Not listening yet.
      }
      await sleep(150);
    }
    throw new Error(`server did not become healthy:\n${this.output}`);
  }

  /** kill -9: no shutdown hook runs, in-flight transactions die with the process. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  }
}

/** A buyer as the widget behaves: outbox, acks, reconnect with hello and re-send. */
class Buyer {
  readonly outbox = new Map<string, string>();
  readonly acked = new Map<string, number>();
  readonly sent: string[] = [];
  conversationId: string | null = null;
  lastSeq = 0;
  private socket: WebSocket | null = null;
  private retry: NodeJS.Timeout | null = null;
  stopped = false;

  constructor(
    private readonly server: Server,
    readonly token: string,
  ) {}

  connect(): void {
    if (this.stopped) return;
    const socket = new WebSocket(`${this.server.base.replace("http", "ws")}/api/widget/ws?token=${encodeURIComponent(this.token)}`);
    this.socket = socket;
    socket.on("message", (raw) => this.onEvent(JSON.parse(raw.toString()) as ServerEvent));
    socket.on("error", () => undefined);
    // The server is down or restarting: try again shortly, as the widget's backoff does.
    socket.on("close", () => {
      if (this.socket === socket) this.socket = null;
      if (!this.stopped) setTimeout(() => this.connect(), 300);
    });
  }

  private onEvent(e: ServerEvent): void {
    if (e.type === "ready") {
      this.raw({ type: "hello", lastSeq: this.conversationId ? { [this.conversationId]: this.lastSeq } : {} });
      this.resend();
    } else if (e.type === "message.ack") {
      this.conversationId ??= e.message.conversationId;
      this.outbox.delete(e.clientId);
      this.acked.set(e.clientId, e.message.seq);
    } else if (e.type === "message.new") {
      if (e.message.seq === this.lastSeq + 1) this.lastSeq = e.message.seq;
    } else if (e.type === "error" && e.code === "rate_limited") {
      // Not stored: the outbox goes again once the burst window refilled a little.
      this.retry ??= setTimeout(() => ((this.retry = null), this.resend()), 1100);
    }
  }

  private raw(event: unknown): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private resend(): void {
    for (const [clientId, text] of this.outbox) this.raw({ type: "message.send", clientId, text });
  }

  send(text: string): void {
    const clientId = randomUUID();
    this.sent.push(clientId);
    this.outbox.set(clientId, text);
    this.raw({ type: "message.send", clientId, text });
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.close();
  }
}

async function shopIdOf(server: Server): Promise<string> {
  const login = await fetch(`${server.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "owner@demo.qindesk", password: "qindesk-demo" }) });
  if (!login.ok) throw new Error(`owner sign-in: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const shops = (await (await fetch(`${server.base}/api/v1/shops`, { headers: { cookie } })).json()) as { items: { id: string }[] };
  return shops.items[0]!.id;
}

async function newBuyer(server: Server, shopId: string): Promise<Buyer> {
  const res = await fetch(`${server.base}/api/widget/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ shopId }) });
  if (!res.ok) throw new Error(`widget session: ${res.status}`);
  return new Buyer(server, ((await res.json()) as { token: string }).token);
}

/** Each buyer sends about one message a second (the rate limit allows a burst of 10 per 10 s). */
function load(buyers: Buyer[], ms: number, label: string): Promise<void> {
  return new Promise((resolve) => {
    let n = 0;
    const timers = buyers.map((b, i) =>
      setTimeout(() => {
        const every = setInterval(() => b.send(`${label} ${i} #${n++}`), 900);
        timers.push(every as unknown as NodeJS.Timeout);
      }, (i * 900) / buyers.length),
    );
    setTimeout(() => (timers.forEach((t) => clearTimeout(t) ?? clearInterval(t)), resolve()), ms);
  });
}

async function drained(buyers: Buyer[], timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (buyers.every((b) => b.outbox.size === 0)) return true;
    await sleep(200);
  }
  return false;
}

export async function crashRun(options: CrashOptions): Promise<CrashResult> {
  const log = options.log ?? (() => undefined);
  let dataDir: string | null = null;
  let dbName: string | null = null;
  const env: Record<string, string> = {};
  if (options.postgresUrl) {
    dbName = `qdcrash_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`create database "${dbName}"`);
    await admin.end();
    const url = new URL(options.postgresUrl);
    url.pathname = "/" + dbName;
    env.DATABASE_URL = url.toString();
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), "qindesk-crash-"));
    env.QINDESK_DATA_DIR = dataDir;
    env.DATABASE_URL = "";
  }
  const server = new Server(await freePort(), env);
  const buyers: Buyer[] = [];
  const restartMs: number[] = [];
  try {
    log(`starting ${options.postgresUrl ? "PostgreSQL" : "PGlite"} server on port ${server.port}`);
    restartMs.push(await server.start());
    const shopId = await shopIdOf(server);
    for (let i = 0; i < options.buyers; i++) buyers.push(await newBuyer(server, shopId));
    buyers.forEach((b) => b.connect());
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      await load(buyers, options.loadMs, `第${cycle}轮`);
      const acked = buyers.reduce((n, b) => n + b.acked.size, 0);
      const pending = buyers.reduce((n, b) => n + b.outbox.size, 0);
      await server.kill("SIGKILL");
      log(`cycle ${cycle}: kill -9 with ${acked} acked, ${pending} un-acked in outboxes`);
      // Buyers keep typing while the server is down: those go into the outbox only.
      buyers.forEach((b, i) => b.send(`停机时 ${cycle} ${i}`));
      restartMs.push(await server.start());
      log(`cycle ${cycle}: restarted in ${restartMs[restartMs.length - 1]} ms`);
    }
    await load(buyers, Math.min(options.loadMs, 2000), "收尾");
    const done = await drained(buyers, 30_000);
    log(done ? "all outboxes drained" : "outboxes did not drain in 30 s");
    buyers.forEach((b) => b.stop());
    return { ...(await verify(server, buyers)), database: options.postgresUrl ? "postgres" : "pglite", kills: options.cycles, restartMs };
  } finally {
    buyers.forEach((b) => b.stop());
    await server.kill("SIGTERM").catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dbName && options.postgresUrl) {
      const admin = new pg.Client({ connectionString: options.postgresUrl });
      await admin.connect();
      await admin.query(`drop database if exists "${dbName}" with (force)`);
      await admin.end();
    }
  }
}

async function verify(server: Server, buyers: Buyer[]): Promise<Omit<CrashResult, "database" | "kills" | "restartMs">> {
  let lostAcked = 0;
  let duplicates = 0;
  let gaps = 0;
  let unstored = 0;
  for (const b of buyers) {
    const res = await fetch(`${server.base}/api/widget/messages`, { headers: { authorization: `Bearer ${b.token}` } });
    const items = ((await res.json()) as { items: ChatMessage[] }).items;
    items.forEach((m, i) => (gaps += m.seq === i + 1 ? 0 : 1));
    const stored = new Map<string, number[]>();
    for (const m of items) if (m.clientId) stored.set(m.clientId, [...(stored.get(m.clientId) ?? []), m.seq]);
    for (const seqs of stored.values()) duplicates += seqs.length - 1;
    for (const [clientId, seq] of b.acked) {
      const seqs = stored.get(clientId);
      if (!seqs || seqs.length !== 1 || seqs[0] !== seq) lostAcked++;
    }
    for (const clientId of b.sent) if (!stored.has(clientId)) unstored++;
  }
  return {
    sent: buyers.reduce((n, b) => n + b.sent.length, 0),
    acked: buyers.reduce((n, b) => n + b.acked.size, 0),
    lostAcked,
    duplicates,
    gaps,
    unstored,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { pg: { type: "boolean" }, buyers: { type: "string" }, cycles: { type: "string" }, load: { type: "string" } } });
  const postgresUrl = values.pg || process.env.DATABASE_URL ? (process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test") : null;
  const result = await crashRun({
    postgresUrl,
    buyers: Number(values.buyers ?? 30),
    cycles: Number(values.cycles ?? 2),
    loadMs: Number(values.load ?? 4000),
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(result, null, 2));
  const ok = result.lostAcked === 0 && result.duplicates === 0 && result.gaps === 0 && result.unstored === 0;
  console.log(ok ? "PASS: every acknowledged message stored once, seqs gapless" : "FAIL");
  process.exitCode = ok ? 0 : 1;
}
