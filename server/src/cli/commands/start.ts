// `qindesk start [--demo]`: the server, as `npm start`. Builds the web app on first
// start, applies migrations, loads the demo shop once, and shuts down cleanly on
// SIGTERM/SIGINT (in-flight requests finish, sockets close, the database closes last).
import { loadConfig } from "../../platform/config";
import { buildQinDesk } from "../../main";
import { seedDemo, seedEmptyWorkspace } from "../../demo/seed";
import { DEMO_AGENTS, DEMO_PASSWORD } from "../../demo/demo-shop";
import { parseCommandArgs } from "../args";
import type { Command } from "../main";
import { openStore } from "../open-store";

async function ensureWebBuilt(): Promise<void> {
  const { describeBuild, ensureWebBuilt: build, staleReason } = await import("../../../../scripts/build-web-lib.mjs");
  const stale = staleReason();
  if (stale) console.log(`Building the web app (${stale}), this takes a few seconds…`);
  const outcome = await build(false);
  if (outcome.built) console.log(describeBuild(outcome));
}

export const command: Command = {
  summary: "run the QinDesk server (as npm start)",
  usage: "start [--demo]",
  async run(argv) {
    const { values } = parseCommandArgs(argv, { demo: { type: "boolean" } }, false);
    const config = loadConfig();
    const demo = values.demo === true || config.demo;
    await ensureWebBuilt();
    const database = await openStore("start", config);
    const seeded = demo
      ? await seedDemo(database.db)
      : await seedEmptyWorkspace(database.db, process.env.QINDESK_OWNER_EMAIL && process.env.QINDESK_OWNER_PASSWORD ? { email: process.env.QINDESK_OWNER_EMAIL, password: process.env.QINDESK_OWNER_PASSWORD } : null);
    const qindesk = await buildQinDesk({ config, database });
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      qindesk.app.log.info({ signal }, "shutting down");
      try {
        await qindesk.close();
      } finally {
        await database.close();
      }
      process.exit(0);
    };
    process.on("SIGTERM", () => void stop("SIGTERM"));
    process.on("SIGINT", () => void stop("SIGINT"));
    await qindesk.app.listen({ port: config.port, host: config.host });
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${config.port}`;
    console.log(`\nQinDesk is running at ${url}  (database: ${database.kind} ${database.location})`);
    if (demo) {
      console.log(`Demo shop: ${url}/demo/shop${seeded.created ? " (created now)" : ""}`);
      console.log(`Sign in at ${url} with ${DEMO_AGENTS.map((a) => a.email).join(", ")} — password ${DEMO_PASSWORD}\n`);
    }
    // Keep running until a signal arrives.
    await new Promise<never>(() => undefined);
    return 0;
  },
};
