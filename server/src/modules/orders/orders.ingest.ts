// Orders from the shop's own system (POST /api/v1/orders and the signed webhook):
// idempotent by the shop's order number. The first report creates the order and takes
// its stock in the same transaction; later reports move its status (the shop's system
// is the source of truth for its orders), fill in times, recipient, courier and
// tracking. The items of an order never change after it was created: a different list
// is refused, so a mistaken id cannot silently rewrite another order.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";
import { HttpError } from "../../platform/http/errors";
import { products, skus } from "../catalog";
import { customers, findCustomer } from "../customers";
import { newId } from "../../platform/db/ids";
import { findShop } from "../workspace";
import { publishOrderChanged } from "./orders.changes";
import { itemsOf, lockOrder, updateOrderRow, type OrderRow } from "./orders.repo";
import { orders } from "./orders.schema";
import { moveStatusIn, placeOrderIn, type OrderDeps } from "./orders.service";
import type { InboundOrder } from "./orders.shapes";

export interface IngestResult {
  order: OrderRow;
  created: boolean;
}

async function resolveItems(db: Db, workspaceId: string, shopId: string, items: InboundOrder["items"]) {
  const skuRefs = [...new Set(items.flatMap((i) => (i.sku ? [i.sku] : [])))];
  const productRefs = [...new Set(items.flatMap((i) => (i.product ? [i.product] : [])))];
  const skuRows = skuRefs.length
    ? await db
        .select({ id: skus.id, externalId: skus.externalId, productId: skus.productId })
        .from(skus)
        .innerJoin(products, eq(products.id, skus.productId))
        .where(and(eq(skus.workspaceId, workspaceId), eq(products.shopId, shopId), or(inArray(skus.id, skuRefs), inArray(skus.externalId, skuRefs))))
    : [];
  const productRows = productRefs.length
    ? await db
        .select({ id: products.id, externalId: products.externalId })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), or(inArray(products.id, productRefs), inArray(products.externalId, productRefs))))
    : [];
  const skuBy = new Map(skuRows.flatMap((r) => [[r.id, r] as const, ...(r.externalId ? [[r.externalId, r] as const] : [])]));
  const productBy = new Map(productRows.flatMap((r) => [[r.id, r.id] as const, ...(r.externalId ? [[r.externalId, r.id] as const] : [])]));
  return items.map((item, i) => {
    const sku = item.sku ? skuBy.get(item.sku) : undefined;
    if (item.sku && !sku) throw new HttpError(400, "invalid", "No such SKU in this shop", `items.${i}.sku`);
    const productId = item.product ? productBy.get(item.product) : sku?.productId;
    if (item.product && !productId) throw new HttpError(400, "invalid", "No such product in this shop", `items.${i}.product`);
    if (sku && productId && sku.productId !== productId) throw new HttpError(400, "invalid", "The SKU belongs to another product", `items.${i}.sku`);
    return { productId: productId ?? null, skuId: sku?.id ?? null, qty: item.qty, priceCents: item.price };
  });
}

async function customerFor(tx: Db, workspaceId: string, ref: string, nick: string | undefined): Promise<string> {
  const known = await findCustomer(tx, workspaceId, ref);
  if (known) return known.id;
  await tx.insert(customers).values({ id: newId("cus"), workspaceId, externalId: ref, nick: nick ?? ref }).onConflictDoNothing();
  return (await findCustomer(tx, workspaceId, ref))!.id;
}

const time = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

function sameItems(stored: { productId: string | null; skuId: string | null; qty: number; priceCents: number }[], sent: typeof stored): boolean {
  return stored.length === sent.length && stored.every((s, i) => s.skuId === sent[i]!.skuId && s.productId === sent[i]!.productId && s.qty === sent[i]!.qty && s.priceCents === sent[i]!.priceCents);
}

export async function ingestOrder(deps: OrderDeps, workspaceId: string, body: InboundOrder, source: "api" | "webhook"): Promise<IngestResult> {
  const shop = await findShop(deps.db, workspaceId, body.shop);
  if (!shop) throw new HttpError(400, "invalid", "No such shop", "shop");
  const items = await resolveItems(deps.db, workspaceId, shop.id, body.items);
  const result = await deps.db.transaction(async (tx): Promise<IngestResult> => {
    // Two reports of one new order at once must not create it twice.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`order:${workspaceId}:${body.id}`}))`);
    const [existing] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.externalId, body.id))).limit(1);
    if (!existing) {
      const customerId = await customerFor(tx, workspaceId, body.customer, body.customerNick);
      const order = await placeOrderIn(tx, workspaceId, {
        shopId: shop.id,
        customerId,
        externalId: body.id,
        status: body.status,
        createdAt: new Date(body.createdAt),
        paidAt: time(body.paidAt),
        shippedAt: time(body.shippedAt),
        deliveredAt: time(body.deliveredAt),
        items,
        totalCents: body.total,
        shippingFeeCents: body.shippingFee ?? null,
        recipient: body.recipient ?? null,
        courier: body.courier ?? null,
        trackingNo: body.trackingNo ?? null,
        source,
      });
      return { order, created: true };
    }
    let order = (await lockOrder(tx, workspaceId, existing.id))!;
    if (order.shopId !== shop.id) throw new HttpError(409, "conflict", "This order number belongs to another shop", "id");
    if (!sameItems(await itemsOf(tx, order.id), items)) throw new HttpError(409, "items_changed", "The items of an existing order cannot change; send a new order", "items");
    const at = time(body.status === "paid" ? body.paidAt : body.status === "shipped" ? body.shippedAt : body.status === "delivered" ? body.deliveredAt : null) ?? undefined;
    order = await moveStatusIn(tx, order, { to: body.status, fromShopSystem: true, ...(at && { at }) });
    const fill: Partial<OrderRow> = {};
    if (body.paidAt !== undefined && order.paidAt === null && body.paidAt) fill.paidAt = new Date(body.paidAt);
    if (body.shippedAt && order.shippedAt === null) fill.shippedAt = new Date(body.shippedAt);
    if (body.deliveredAt && order.deliveredAt === null) fill.deliveredAt = new Date(body.deliveredAt);
    if (body.recipient) Object.assign(fill, { recipientName: body.recipient.name, recipientPhone: body.recipient.phone, shippingAddress: body.recipient.address });
    if (body.courier) fill.courier = body.courier;
    if (body.trackingNo) fill.trackingNo = body.trackingNo;
    if (Object.keys(fill).length > 0) order = await updateOrderRow(tx, order.id, fill);
    return { order, created: false };
  });
  await publishOrderChanged(deps.bus, result.order, result.created ? "created" : "status");
  return result;
}
