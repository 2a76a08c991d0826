// The catalog's CSV: one row per SKU, the product's columns repeated on each of its rows
// (docs/api.md lists them). Headers may be English or Chinese (商品编号, 标题, 实际库存…),
// in any order; money is yuan with at most two decimals (128 or 128.00); lists are
// separated by "|" or line breaks; a size chart is "S: 胸围 92… | M: …"; common questions
// "question => answer | …". This file turns cells into values (or an error code for the
// row list) and values back into cells; catalog-import.ts decides what they change.
import { imageUrl as imageUrlShape, MAX_MONEY, MAX_STOCK } from "./catalog.shapes";
import type { Knowledge, SizeChartRow } from "./knowledge";

export const COLUMNS = [
  "product_id",
  "title",
  "category",
  "price",
  "promo_price",
  "floor_price",
  "image_url",
  "material",
  "size_chart",
  "care",
  "selling_points",
  "suits",
  "known_limits",
  "faq",
  "keywords",
  "sku_id",
  "color",
  "size",
  "stock",
  "displayed_stock",
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns that belong to the product (repeated on each of its SKU rows). */
export const PRODUCT_COLUMNS = COLUMNS.slice(0, COLUMNS.indexOf("sku_id")) as readonly Column[];

/** The Chinese header written by an export with headers=zh, and read back. */
export const ZH_HEADERS: Record<Column, string> = {
  product_id: "商品编号",
  title: "标题",
  category: "类目",
  price: "价格",
  promo_price: "促销价",
  floor_price: "底价",
  image_url: "图片",
  material: "材质",
  size_chart: "尺码表",
  care: "洗护",
  selling_points: "卖点",
  suits: "适合人群",
  known_limits: "注意事项",
  faq: "常见问题",
  keywords: "搜索词",
  sku_id: "SKU编号",
  color: "颜色",
  size: "尺码",
  stock: "实际库存",
  displayed_stock: "展示库存",
};

// Other names shops use for the same column (Taobao's seller centre, WPS templates).
const MORE_NAMES: Partial<Record<Column, string[]>> = {
  product_id: ["商品id", "宝贝id", "宝贝编号", "商家编码", "货号", "product"],
  title: ["商品名称", "宝贝名称", "商品标题", "名称", "name"],
  category: ["分类", "品类", "类别"],
  price: ["原价", "一口价", "售价"],
  promo_price: ["活动价", "优惠价", "促销价格", "promotional_price"],
  floor_price: ["最低价", "底线价"],
  image_url: ["主图", "图片链接", "图片地址", "image"],
  material: ["面料", "成分"],
  care: ["洗涤", "洗涤说明", "保养", "washing"],
  selling_points: ["亮点"],
  suits: ["适合", "适用人群", "suits_who"],
  known_limits: ["已知问题", "色差说明", "不足", "limits"],
  faq: ["问答"],
  keywords: ["关键词", "别名"],
  sku_id: ["sku", "skuid", "规格编号", "sku编码"],
  color: ["颜色分类", "colour"],
  size: ["尺寸"],
  stock: ["真实库存", "库存", "real_stock"],
  displayed_stock: ["页面库存", "显示库存", "展示数量"],
};

const normalName = (name: string) => name.normalize("NFKC").trim().toLowerCase().replace(/[\s\-_]+/g, "_");

const NAME_TO_COLUMN = new Map<string, Column>();
for (const column of COLUMNS) {
  for (const name of [column, ZH_HEADERS[column], ...(MORE_NAMES[column] ?? [])]) NAME_TO_COLUMN.set(normalName(name), column);
  NAME_TO_COLUMN.set(normalName(column).replaceAll("_", ""), column);
}

export function columnOf(header: string): Column | null {
  const name = normalName(header);
  return NAME_TO_COLUMN.get(name) ?? NAME_TO_COLUMN.get(name.replaceAll("_", "")) ?? null;
}

/** Why a cell was refused; the workbench says it in the agent's language (catalog.importError.*). */
export const CELL_PROBLEMS = ["required", "too_long", "not_money", "not_count", "too_large", "bad_url", "bad_size_chart", "bad_faq", "too_many"] as const;
export type CellProblem = (typeof CELL_PROBLEMS)[number];

/** Every problem an import can name: a cell's, the file's, the header's, or a row against the catalog. */
export const IMPORT_PROBLEMS = [
  ...CELL_PROBLEMS,
  "not_text",
  "bad_csv",
  "empty_file",
  "unknown_column",
  "duplicate_column",
  "missing_column",
  "floor_price_hidden",
  "too_many_rows",
  "extra_cells",
  "differs_from_row",
  "duplicate_product",
  "other_shop",
  "sku_other_product",
  "duplicate_sku",
  "duplicate_variant",
  "promo_above_price",
  "floor_above_price",
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: CellProblem; params?: Record<string, string | number> };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (problem: CellProblem, params?: Record<string, string | number>): Parsed<never> => ({ ok: false, problem, ...(params && { params }) });

export function parseText(cell: string, max: number): Parsed<string | null> {
  const text = cell.trim();
  if (text === "") return ok(null);
  return text.length > max ? fail("too_long", { max }) : ok(text);
}

/** Yuan as written in a spreadsheet → fen, without floating point: "128", "128.5", "¥1,280.00". */
export function parseMoney(cell: string): Parsed<number | null> {
  const text = cell.trim().replace(/^[¥￥]\s*/, "");
  if (text === "") return ok(null);
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return fail("not_money");
  const cents = Number(m[1]!.replaceAll(",", "")) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return cents > MAX_MONEY ? fail("too_large", { max: MAX_MONEY / 100 }) : ok(cents);
}

export function parseCount(cell: string): Parsed<number | null> {
  const text = cell.trim();
  if (text === "") return ok(null);
  if (!/^\d+$/.test(text)) return fail("not_count");
  const n = Number(text);
  return n > MAX_STOCK ? fail("too_large", { max: MAX_STOCK }) : ok(n);
}

export function parseImageUrl(cell: string): Parsed<string | null> {
  const text = cell.trim();
  if (text === "") return ok(null);
  return imageUrlShape.safeParse(text).success ? ok(text) : fail("bad_url");
}

const entries = (cell: string) =>
  cell
    .split(/\r\n|\r|\n|\|/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

export function parseList(cell: string, maxItems: number, maxLength: number): Parsed<string[] | null> {
  const list = entries(cell);
  if (list.length === 0) return ok(null);
  if (list.length > maxItems) return fail("too_many", { max: maxItems });
  return list.some((s) => s.length > maxLength) ? fail("too_long", { max: maxLength }) : ok(list);
}

export function parseSizeChart(cell: string): Parsed<SizeChartRow[] | null> {
  const list = entries(cell);
  if (list.length === 0) return ok(null);
  if (list.length > 30) return fail("too_many", { max: 30 });
  const rows: SizeChartRow[] = [];
  for (const entry of list) {
    const m = /^([^:：]{1,20})[:：]\s*(.{0,200})$/.exec(entry);
    if (!m || rows.some((r) => r.size === m[1]!.trim())) return fail("bad_size_chart", { entry: entry.slice(0, 40) });
    rows.push({ size: m[1]!.trim(), text: m[2]!.trim() });
  }
  return ok(rows);
}

export function parseFaq(cell: string): Parsed<Knowledge["faq"] | null> {
  const list = entries(cell);
  if (list.length === 0) return ok(null);
  if (list.length > 30) return fail("too_many", { max: 30 });
  const faq: NonNullable<Knowledge["faq"]> = [];
  for (const entry of list) {
    const at = entry.indexOf("=>");
    const q = at > 0 ? entry.slice(0, at).trim() : "";
    const a = at > 0 ? entry.slice(at + 2).trim() : "";
    if (!q || !a || q.length > 200 || a.length > 1000) return fail("bad_faq", { entry: entry.slice(0, 40) });
    faq.push({ q, a });
  }
  return ok(faq);
}

// Writing cells. "|" inside an item would split it on the way back, so it is written full-width.
const item = (s: string) => s.replaceAll("|", "｜").replace(/[\r\n]+/g, " ");

export const formatMoney = (cents: number | null) => (cents === null ? "" : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);
export const formatCount = (n: number | null) => (n === null ? "" : String(n));
export const formatList = (list: readonly string[] | undefined) => (list ?? []).map(item).join(" | ");
export const formatSizeChart = (rows: readonly SizeChartRow[] | undefined) => (rows ?? []).map((r) => `${item(r.size)}: ${item(r.text)}`).join(" | ");
export const formatFaq = (faq: Knowledge["faq"]) => (faq ?? []).map((f) => `${item(f.q).replaceAll("=>", "＝>")} => ${item(f.a)}`).join(" | ");
