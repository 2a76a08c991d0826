// The size helper (issue 5): from the buyer's height and weight, the size the product's own
// chart says fits. Charts are written for people ("160–165 cm / 48–55 kg" beside each
// size), so the ranges are read from that text; a chart without them gives no advice
// rather than a guess. When height and weight point to different sizes, weight decides
// (tops fit by the body, seed 000 answers by weight) and the agent is told it is between.
export interface SizeAdvice {
  size: string;
  /** Both measurements fall in this size's ranges. */
  exact: boolean;
  /** The size the height alone would give, when it differs. */
  byHeight: string | null;
}

interface Range {
  size: string;
  height: [number, number];
  weight: [number, number];
}

const RANGE = /(\d{2,3})\s*[–~-]\s*(\d{2,3})\s*cm\s*\/\s*(\d{2,3})\s*[–~-]\s*(\d{2,3})\s*kg/i;

/** A chart as the catalog keeps it ([{size, text}], in wearing order) or as an older {size: text} object. */
export function sizeRanges(chart: unknown): Range[] {
  if (!chart || typeof chart !== "object") return [];
  const entries = Array.isArray(chart)
    ? chart.map((row: { size?: unknown; text?: unknown } | null) => [String(row?.size ?? ""), row?.text] as const)
    : Object.entries(chart as Record<string, unknown>);
  const ranges: Range[] = [];
  for (const [size, text] of entries) {
    const m = typeof text === "string" ? RANGE.exec(text) : null;
    if (m) ranges.push({ size, height: [Number(m[1]), Number(m[2])], weight: [Number(m[3]), Number(m[4])] });
  }
  return ranges;
}

const within = (value: number, [low, high]: [number, number]) => value >= low && value <= high;

/** The closest range to a value: the one containing it, else the nearest end, larger on a tie. */
function nearest(ranges: Range[], value: number, pick: (r: Range) => [number, number]): Range {
  let best = ranges[0]!;
  let bestDistance = Infinity;
  for (const range of ranges) {
    const [low, high] = pick(range);
    const distance = value < low ? low - value : value > high ? value - high : 0;
    if (distance <= bestDistance) {
      best = range;
      bestDistance = distance;
    }
  }
  return best;
}

export function adviseSize(chart: unknown, heightCm: number, weightKg: number): SizeAdvice | null {
  const ranges = sizeRanges(chart);
  if (ranges.length === 0 || !(heightCm > 0) || !(weightKg > 0)) return null;
  const both = ranges.filter((r) => within(heightCm, r.height) && within(weightKg, r.weight));
  if (both.length > 0) return { size: both[both.length - 1]!.size, exact: true, byHeight: null };
  const byWeight = nearest(ranges, weightKg, (r) => r.weight);
  const byHeight = nearest(ranges, heightCm, (r) => r.height);
  return { size: byWeight.size, exact: false, byHeight: byHeight.size === byWeight.size ? null : byHeight.size };
}
