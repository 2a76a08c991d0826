// `qindesk start` as a user runs it: demo data on first start, one process per data
// directory (a second one is told who holds it), clean shutdown on SIGTERM.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const bin = path.resolve("bin/qindesk.mjs");
const dataDir = mkdtempSync(path.join(tmpdir(), "qindesk-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The embedded database only: the data-directory rules are PGlite's.
const env = { ...process.env, QINDESK_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server and waits until /api/health answers. */
async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, "start"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  let healthy = false;
  while (!healthy && Date.now() < deadline) {
    healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (!healthy) await new Promise((r) => setTimeout(r, 250));
  }
  return { child, port, exited, healthy, output: () => output };
}

describe("qindesk start", () => {
  it("serves the demo shop, refuses a second process on the same data, and stops cleanly on SIGTERM", async () => {
    const server = await startServer();
    try {
      expect(server.healthy, server.output()).toBe(true);
      expect(server.output()).toContain(`http://127.0.0.1:${server.port}`);
      expect(server.output()).toContain("owner@demo.qindesk");
      expect(server.output()).toContain("qindesk-demo");

      const second = spawnSync(process.execPath, [bin, "migrate"], { env, encoding: "utf8" });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`in use by process ${server.child.pid}`);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
    expect(existsSync(path.join(dataDir, "qindesk.lock"))).toBe(false);
  }, 120_000);

  it("starts again on the same data without loading the demo shop twice", async () => {
    const server = await startServer();
    try {
      expect(server.healthy, server.output()).toBe(true);
      expect(server.output()).not.toContain("created now");
      const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "owner@demo.qindesk", password: "qindesk-demo" }),
      });
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const me = (await (await fetch(`http://127.0.0.1:${server.port}/api/me`, { headers: { cookie } })).json()) as { shops: unknown[] };
      expect(me.shops).toHaveLength(1);
      const agents = (await (await fetch(`http://127.0.0.1:${server.port}/api/v1/agents`, { headers: { cookie } })).json()) as { items: unknown[] };
      expect(agents.items).toHaveLength(4);
    } finally {
      server.child.kill("SIGINT");
    }
    expect(await server.exited).toBe(0);
  }, 120_000);
});
