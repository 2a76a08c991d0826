// QinDesk built in memory on a real database (PGlite, or PostgreSQL with DATABASE_URL),
// with the demo shop loaded, for API tests through app.inject and real sockets.
import { LoginThrottle } from "../src/platform/auth/login-throttle";
import type { LlmConfig } from "../src/platform/config";
import { buildQinDesk, type QinDesk } from "../src/main";
import { seedDemo } from "../src/demo/seed";
import { DEMO_PASSWORD } from "../src/demo/demo-shop";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestApp {
  qindesk: QinDesk;
  database: TestDatabase;
  workspaceId: string;
  /** Signs in; returns the cookie header and the CSRF token for writes. */
  signIn(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  agentId: string;
  headers: { cookie: string; "x-csrf-token": string };
}

export async function createTestApp(options: { throttle?: LoginThrottle; llm?: LlmConfig; startJobs?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const { workspaceId } = await seedDemo(database.db);
  const qindesk = await buildQinDesk({
    database,
    config: { trustProxy: false, logLevel: "silent", secureCookies: false, redisUrl: null, llm: options.llm ?? null },
    // Generous by default so tests that sign in often are not throttled.
    throttle: options.throttle ?? new LoginThrottle({ maxFailures: 1000, windowMs: 60_000 }, { maxFailures: 1000, windowMs: 60_000 }),
    // Tests run due jobs when they want them (qindesk.jobs.runDue()), so timers never race an assertion.
    startJobs: options.startJobs ?? false,
  });
  return {
    qindesk,
    database,
    workspaceId,
    async signIn(email, password = DEMO_PASSWORD) {
      const res = await qindesk.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
      const raw = res.cookies.find((c) => c.name === "qd_session")!;
      const body = res.json<{ csrfToken: string; agent: { id: string } }>();
      const cookie = `qd_session=${raw.value}`;
      return { cookie, csrf: body.csrfToken, agentId: body.agent.id, headers: { cookie, "x-csrf-token": body.csrfToken } };
    },
    async close() {
      await qindesk.close();
      await database.close();
    },
  };
}
