// Real stock (skus.stock) moves in the same transaction as the order that takes it, and
// never goes below zero: the update only matches while enough is left, so of 50 buyers
// racing for the last 10 units exactly 10 find a row to update (PostgreSQL re-checks the
// condition on the row another transaction just changed).
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { HttpError } from "../../platform/http/errors";

export interface StockLine {
  skuId: string | null;
  qty: number;
}

/** Summed per SKU and in id order, so two orders taking the same SKUs lock them in the same order. */
function perSku(lines: StockLine[]): [string, number, number][] {
  const total = new Map<string, [number, number]>();
  lines.forEach((line, index) => {
    if (!line.skuId) return;
    const seen = total.get(line.skuId);
    total.set(line.skuId, [(seen?.[0] ?? 0) + line.qty, seen?.[1] ?? index]);
  });
  return [...total.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, [qty, index]]) => [sku, qty, index]);
}

/** Takes the lines' stock or throws 409 naming the first line that is short (nothing is kept: the caller's transaction rolls back). */
export async function takeStock(tx: Db, workspaceId: string, lines: StockLine[]): Promise<void> {
  for (const [skuId, qty, index] of perSku(lines)) {
    const taken = await queryRows<{ id: string }>(
      tx,
      sql`update skus set stock = stock - ${qty} where id = ${skuId} and workspace_id = ${workspaceId} and stock >= ${qty} returning id`,
    );
    if (taken.length === 0) throw new HttpError(409, "out_of_stock", "Not enough stock for this colour and size", `items.${index}.sku`);
  }
}

export async function releaseStock(tx: Db, workspaceId: string, lines: StockLine[]): Promise<void> {
  for (const [skuId, qty] of perSku(lines)) {
    await tx.execute(sql`update skus set stock = stock + ${qty} where id = ${skuId} and workspace_id = ${workspaceId}`);
  }
}
