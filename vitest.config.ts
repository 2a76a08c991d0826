import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "web/**/*.test.ts", "widget/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["node_modules/**", "dist/**"],
    globalSetup: ["server/test/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and socket tests poll for what the other side does; on a loaded CI machine
    // (2 cores, PostgreSQL, Chromium) a second is not always enough.
    expect: { poll: { timeout: 10_000 } },
  },
});
