// The catalog as a CSV file (one row per SKU): export for any agent (the floor price
// column only for roles that see it), and import by owners and supervisors in two steps —
// a preview of what each row creates or changes and of every bad row, then the same file
// applied all or nothing.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { formatCsv } from "../../platform/csv";
import type { Db } from "../../platform/db/database";
import { HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { findShop, type ShopRow } from "../workspace";
import type { AuthContext } from "../../platform/auth/auth-context";
import { and, asc, eq, isNull } from "drizzle-orm";
import { listShopProducts } from "./catalog.repo";
import { products, skus } from "./catalog.schema";
import { COLUMNS, formatCount, formatFaq, formatList, formatMoney, formatSizeChart, ZH_HEADERS, type Column } from "./catalog-csv";
import { MAX_IMPORT_ROWS, planImport, summarise, type ImportPlan } from "./catalog-import";
import { applyImport, ImportRejected } from "./catalog-import-apply";
import { canSeeFloor } from "./catalog.service";
import { readKnowledge } from "./knowledge";

const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];
const IMPORT_LIMIT = 8 * 1024 * 1024;
const shopQuery = z.strictObject({ shopId: z.string().min(1).max(100) });

async function shopOr400(db: Db, auth: AuthContext, shopId: string): Promise<ShopRow> {
  const shop = await findShop(db, auth.agent.workspaceId, shopId);
  if (!shop) throw new HttpError(400, "invalid", "No such shop", "shopId");
  return shop;
}

function bodyOf(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new HttpError(400, "invalid", `Send the file as ${CSV_TYPES[0]}`, "content-type");
  return body;
}

/** What the workbench shows: the plan without its internals. */
function preview(plan: ImportPlan) {
  return { ok: plan.errors.length === 0, summary: summarise(plan), columns: plan.columns, rows: plan.rows, errors: plan.errors, moreErrors: plan.moreErrors };
}

async function exportCsv(db: Db, auth: AuthContext, shop: ShopRow, chinese: boolean): Promise<string> {
  const ws = auth.agent.workspaceId;
  const columns = COLUMNS.filter((c) => c !== "floor_price" || canSeeFloor(auth));
  const skuRows = await db
    .select({ sku: skus })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(skus.workspaceId, ws), eq(products.shopId, shop.id), isNull(products.archivedAt), isNull(skus.archivedAt)))
    .orderBy(asc(skus.position), asc(skus.id));
  const skusOf = new Map<string, (typeof skuRows)[number]["sku"][]>();
  for (const { sku } of skuRows) skusOf.set(sku.productId, [...(skusOf.get(sku.productId) ?? []), sku]);
  const rows: string[][] = [];
  for (const p of await listShopProducts(db, ws, shop.id)) {
    const k = readKnowledge(p.attributes);
    const product: Partial<Record<Column, string>> = {
      product_id: p.externalId ?? p.id,
      title: p.title,
      category: p.category,
      price: formatMoney(p.priceCents),
      promo_price: formatMoney(p.promoPriceCents),
      floor_price: formatMoney(p.floorPriceCents),
      image_url: p.imageUrl ?? "",
      material: k.material ?? "",
      size_chart: formatSizeChart(k.sizeChart),
      care: k.care ?? "",
      selling_points: formatList(k.sellingPoints),
      suits: k.suits ?? "",
      known_limits: k.knownLimits ?? "",
      faq: formatFaq(k.faq),
      keywords: formatList(k.keywords),
    };
    for (const s of skusOf.get(p.id) ?? []) {
      const cells: Partial<Record<Column, string>> = {
        ...product,
        sku_id: s.externalId ?? s.id,
        color: s.color ?? "",
        size: s.size ?? "",
        stock: formatCount(s.stock),
        displayed_stock: formatCount(s.displayedStock),
      };
      rows.push(columns.map((c) => cells[c] ?? ""));
    }
  }
  return formatCsv(
    columns.map((c) => (chinese ? ZH_HEADERS[c] : c)),
    rows,
  );
}

export function registerCatalogIoRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/products/export",
    summary: "The shop's products on sale as CSV, one row per SKU (the import's format); headers=zh writes Chinese headers",
    tags: ["catalog"],
    access: "products.view",
    query: shopQuery.extend({ headers: z.enum(["en", "zh"]).default("en") }),
    handler: async ({ auth, query, reply }) => {
      const shop = await shopOr400(db, auth, query.shopId);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="products.csv"`)
        .send(await exportCsv(db, auth, shop, query.headers === "zh"));
    },
  });

  // Its own scope, so the CSV body parser applies to the import only.
  void app.register(async (scoped) => {
    for (const type of CSV_TYPES) if (scoped.hasContentTypeParser(type)) scoped.removeContentTypeParser(type);
    scoped.addContentTypeParser(CSV_TYPES, { parseAs: "buffer", bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

    route(scoped, {
      method: "POST",
      url: "/api/v1/products/import/preview",
      summary: `What a CSV (text/csv, UTF-8 or GBK, at most ${MAX_IMPORT_ROWS} rows) would create and change, and every bad row with its row number, column and problem; writes nothing`,
      tags: ["catalog"],
      access: "products.manage",
      query: shopQuery,
      handler: async ({ auth, query, request }) => {
        const shop = await shopOr400(db, auth, query.shopId);
        return preview(await planImport(db, auth.agent.workspaceId, shop.id, bodyOf(request.body), canSeeFloor(auth)));
      },
    });

    route(scoped, {
      method: "POST",
      url: "/api/v1/products/import",
      summary: "Apply a CSV: every row in one transaction, or none when a row is bad (400 import_invalid with the preview); the same file twice changes nothing",
      tags: ["catalog"],
      access: "products.manage",
      query: shopQuery,
      handler: async ({ auth, query, request, reply }) => {
        const shop = await shopOr400(db, auth, query.shopId);
        try {
          return await applyImport(db, auth, shop.id, bodyOf(request.body), canSeeFloor(auth));
        } catch (err) {
          if (!(err instanceof ImportRejected)) throw err;
          const first = err.plan.errors[0]!;
          return reply.code(400).send({
            error: { code: "import_invalid", message: `row ${first.row}, column ${first.column}: ${first.code}`, field: first.column },
            preview: preview(err.plan),
          });
        }
      },
    });
  });
}
