// Request logs carry an id, the method, the path and the status: never cookies,
// query strings (widget tokens), passwords or addresses.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createHttpApp } from "./app";
import { route } from "./route";
import { z } from "zod";

describe("request logs", () => {
  it("hold no personal data", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const app = await createHttpApp({ sessions: { resolve: async () => null }, trustProxy: false, logLevel: "info", healthy: async () => true, logStream: stream });
    route(app, { method: "POST", url: "/api/v1/open", summary: "x", access: "public", body: z.object({ password: z.string(), phone: z.string() }), handler: async () => ({ ok: true }) });
    await app.ready();
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/open?token=secret-token-123",
      headers: { cookie: "qd_session=cookie-value-456", "x-forwarded-for": "203.0.113.9" },
      payload: { password: "hunter2-secret", phone: "13812341234" },
    });
    expect(res.statusCode).toBe(200);
    const log = lines.join("");
    expect(log).toContain('"reqId"');
    expect(log).toContain("/api/v1/open");
    for (const secret of ["secret-token-123", "cookie-value-456", "hunter2-secret", "13812341234", "203.0.113.9", "127.0.0.1"]) expect(log).not.toContain(secret);
  });
});
