// Types for the server, which awaits import("../scripts/build-web-lib.mjs") at start.
export interface BundleSize {
  js: number;
  jsGzip: number;
  css: number;
  cssGzip: number;
  largestJs: number;
}
export type BuildOutcome =
  | { built: false; reason: string }
  | { built: true; reason: string; ms: number; bundles: { web: BundleSize; widget?: BundleSize } };

export function staleReason(): string | null;
export function ensureWebBuilt(force?: boolean): Promise<BuildOutcome>;
export function describeBuild(outcome: BuildOutcome): string;
