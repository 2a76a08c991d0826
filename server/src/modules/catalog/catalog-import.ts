// CSV import, step 1: read the file and plan what it changes, with every bad row named by
// its row number (1 = the header, as a spreadsheet counts), its column and the problem.
// The preview is this plan; applying it (catalog-import-apply.ts) plans again inside the
// transaction and writes only if no row is bad. Products and SKUs are matched by the
// shop's own ids (product_id, sku_id → external_id; a QinDesk id works too), a SKU without
// an id by its colour and size, so importing the same file twice changes nothing.
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { CsvSyntaxError, decodeText, readCsv, restoreCell } from "../../platform/csv";
import { products, skus } from "./catalog.schema";
import type { ProductRow, SkuRow } from "./catalog.repo";
import { priceIssue, variantKey } from "./catalog.shapes";
import { COLUMNS, columnOf, parseCount, parseFaq, parseImageUrl, parseList, parseMoney, parseSizeChart, parseText, PRODUCT_COLUMNS, type Column, type ImportProblem, type Parsed } from "./catalog-csv";

export type { ImportProblem } from "./catalog-csv";
import { compactKnowledge, readKnowledge, withKnowledge, type Knowledge } from "./knowledge";

export const MAX_IMPORT_ROWS = 10_000;
const MAX_ERRORS = 500;


export interface ImportError {
  row: number;
  /** The canonical column name (product_id, stock…), or the header as written for an unknown one. */
  column: string;
  code: ImportProblem;
  params?: Record<string, string | number>;
}

export type Action = "create" | "update" | "unchanged";

export interface PreviewRow {
  row: number;
  productId: string;
  title: string;
  skuId: string | null;
  color: string | null;
  size: string | null;
  product: Action;
  sku: Action;
  /** Real and displayed stock before → after (before is null for a new SKU). */
  stock: { from: number | null; to: number };
  displayedStock: { from: number | null; to: number | null };
  /** Columns this row changes. */
  changes: Column[];
}

type KnowledgeColumn = "material" | "size_chart" | "care" | "selling_points" | "suits" | "known_limits" | "faq" | "keywords";
const KNOWLEDGE_OF: Record<KnowledgeColumn, keyof Knowledge> = {
  material: "material",
  size_chart: "sizeChart",
  care: "care",
  selling_points: "sellingPoints",
  suits: "suits",
  known_limits: "knownLimits",
  faq: "faq",
  keywords: "keywords",
};

const PARSERS: Record<Column, (cell: string) => Parsed<unknown>> = {
  product_id: (c) => parseText(c, 100),
  title: (c) => parseText(c, 200),
  category: (c) => parseText(c, 50),
  price: parseMoney,
  promo_price: parseMoney,
  floor_price: parseMoney,
  image_url: parseImageUrl,
  material: (c) => parseText(c, 500),
  size_chart: parseSizeChart,
  care: (c) => parseText(c, 500),
  selling_points: (c) => parseList(c, 20, 200),
  suits: (c) => parseText(c, 500),
  known_limits: (c) => parseText(c, 500),
  faq: parseFaq,
  keywords: (c) => parseList(c, 30, 50),
  sku_id: (c) => parseText(c, 100),
  color: (c) => parseText(c, 30),
  size: (c) => parseText(c, 20),
  stock: parseCount,
  displayed_stock: parseCount,
};

/** One data row: the value of each column the file has (null = empty cell). */
interface Row {
  row: number;
  values: Partial<Record<Column, unknown>>;
}

export interface ProductPlan {
  id: string;
  key: string;
  existing: ProductRow | null;
  row: number;
  set: { externalId: string | null; title: string; category: string; priceCents: number; promoPriceCents: number | null; floorPriceCents: number | null; imageUrl: string | null; attributes: Record<string, unknown> };
  changes: Column[];
}

export interface SkuPlan {
  id: string;
  productId: string;
  existing: SkuRow | null;
  row: number;
  set: { externalId: string | null; color: string | null; size: string | null; stock: number; displayedStock: number | null; position: number };
  /** Which of stock / displayed_stock the file gives (absent: left as it is at write time). */
  givesStock: boolean;
  givesDisplayed: boolean;
  changes: Column[];
}

export interface ImportPlan {
  errors: ImportError[];
  moreErrors: number;
  rows: PreviewRow[];
  products: ProductPlan[];
  skus: SkuPlan[];
  columns: Column[];
}

class Errors {
  list: ImportError[] = [];
  more = 0;
  add(row: number, column: string, code: ImportProblem, params?: Record<string, string | number>): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ row, column, code, ...(params && { params }) });
    else this.more++;
  }
}

