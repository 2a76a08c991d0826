// Builds the web app once before the test files run (browser and start tests serve it),
// instead of several test processes racing to build the same web/dist.
export default async function setup(): Promise<void> {
  const { ensureWebBuilt } = await import("../../scripts/build-web-lib.mjs");
  await ensureWebBuilt(false);
}
