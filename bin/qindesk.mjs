#!/usr/bin/env node
// The `qindesk` command. The server and CLI are TypeScript run through tsx, so a
// fresh `npm ci` needs no build step for them.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/src/cli/main.ts");
const code = await main(process.argv.slice(2));
if (typeof code === "number") process.exitCode = code;
