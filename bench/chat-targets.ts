// The two servers bench/chat.ts drives with the same clients: QinDesk itself, and the raw
// baseline (plain `ws` + one transaction that takes the next seq and inserts + broadcast).
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { WebSocketServer, type WebSocket } from "ws";
import { buildQinDesk } from "../server/src/main";
import { seedDemo } from "../server/src/demo/seed";
import { insertAgent } from "../server/src/modules/staff";
import { hashPassword } from "../server/src/platform/auth/passwords";
import { LoginThrottle } from "../server/src/platform/auth/login-throttle";
import { openDatabase, type Database } from "../server/src/platform/db/database";
import { newId } from "../server/src/platform/db/ids";
import { migrateDatabase } from "../server/src/platform/db/migrate";

export interface Target {
  buyerUrl(i: number): string;
  agentUrl: string;
  agentHeaders(i: number): Record<string, string>;
  /** What the server did, in a line (QinDesk: how sends were grouped). */
  stats?(): string;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database under the admin URL, or null for PGlite in memory. */
async function freshDatabase(adminUrl: string | null): Promise<{ url: string | null; drop(): Promise<void> }> {
  if (!adminUrl) return { url: null, drop: async () => undefined };
  const name = `qdbench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = "/" + name;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

export async function startOurs(adminUrl: string | null, buyers: number, agents: number): Promise<Target> {
  const fresh = await freshDatabase(adminUrl);
  const database: Database = await openDatabase({ databaseUrl: fresh.url, dataDir: null, command: "bench" });
  await migrateDatabase(database);
  const { workspaceId } = await seedDemo(database.db);
  const passwordHash = await hashPassword("bench-password-1");
  const emails = Array.from({ length: agents }, (_, i) => `bench-agent-${i}@bench.qindesk`);
  for (const [i, email] of emails.entries()) {
    await insertAgent(database.db, { id: newId("agent"), workspaceId, name: `售前 ${i}`, email, passwordHash, role: "agent", team: "presales", maxChats: 1000 });
  }
  const qindesk = await buildQinDesk({
    database,
    config: { trustProxy: false, logLevel: "silent", secureCookies: false, redisUrl: null },
    throttle: new LoginThrottle({ maxFailures: 1000, windowMs: 60_000 }, { maxFailures: 1000, windowMs: 60_000 }),
  });
  const base = (await qindesk.app.listen({ port: 0, host: "127.0.0.1" })).replace("http", "ws");
  const cookies: string[] = [];
  for (const email of emails) {
    const res = await qindesk.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: "bench-password-1" } });
    cookies.push(`qd_session=${res.cookies.find((c) => c.name === "qd_session")!.value}`);
  }
  const owner = await qindesk.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "owner@demo.qindesk", password: "qindesk-demo" } });
  const ownerCookie = `qd_session=${owner.cookies.find((c) => c.name === "qd_session")!.value}`;
  const shopId = (await qindesk.app.inject({ url: "/api/v1/shops", headers: { cookie: ownerCookie } })).json<{ items: { id: string }[] }>().items[0]!.id;
  const tokens: string[] = [];
  for (let i = 0; i < buyers; i++) {
    const res = await qindesk.app.inject({ method: "POST", url: "/api/widget/session", payload: { shopId } });
    tokens.push(res.json<{ token: string }>().token);
  }
  return {
    buyerUrl: (i) => `${base}/api/widget/ws?token=${encodeURIComponent(tokens[i % tokens.length]!)}`,
    agentUrl: `${base}/api/ws`,
    agentHeaders: (i) => ({ cookie: cookies[i % cookies.length]! }),
    stats: () => {
      const { batches, batched, fallbacks } = qindesk.batcher.stats;
      return `group commit: ${batched} sends in ${batches} shared statements (${batches ? (batched / batches).toFixed(1) : 0} per statement), ${fallbacks} fell back`;
    },
    close: async () => {
      await qindesk.close();
      await database.close();
      await fresh.drop();
    },
  };
}

interface RawStore {
  store(conversationId: string, clientId: string, text: string): Promise<{ seq: number; createdAt: Date }>;
  close(): Promise<void>;
}

const SCHEMA = [
  "create table raw_conv (id text primary key, last_seq integer not null)",
  "create table raw_msg (id text primary key, conv_id text not null, seq integer not null, client_id text, text text not null, created_at timestamptz not null default now(), unique (conv_id, seq), unique (conv_id, client_id))",
];
// The seq is taken and the message inserted in one transaction, as QinDesk does.
const NEXT_SEQ = "insert into raw_conv (id, last_seq) values ($1, 1) on conflict (id) do update set last_seq = raw_conv.last_seq + 1 returning last_seq";
const INSERT = "insert into raw_msg (id, conv_id, seq, client_id, text) values ($1, $2, $3, $4, $5) returning created_at";

async function rawStore(url: string | null): Promise<RawStore> {
  if (!url) {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create();
    for (const statement of SCHEMA) await client.exec(statement);
    return {
      store: (conv, clientId, text) =>
        client.transaction(async (tx) => {
          const seq = (await tx.query<{ last_seq: number }>(NEXT_SEQ, [conv])).rows[0]!.last_seq;
          const created = (await tx.query<{ created_at: Date }>(INSERT, [randomUUID(), conv, seq, clientId, text])).rows[0]!.created_at;
          return { seq, createdAt: created };
        }),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  for (const statement of SCHEMA) await pool.query(statement);
  return {
    async store(conv, clientId, text) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const seq = (await client.query<{ last_seq: number }>(NEXT_SEQ, [conv])).rows[0]!.last_seq;
        const created = (await client.query<{ created_at: Date }>(INSERT, [randomUUID(), conv, seq, clientId, text])).rows[0]!.created_at;
        await client.query("commit");
        return { seq, createdAt: created };
      } catch (err) {
        await client.query("rollback");
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function startRaw(adminUrl: string | null): Promise<Target> {
  const fresh = await freshDatabase(adminUrl);
  const store = await rawStore(fresh.url);
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const agents = new Set<WebSocket>();
  wss.on("connection", (socket, request) => {
    if (request.url?.includes("agent=1")) {
      agents.add(socket);
      socket.on("close", () => agents.delete(socket));
      return;
    }
    const conversationId = randomUUID();
    let queue = Promise.resolve();
    socket.on("message", (data) => {
      queue = queue.then(async () => {
        const event = JSON.parse(data.toString()) as { clientId: string; text: string };
        const { seq, createdAt } = await store.store(conversationId, event.clientId, event.text);
        const message = { conversationId, seq, clientId: event.clientId, from: "buyer", text: event.text, createdAt: createdAt.toISOString() };
        socket.send(JSON.stringify({ type: "message.ack", clientId: event.clientId, message }));
        const out = JSON.stringify({ type: "message.new", message });
        for (const agent of agents) agent.send(out);
      });
    });
  });
  const base = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  return {
    buyerUrl: () => `${base}/buyer`,
    agentUrl: `${base}/?agent=1`,
    agentHeaders: () => ({}),
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
      await store.close();
      await fresh.drop();
    },
  };
}
