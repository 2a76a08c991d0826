// What an agent must know about a product (SPEC §2; seeds 001, 003, 004): material, size
// chart, washing and care, selling points, who it suits, known limits (colour difference
// under studio light), common questions, and the shop's own search words (毛衣 for a
// 针织衫). Stored in products.attributes. Writes are checked strictly; reads are lenient, so
// attributes written before this shape (the demo shop, interchange files) stay readable:
// a size chart kept as an object becomes a list, a lone selling point a list of one, and
// keys this shape does not know are kept as they are.
import { z } from "zod";

const line = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const sizeChartRowShape = z.strictObject({
  size: line(20),
  /** Measurements and who it fits, e.g. "胸围 96 衣长 60，160–165 cm / 48–55 kg". */
  text: z.string().trim().max(200),
});

export const knowledgeShape = z.strictObject({
  material: optionalText(500),
  sizeChart: z
    .array(sizeChartRowShape)
    .max(30)
    .refine((rows) => new Set(rows.map((r) => r.size)).size === rows.length, "each size once")
    .optional(),
  care: optionalText(500),
  sellingPoints: z.array(line(200)).max(20).optional(),
  suits: optionalText(500),
  knownLimits: optionalText(500),
  faq: z.array(z.strictObject({ q: line(200), a: line(1000) })).max(30).optional(),
  keywords: z.array(line(50)).max(30).optional(),
});

export type Knowledge = z.output<typeof knowledgeShape>;
export type SizeChartRow = z.output<typeof sizeChartRowShape>;

export const KNOWLEDGE_KEYS = ["material", "sizeChart", "care", "sellingPoints", "suits", "knownLimits", "faq", "keywords"] as const satisfies readonly (keyof Knowledge)[];

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const strings = (v: unknown): string[] | undefined => {
  const list = (Array.isArray(v) ? v : [v]).map(str).filter((s): s is string => s !== undefined);
  return list.length > 0 ? list : undefined;
};

// PostgreSQL's jsonb keeps object keys sorted by length, so an old object-shaped chart
// comes back as L, M, S, XL. Known size names are put back in wearing order.
const SIZE_ORDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "2XL", "XXXL", "3XL", "4XL", "均码", "F"];
function sizeRank(size: string): number {
  const known = SIZE_ORDER.indexOf(size.toUpperCase());
  if (known >= 0) return known;
  const number = Number.parseFloat(size);
  return Number.isFinite(number) ? 100 + number : Number.POSITIVE_INFINITY;
}

function readSizeChart(v: unknown): SizeChartRow[] | undefined {
  let rows: SizeChartRow[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      const size = str((item as { size?: unknown } | null)?.size);
      if (size) rows.push({ size, text: str((item as { text?: unknown }).text) ?? "" });
    }
  } else if (v && typeof v === "object") {
    rows = Object.entries(v as Record<string, unknown>).map(([size, text]) => ({ size: size.trim(), text: str(text) ?? "" }));
    // Stable sort: sizes this list does not know keep the order they came in.
    rows.sort((a, b) => (sizeRank(a.size) === sizeRank(b.size) ? 0 : sizeRank(a.size) < sizeRank(b.size) ? -1 : 1));
  }
  rows = rows.filter((r, i) => r.size !== "" && rows.findIndex((o) => o.size === r.size) === i);
  return rows.length > 0 ? rows : undefined;
}

function readFaq(v: unknown): Knowledge["faq"] {
  if (!Array.isArray(v)) return undefined;
  const list = v
    .map((item) => ({ q: str((item as { q?: unknown } | null)?.q), a: str((item as { a?: unknown } | null)?.a) }))
    .filter((f): f is { q: string; a: string } => f.q !== undefined && f.a !== undefined);
  return list.length > 0 ? list : undefined;
}

/** The knowledge in stored attributes, whatever wrote them; never throws. */
export function readKnowledge(attributes: unknown): Knowledge {
  const a = attributes && typeof attributes === "object" && !Array.isArray(attributes) ? (attributes as Record<string, unknown>) : {};
  const out: Knowledge = {};
  const set = <K extends keyof Knowledge>(key: K, value: Knowledge[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set("material", str(a.material));
  set("sizeChart", readSizeChart(a.sizeChart));
  set("care", str(a.care));
  set("sellingPoints", strings(a.sellingPoints));
  set("suits", str(a.suits));
  set("knownLimits", strings(a.knownLimits)?.join("；"));
  set("faq", readFaq(a.faq));
  set("keywords", strings(a.keywords));
  return out;
}

/** Empty texts and lists are dropped, so "no material" is stored as no key at all. */
export function compactKnowledge(k: Knowledge): Knowledge {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(k)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as Knowledge;
}

/** New attributes: the knowledge replaces the known keys; keys it does not know are kept. */
export function withKnowledge(attributes: Record<string, unknown>, knowledge: Knowledge): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(attributes).filter(([key]) => !(KNOWLEDGE_KEYS as readonly string[]).includes(key)));
  return { ...kept, ...compactKnowledge(knowledge) };
}

/** The words of the knowledge that search reads (the size chart is numbers, left out). */
export function knowledgeText(k: Knowledge): string {
  return [k.material, k.care, ...(k.sellingPoints ?? []), k.suits, k.knownLimits, ...(k.faq ?? []).flatMap((f) => [f.q, f.a]), ...(k.keywords ?? [])]
    .filter((s): s is string => !!s)
    .join(" \n");
}
