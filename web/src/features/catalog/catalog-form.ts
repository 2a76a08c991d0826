// Pure helpers of the catalog pages: money typed in yuan ↔ integer fen (no floating point),
// the colour × size stock grid being edited and the changes it makes, and the knowledge
// form (lists typed one per line).
import type { CatalogSku, Knowledge, NewSku, StockItem } from "./catalog-api";

/** "128", "128.5", "¥1,280.00" → fen; "" → null; anything else (or > 2 decimals) → NaN. */
export function yuanToCents(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const clean = String(text).trim().replace(/^[¥￥]\s*/, "").replaceAll(",", "");
  if (clean === "") return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(clean);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export const centsToYuan = (cents: number | null | undefined) => (cents === null || cents === undefined ? "" : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);

export interface GridCell {
  sku: CatalogSku;
  /** What the editor typed; undefined = untouched. */
  stock?: number;
  displayedStock?: number | null;
}

export interface StockGrid {
  colors: string[];
  sizes: string[];
  cells: Map<string, GridCell>;
}

const EMPTY = "—";
export const cellKey = (color: string | null, size: string | null) => `${color ?? EMPTY}\n${size ?? EMPTY}`;

/** Colours in rows and sizes in columns, in the shop's SKU order. */
export function buildGrid(skus: readonly CatalogSku[]): StockGrid {
  const colors: string[] = [];
  const sizes: string[] = [];
  const cells = new Map<string, GridCell>();
  for (const sku of skus) {
    const color = sku.color ?? EMPTY;
    const size = sku.size ?? EMPTY;
    if (!colors.includes(color)) colors.push(color);
    if (!sizes.includes(size)) sizes.push(size);
    cells.set(cellKey(sku.color, sku.size), { sku });
  }
  return { colors, sizes, cells };
}

/** The cells the editor changed, each with the stock it was loaded with (the server refuses a stale one). */
export function stockChanges(grid: StockGrid): StockItem[] {
  const items: StockItem[] = [];
  for (const cell of grid.cells.values()) {
    const stockChanged = cell.stock !== undefined && cell.stock !== cell.sku.stock;
    const displayedChanged = cell.displayedStock !== undefined && cell.displayedStock !== cell.sku.displayedStock;
    if (!stockChanged && !displayedChanged) continue;
    items.push({
      skuId: cell.sku.id,
      ...(stockChanged && { stock: cell.stock, expectedStock: cell.sku.stock }),
      ...(displayedChanged && { displayedStock: cell.displayedStock }),
    });
  }
  return items;
}

/** Every colour × size of a new product, with the stock typed for each (0 when left empty). */
export function newSkus(colors: readonly string[], sizes: readonly string[], stock: Record<string, number | null | undefined>): NewSku[] {
  const cs = colors.length > 0 ? colors : [null];
  const ss = sizes.length > 0 ? sizes : [null];
  return cs.flatMap((color) => ss.map((size) => ({ color, size, stock: stock[cellKey(color, size)] ?? 0, displayedStock: null })));
}

/** One item per line (or "|"), blanks dropped. */
export const linesToList = (text: string) =>
  text
    .split(/\r?\n|\|/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

export interface KnowledgeForm {
  material: string;
  care: string;
  suits: string;
  knownLimits: string;
  sellingPoints: string;
  keywords: string;
  sizeChart: { size: string; text: string }[];
  faq: { q: string; a: string }[];
}

export function knowledgeToForm(k: Knowledge): KnowledgeForm {
  return {
    material: k.material ?? "",
    care: k.care ?? "",
    suits: k.suits ?? "",
    knownLimits: k.knownLimits ?? "",
    sellingPoints: (k.sellingPoints ?? []).join("\n"),
    keywords: (k.keywords ?? []).join("\n"),
    sizeChart: (k.sizeChart ?? []).map((r) => ({ ...r })),
    faq: (k.faq ?? []).map((f) => ({ ...f })),
  };
}

/** The form as the API's knowledge: empty texts and rows left out. */
export function formToKnowledge(f: KnowledgeForm): Knowledge {
  const text = (s: string) => (s.trim() === "" ? undefined : s.trim());
  const list = (s: string) => {
    const items = linesToList(s);
    return items.length > 0 ? items : undefined;
  };
  const chart = f.sizeChart.filter((r) => r.size.trim() !== "").map((r) => ({ size: r.size.trim(), text: r.text.trim() }));
  const faq = f.faq.filter((x) => x.q.trim() !== "" && x.a.trim() !== "").map((x) => ({ q: x.q.trim(), a: x.a.trim() }));
  const out: Knowledge = {};
  const set = <K extends keyof Knowledge>(key: K, value: Knowledge[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set("material", text(f.material));
  set("sizeChart", chart.length > 0 ? chart : undefined);
  set("care", text(f.care));
  set("sellingPoints", list(f.sellingPoints));
  set("suits", text(f.suits));
  set("knownLimits", text(f.knownLimits));
  set("faq", faq.length > 0 ? faq : undefined);
  set("keywords", list(f.keywords));
  return out;
}
