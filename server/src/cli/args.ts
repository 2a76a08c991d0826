import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error";

/** node:util parseArgs with errors turned into one-line CLI errors (exit 2 = usage). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), 2);
  }
}