const emptyPlan = (errors: Errors): ImportPlan => ({ errors: errors.list, moreErrors: errors.more, rows: [], products: [], skus: [], columns: [] });

/** The file's rows as values, or the errors that stop reading it at all. */
function readRows(body: Buffer, canSeeFloor: boolean, errors: Errors): { columns: Column[]; rows: Row[] } | null {
  const decoded = decodeText(body);
  if (!decoded) return errors.add(1, "", "not_text"), null;
  let records;
  try {
    records = readCsv(decoded.text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return errors.add(err.row, `#${err.cell + 1}`, "bad_csv", { problem: err.code }), null;
    throw err;
  }
  const [header, ...data] = records;
  if (!header) return errors.add(1, "", "empty_file"), null;
  if (data.length > MAX_IMPORT_ROWS) return errors.add(MAX_IMPORT_ROWS + 2, "", "too_many_rows", { max: MAX_IMPORT_ROWS }), null;
  const columns: (Column | null)[] = header.cells.map((cell) => columnOf(cell));
  header.cells.forEach((cell, i) => {
    const column = columns[i]!;
    if (column === null) {
      // Spreadsheets leave empty header cells after the last column; those are not columns.
      if (cell.trim() !== "") errors.add(1, cell.trim().slice(0, 40), "unknown_column");
    } else if (columns.indexOf(column) !== i) errors.add(1, column, "duplicate_column");
    else if (column === "floor_price" && !canSeeFloor) errors.add(1, column, "floor_price_hidden");
  });
  if (!columns.includes("product_id")) errors.add(1, "product_id", "missing_column");
  if (!columns.includes("sku_id") && !columns.includes("color") && !columns.includes("size")) errors.add(1, "sku_id", "missing_column");
  if (errors.list.length > 0) return null;
  const rows = data.map(({ row, cells }) => {
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== "")) errors.add(row, `#${columns.length + 1}`, "extra_cells");
    const values: Partial<Record<Column, unknown>> = {};
    columns.forEach((column, i) => {
      if (column === null) return;
      const parsed = PARSERS[column](restoreCell(cells[i] ?? ""));
      if (parsed.ok) values[column] = parsed.value;
      else errors.add(row, column, parsed.problem, parsed.params);
    });
    if (values.product_id == null && !errors.list.some((e) => e.row === row && e.column === "product_id")) errors.add(row, "product_id", "required");
    return { row, values };
  });
  return { columns: columns.filter((c): c is Column => c !== null), rows };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Reads the file and plans it against the catalog as it is now (in `db`, possibly a transaction). */
