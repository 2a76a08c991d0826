// Builds the agent workbench (web/) and, when present, the buyer widget (widget/) with
// Vite's JS API. The server awaits ensureWebBuilt() at start, so a fresh checkout serves
// the pages without a separate build step; an up-to-date build is skipped in milliseconds.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const WEB_CONFIG = join(root, "web", "vite.config.ts");
const WIDGET_CONFIG = join(root, "widget", "vite.config.ts");
const STOREFRONT_CONFIG = join(root, "widget", "vite.storefront.config.ts");
const MARKER = join(root, "web", "dist", "index.html");
const LOCK = join(root, "web", ".build-lock");
const LOCK_STALE_MS = 5 * 60_000;
const SOURCES = [
  join(root, "web", "src"),
  join(root, "web", "index.html"),
  WEB_CONFIG,
  join(root, "widget", "src"),
  join(root, "widget", "index.html"),
  WIDGET_CONFIG,
  STOREFRONT_CONFIG,
  join(root, "widget", "vite.lib.ts"),
];

/** Newest modification time under `path` (0 when it does not exist). */
function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why a build is needed, or null when web/dist/index.html is newer than every source. */
export function staleReason() {
  if (!existsSync(MARKER)) return "no build yet";
  const builtAt = statSync(MARKER).mtimeMs;
  for (const source of SOURCES) {
    if (newestMtime(source) > builtAt) return `${relative(root, source)} changed`;
  }
  return null;
}

/** Bytes and gzip bytes of the JS and CSS files a Vite build wrote. */
function measure(result) {
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
  const size = { js: 0, jsGzip: 0, css: 0, cssGzip: 0, largestJs: 0 };
  for (const item of outputs) {
    const body = item.type === "chunk" ? item.code : item.source;
    const bytes = typeof body === "string" ? Buffer.from(body) : Buffer.from(body ?? "");
    if (item.fileName.endsWith(".js")) {
      size.js += bytes.length;
      size.jsGzip += gzipSync(bytes).length;
      size.largestJs = Math.max(size.largestJs, bytes.length);
    } else if (item.fileName.endsWith(".css")) {
      size.css += bytes.length;
      size.cssGzip += gzipSync(bytes).length;
    }
  }
  return size;
}

/**
 * Two processes building at once (a server starting while tests run) would empty each
 * other's web/dist mid-write; a directory is created atomically, so it serves as the lock.
 */
async function withBuildLock(work) {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true }); // a crashed build
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

let inFlight = null;

/**
 * Builds what is stale (or everything with force). Resolves to what it did:
 * { built: false, reason } when skipped, { built: true, reason, ms, bundles: {web, widget?} } otherwise.
 */
export function ensureWebBuilt(force = false) {
  inFlight ??= (async () => {
    if (!force && !staleReason()) return { built: false, reason: "up to date" };
    // Checked again under the lock: another process may have just built it.
    return withBuildLock(() => build(force));
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function build(force) {
  const reason = force ? "forced" : staleReason();
  if (!reason) return { built: false, reason: "up to date" };
  let vite;
  try {
    vite = await import("vite");
  } catch (error) {
    // A production install without dev dependencies: serve the build we have, if any.
    if (existsSync(MARKER)) return { built: false, reason: `vite unavailable (${error.code ?? error.message}); serving the existing build` };
    throw new Error(`cannot build the web pages: vite is not installed (${error.code ?? error.message})`);
  }
  const started = Date.now();
  const bundles = {};
  // Vite keeps an inherited NODE_ENV: a build started from a test run (NODE_ENV=test)
  // would ship React's development build, 20 % larger and slow.
  const inherited = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    const options = { mode: "production", logLevel: "warn" };
    bundles.web = measure(await vite.build({ ...options, configFile: WEB_CONFIG }));
    if (existsSync(WIDGET_CONFIG)) bundles.widget = measure(await vite.build({ ...options, configFile: WIDGET_CONFIG }));
    if (existsSync(STOREFRONT_CONFIG)) bundles.storefront = measure(await vite.build({ ...options, configFile: STOREFRONT_CONFIG }));
  } finally {
    if (inherited === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = inherited;
  }
  return { built: true, reason, ms: Date.now() - started, bundles };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** One line for logs: what was built and how big it is. */
export function describeBuild(outcome) {
  if (!outcome.built) return `web build skipped: ${outcome.reason}`;
  const parts = Object.entries(outcome.bundles).map(
    ([name, s]) => `${name} js ${kb(s.js)} (gzip ${kb(s.jsGzip)}, largest ${kb(s.largestJs)}), css ${kb(s.css)}`,
  );
  return `web build done in ${(outcome.ms / 1000).toFixed(1)} s (${outcome.reason}): ${parts.join("; ")}`;
}
