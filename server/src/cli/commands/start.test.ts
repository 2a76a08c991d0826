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

describe("qindesk start", () => {
  it("serves the demo shop, refuses a second process on the same data, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [bin, "start"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    server.stdout.on("data", (d: Buffer) => (output += d.toString()));
    server.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      let healthy = false;
      while (!healthy && Date.now() < deadline) {
        healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
        if (!healthy) await new Promise((r) => setTimeout(r, 250));
      }
      expect(healthy, output).toBe(true);
      expect(output).toContain(`http://127.0.0.1:${port}`);
      expect(output).toContain("owner@demo.qindesk");
      expect(output).toContain("qindesk-demo");

      const second = spawnSync(process.execPath, [bin, "migrate"], { env, encoding: "utf8" });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`in use by process ${server.pid}`);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      server.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, "qindesk.lock"))).toBe(false);
    // The data survived the shutdown intact and is usable again.
    const again = spawnSync(process.execPath, [bin, "migrate"], { env, encoding: "utf8" });
    expect(again.status, again.stderr).toBe(0);
  }, 120_000);
});