export async function planImport(db: Db, workspaceId: string, shopId: string, body: Buffer, canSeeFloor: boolean): Promise<ImportPlan> {
  const errors = new Errors();
  const read = readRows(body, canSeeFloor, errors);
  if (!read) return emptyPlan(errors);
  const has = new Set(read.columns);

  // The catalog of the workspace (ids are unique per workspace, across its shops).
  const productRows = await db.select().from(products).where(eq(products.workspaceId, workspaceId));
  const skuRows = await db.select().from(skus).where(eq(skus.workspaceId, workspaceId));
  const productBy = new Map<string, ProductRow>();
  for (const p of productRows) productBy.set(p.id, p);
  for (const p of productRows) if (p.externalId && !productBy.has(p.externalId)) productBy.set(p.externalId, p);
  const skuBy = new Map<string, SkuRow>();
  for (const s of skuRows) skuBy.set(s.id, s);
  for (const s of skuRows) if (s.externalId && !skuBy.has(s.externalId)) skuBy.set(s.externalId, s);
  const skusOf = new Map<string, SkuRow[]>();
  for (const s of skuRows) {
    const list = skusOf.get(s.productId);
    if (list) list.push(s);
    else skusOf.set(s.productId, [s]);
  }

  // Rows grouped by product, in file order.
  const groups = new Map<string, Row[]>();
  for (const r of read.rows) {
    const key = r.values.product_id as string | null;
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }

  const plan: ImportPlan = { errors: errors.list, moreErrors: 0, rows: [], products: [], skus: [], columns: read.columns };
  const claimedSkus = new Map<string, number>();
  const plannedProducts = new Map<string, number>();
  const rowHasError = (row: number, columns: Column[]) => errors.list.some((e) => e.row === row && (columns as string[]).includes(e.column));
  for (const [key, rows] of groups) {
    const first = rows[0]!;
    const existing = productBy.get(key) ?? null;
    if (existing && existing.shopId !== shopId) {
      errors.add(first.row, "product_id", "other_shop");
      continue;
    }
    // The same product named by its QinDesk id and by the shop's id.
    const earlier = existing ? plannedProducts.get(existing.id) : undefined;
    if (earlier !== undefined) {
      errors.add(first.row, "product_id", "duplicate_product", { row: earlier });
      continue;
    }
    if (existing) plannedProducts.set(existing.id, first.row);
    // Product columns come from the product's first row; later rows repeat them or leave them empty.
    const given: Partial<Record<Column, unknown>> = {};
    for (const column of PRODUCT_COLUMNS) {
      if (!has.has(column) || column === "product_id") continue;
      given[column] = first.values[column];
      for (const later of rows.slice(1)) {
        const value = later.values[column];
        if (value !== null && value !== undefined && !same(value, given[column])) errors.add(later.row, column, "differs_from_row", { row: first.row });
      }
    }
    const pick = <T>(column: Column, current: T): T => (has.has(column) ? (given[column] as T) : current);
    // An empty title, category or price keeps the product's own (they cannot be cleared);
    // undefined: the cell was refused, and its error is listed already.
    const keep = <T>(column: Column, current: T | null): T | null | undefined => {
      if (!has.has(column)) return current;
      const value = given[column] as T | null | undefined;
      return value === null ? current : value;
    };
    const title = keep<string>("title", existing?.title ?? null);
    const category = keep<string>("category", existing?.category ?? null);
    const priceCents = keep<number>("price", existing?.priceCents ?? null);
    for (const [column, value] of [["title", title], ["category", category], ["price", priceCents]] as const) {
      if (value === null && !rowHasError(first.row, [column])) errors.add(first.row, column, "required");
    }
    const knowledge: Knowledge = { ...readKnowledge(existing?.attributes ?? {}) };
    for (const [column, field] of Object.entries(KNOWLEDGE_OF) as [KnowledgeColumn, keyof Knowledge][]) {
      if (has.has(column)) (knowledge as Record<string, unknown>)[field] = given[column] ?? undefined;
    }
    const set: ProductPlan["set"] = {
      externalId: existing ? existing.externalId : key,
      title: title ?? "",
      category: category ?? "",
      priceCents: priceCents ?? 0,
      promoPriceCents: pick("promo_price", existing?.promoPriceCents ?? null),
      floorPriceCents: pick("floor_price", existing?.floorPriceCents ?? null),
      imageUrl: pick("image_url", existing?.imageUrl ?? null),
      attributes: withKnowledge(existing?.attributes ?? {}, compactKnowledge(knowledge)),
    };
    const issue = priceCents != null && !rowHasError(first.row, ["price", "promo_price", "floor_price"]) ? priceIssue(set) : null;
    if (issue) {
      const column = issue.field === "promoPriceCents" ? "promo_price" : has.has("floor_price") ? "floor_price" : "price";
      errors.add(first.row, column, issue.code);
    }
    const changes: Column[] = [];
    if (existing) {
      const before = { title: existing.title, category: existing.category, price: existing.priceCents, promo_price: existing.promoPriceCents, floor_price: existing.floorPriceCents, image_url: existing.imageUrl };
      const after = { title: set.title, category: set.category, price: set.priceCents, promo_price: set.promoPriceCents, floor_price: set.floorPriceCents, image_url: set.imageUrl };
      for (const column of Object.keys(before) as (keyof typeof before)[]) if (!same(before[column], after[column])) changes.push(column);
      const oldKnowledge = readKnowledge(existing.attributes) as Record<string, unknown>;
      const newKnowledge = readKnowledge(set.attributes) as Record<string, unknown>;
      for (const [column, field] of Object.entries(KNOWLEDGE_OF) as [KnowledgeColumn, string][]) if (!same(oldKnowledge[field], newKnowledge[field])) changes.push(column);
    }
    const product: ProductPlan = { id: existing?.id ?? newId("prod"), key, existing, row: first.row, set, changes };
    plan.products.push(product);
    planSkus(plan, product, rows, has, skuBy, skusOf.get(product.id) ?? [], claimedSkus, errors);
  }
  plan.moreErrors = errors.more;
  plan.errors.sort((a, b) => a.row - b.row || COLUMNS.indexOf(a.column as Column) - COLUMNS.indexOf(b.column as Column));
  return plan;
}

