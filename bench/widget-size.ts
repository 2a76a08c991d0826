// Size of the buyer widget bundle against its budget: it loads on every page of a shop's
// site, often over mobile networks, so it must stay small. Baseline: the 30 KB gzipped goal.
// Builds nothing: run `node scripts/build-web.mjs` first.
// Run: npx tsx bench/widget-size.ts [path]   (default web/dist/widget.js)
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const GOAL_GZIP_BYTES = 30 * 1024;
const path = process.argv[2] ?? fileURLToPath(new URL("../web/dist/widget.js", import.meta.url));

if (!existsSync(path)) {
  console.error(`widget bundle not found at ${path}; build it first: node scripts/build-web.mjs`);
  process.exit(1);
}

const raw = readFileSync(path);
// Level 9 is what a static server precompressing once would use; level 6 is the common
// on-the-fly default. Both are shown so the budget holds either way.
const gzip9 = gzipSync(raw, { level: 9 }).length;
const gzip6 = gzipSync(raw, { level: 6 }).length;
const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = gzip6 / GOAL_GZIP_BYTES;
console.log(`widget.js       raw ${kb(raw.length)} (${raw.length} bytes)`);
console.log(`gzip -6         ${kb(gzip6)} (${gzip6} bytes)`);
console.log(`gzip -9         ${kb(gzip9)} (${gzip9} bytes)`);
console.log(`brotli -11      ${kb(brotli)} (${brotli} bytes)`);
console.log(`goal            ${kb(GOAL_GZIP_BYTES)} gzipped: ${(ratio * 100).toFixed(1)} % of the budget (${ratio.toFixed(3)}×)`);
if (gzip6 > GOAL_GZIP_BYTES) {
  console.log("over budget");
  process.exitCode = 2;
}
