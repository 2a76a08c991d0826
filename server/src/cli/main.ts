// The `qindesk` command line: one dispatcher, each command in its own file and
// loaded only when used so that `qindesk credit` does not pay for the server.
import { CliError } from "./cli-error";

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<{ command: Command }>> = {
  start: () => import("./commands/start"),
  migrate: () => import("./commands/migrate"),
  import: () => import("./commands/import"),
  export: () => import("./commands/export"),
  report: () => import("./commands/report"),
  credit: () => import("./commands/credit"),
  analyze: () => import("./commands/analyze"),
  lint: () => import("./commands/lint"),
};

async function help(): Promise<string> {
  const lines = ["Usage: qindesk <command> [options]", "", "Commands:"];
  for (const [name, load] of Object.entries(commands)) {
    try {
      const { command } = await load();
      lines.push(`  ${command.usage.padEnd(72)} ${command.summary}`);
    } catch {
      lines.push(`  ${name}`);
    }
  }
  lines.push("", "Environment: PORT, HOST, QINDESK_DATA_DIR, DATABASE_URL, REDIS_URL, QINDESK_DEMO=0");
  return lines.join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(await help());
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`qindesk: unknown command "${name}"\n\n${await help()}`);
    return 2;
  }
  try {
    const { command } = await load();
    if (rest.includes("--help") || rest.includes("-h")) {
      console.log(`Usage: qindesk ${command.usage}\n${command.summary}`);
      return 0;
    }
    return await command.run(rest);
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`qindesk ${name}: ${err.message}`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    console.error(`qindesk ${name}: ${message.split("\n")[0]}`);
    return 1;
  }
}
