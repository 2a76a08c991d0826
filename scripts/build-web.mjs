#!/usr/bin/env node
// `node scripts/build-web.mjs [--force]`: builds web/ (and widget/ when it exists) unless
// web/dist is newer than every source. Prints one line saying what it did.
import { describeBuild, ensureWebBuilt } from "./build-web-lib.mjs";

try {
  const outcome = await ensureWebBuilt(process.argv.includes("--force"));
  console.log(describeBuild(outcome));
} catch (error) {
  console.error(`web build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