function planSkus(
  plan: ImportPlan,
  product: ProductPlan,
  rows: Row[],
  has: Set<Column>,
  skuBy: Map<string, SkuRow>,
  existingSkus: SkuRow[],
  claimed: Map<string, number>,
  errors: Errors,
): void {
  const byVariant = new Map(existingSkus.map((s) => [variantKey(s), s]));
  let position = existingSkus.reduce((max, s) => Math.max(max, s.position + 1), 0);
  const finals = new Map<string, { variant: string; row: number }>();
  for (const r of rows) {
    const skuKey = (r.values.sku_id as string | null | undefined) ?? null;
    let existing: SkuRow | null = null;
    if (skuKey) {
      existing = skuBy.get(skuKey) ?? null;
      if (existing && existing.productId !== product.id) {
        errors.add(r.row, "sku_id", "sku_other_product");
        continue;
      }
      // A new SKU id may appear once in the file.
      const earlier = existing ? undefined : claimed.get(`new\n${skuKey}`);
      if (earlier !== undefined) {
        errors.add(r.row, "sku_id", "duplicate_sku", { row: earlier });
        continue;
      }
      if (!existing) claimed.set(`new\n${skuKey}`, r.row);
    }
    const color = has.has("color") ? ((r.values.color as string | null) ?? null) : (existing?.color ?? null);
    const size = has.has("size") ? ((r.values.size as string | null) ?? null) : (existing?.size ?? null);
    // A new id for a colour and size the product already has (made by hand, without an id) takes that SKU.
    if (!existing) {
      const twin = byVariant.get(variantKey({ color, size })) ?? null;
      if (twin && (!skuKey || twin.externalId === null)) existing = twin;
    }
    if (existing) {
      const earlier = claimed.get(existing.id);
      if (earlier !== undefined) {
        errors.add(r.row, skuKey ? "sku_id" : "size", "duplicate_sku", { row: earlier });
        continue;
      }
      claimed.set(existing.id, r.row);
    }
    const stock = (r.values.stock as number | null | undefined) ?? null;
    const displayed = r.values.displayed_stock as number | null | undefined;
    const set: SkuPlan["set"] = {
      // A SKU named by its QinDesk id (an export of one without a shop id) keeps having none.
      externalId: existing ? (existing.externalId ?? (skuKey === existing.id ? null : skuKey)) : skuKey,
      color,
      size,
      stock: stock ?? existing?.stock ?? 0,
      displayedStock: has.has("displayed_stock") ? (displayed ?? null) : (existing?.displayedStock ?? null),
      position: existing?.position ?? position++,
    };
    const changes: Column[] = [];
    if (existing) {
      if (set.externalId !== existing.externalId) changes.push("sku_id");
      if (set.color !== existing.color) changes.push("color");
      if (set.size !== existing.size) changes.push("size");
      if (set.stock !== existing.stock) changes.push("stock");
      if (set.displayedStock !== existing.displayedStock) changes.push("displayed_stock");
    }
    const sku: SkuPlan = { id: existing?.id ?? newId("sku"), productId: product.id, existing, row: r.row, set, givesStock: stock !== null, givesDisplayed: has.has("displayed_stock"), changes };
    finals.set(sku.id, { variant: variantKey(set), row: r.row });
    plan.skus.push(sku);
    const productAction: Action = !product.existing ? "create" : product.changes.length > 0 ? "update" : "unchanged";
    plan.rows.push({
      row: r.row,
      productId: product.key,
      title: product.set.title,
      skuId: set.externalId,
      color,
      size,
      product: productAction,
      sku: !existing ? "create" : changes.length > 0 ? "update" : "unchanged",
      stock: { from: existing?.stock ?? null, to: set.stock },
      displayedStock: { from: existing ? existing.displayedStock : null, to: set.displayedStock },
      changes: [...(r === rows[0] ? product.changes : []), ...changes],
    });
  }
  // Two SKUs of the product may not end up the same colour and size (file rows, or a row and a SKU it leaves alone).
  for (const s of existingSkus) if (!finals.has(s.id)) finals.set(s.id, { variant: variantKey(s), row: 0 });
  const seen = new Map<string, number>();
  for (const { variant, row } of [...finals.values()].sort((a, b) => a.row - b.row)) {
    const other = seen.get(variant);
    if (other !== undefined && row > 0) errors.add(row, "size", "duplicate_variant", other > 0 ? { row: other } : undefined);
    else seen.set(variant, row);
  }
}

export function summarise(plan: ImportPlan) {
  const count = (list: { existing: unknown; changes: unknown[] }[]) => ({
    create: list.filter((x) => !x.existing).length,
    update: list.filter((x) => x.existing && x.changes.length > 0).length,
    unchanged: list.filter((x) => x.existing && x.changes.length === 0).length,
  });
  return { rows: plan.rows.length, products: count(plan.products), skus: count(plan.skus), errors: plan.errors.length + plan.moreErrors };
}
