// CSV import, step 2: the whole file in one transaction, or nothing. The plan is made
// again inside the transaction (the catalog may have changed since the preview), and if
// any row is bad nothing is written. SKU rows are locked before their stock is set, as
// the order service's stock moves lock them too, so the audit's "from" is the stock the
// import really replaced. Unchanged rows are not written: the same file twice is a no-op.
import { inArray, sql } from "drizzle-orm";
import { auditLog } from "../../platform/audit/audit.schema";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { products, skus } from "./catalog.schema";
import { planImport, summarise, type ImportPlan } from "./catalog-import";
import { refreshSearchTokens } from "./product-search";

const CHUNK = 500;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Thrown inside the transaction so it rolls back; carries the plan for the answer. */
export class ImportRejected extends Error {
  constructor(readonly plan: ImportPlan) {
    super("the file has bad rows");
  }
}

export interface ImportResult {
  products: { created: number; updated: number };
  skus: { created: number; updated: number };
  stockChanges: number;
}

export async function applyImport(db: Db, auth: AuthContext, shopId: string, body: Buffer, canSeeFloor: boolean): Promise<ImportResult> {
  const ws = auth.agent.workspaceId;
  const result = await db.transaction(async (tx) => {
    // One import of a workspace at a time: two at once would both create the same new ids.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`qindesk.catalog-import:${ws}`}))`);
    const plan = await planImport(tx, ws, shopId, body, canSeeFloor);
    if (plan.errors.length > 0) throw new ImportRejected(plan);
    const now = new Date();

    const newProducts = plan.products.filter((p) => !p.existing);
    for (const part of chunks(newProducts)) {
      await tx.insert(products).values(part.map((p) => ({ id: p.id, workspaceId: ws, shopId, ...p.set, createdAt: now, updatedAt: now })));
    }
    const changedProducts = plan.products.filter((p) => p.existing && p.changes.length > 0);
    for (const p of changedProducts) {
      const { externalId: _keep, ...set } = p.set;
      await tx
        .update(products)
        .set({ ...set, updatedAt: now })
        .where(sql`${products.id} = ${p.id} and ${products.workspaceId} = ${ws}`);
    }

    const newSkus = plan.skus.filter((s) => !s.existing);
    for (const part of chunks(newSkus)) {
      await tx.insert(skus).values(part.map((s) => ({ id: s.id, workspaceId: ws, productId: s.productId, ...s.set })));
    }
    const changedSkus = plan.skus.filter((s) => s.existing && s.changes.length > 0);
    const audits: (typeof auditLog.$inferInsert)[] = [];
    for (const part of chunks(changedSkus)) {
      const locked = await tx
        .select({ id: skus.id, stock: skus.stock, displayedStock: skus.displayedStock })
        .from(skus)
        .where(inArray(skus.id, part.map((s) => s.id)))
        .orderBy(skus.id)
        .for("update");
      const current = new Map(locked.map((r) => [r.id, r]));
      const values = part.map((s) => {
        const held = current.get(s.id)!;
        // A column the file does not give keeps what the SKU holds at this moment.
        const stock = s.givesStock ? s.set.stock : held.stock;
        const displayed = s.givesDisplayed ? s.set.displayedStock : held.displayedStock;
        if (stock !== held.stock || displayed !== held.displayedStock) {
          audits.push({
            id: newId("audit"),
            workspaceId: ws,
            agentId: auth.agent.id,
            action: "catalog.stock_set",
            subjectType: "sku",
            subjectId: s.id,
            details: { productId: s.productId, source: "import", from: held.stock, to: stock, displayedFrom: held.displayedStock, displayedTo: displayed },
          });
        }
        return sql`(${s.id}::text, ${s.set.externalId}::text, ${s.set.color}::text, ${s.set.size}::text, ${stock}::int, ${displayed}::int)`;
      });
      await tx.execute(sql`
        update skus set external_id = v.external_id, color = v.color, size = v.size, stock = v.stock, displayed_stock = v.displayed_stock
        from (values ${sql.join(values, sql`, `)}) as v(id, external_id, color, size, stock, displayed_stock)
        where skus.id = v.id and skus.workspace_id = ${ws}`);
    }
    const summary = summarise(plan);
    const result: ImportResult = {
      products: { created: summary.products.create, updated: summary.products.update },
      skus: { created: summary.skus.create, updated: summary.skus.update },
      stockChanges: audits.length,
    };
    if (newProducts.length + changedProducts.length + newSkus.length + changedSkus.length > 0) {
      audits.push({ id: newId("audit"), workspaceId: ws, agentId: auth.agent.id, action: "catalog.import", subjectType: "shop", subjectId: shopId, details: { ...result } });
    }
    for (const part of chunks(audits)) await tx.insert(auditLog).values(part);
    return result;
  });
  await refreshSearchTokens(db, ws, shopId);
  return result;
}
