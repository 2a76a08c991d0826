// Builds the web app once before the test files run (browser and start tests serve it),
// instead of several test processes racing to build the same web/dist.
// QINDESK_SKIP_WEB_BUILD=1 skips it while the web app is being edited (browser tests then use the last build).
export default async function setup(): Promise<void> {
  if (process.env.QINDESK_SKIP_WEB_BUILD === "1") return;
  const { ensureWebBuilt } = await import("../../scripts/build-web-lib.mjs");
  await ensureWebBuilt(false);
}
