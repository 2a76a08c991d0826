// The rules of an order's life in QinDesk: placing one takes its stock in the same
// transaction, cancelling an unpaid one puts it back, paying/shipping/delivering move it
// forward; each change is on the order's timeline, runs the change listeners inside the
// transaction (orders.changes.ts) and is announced on the bus after commit.
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import { canMove, releasesStock } from "./order-status";
import { publishOrderChanged, runOrderListeners, type OrderChangeKind } from "./orders.changes";
import { addOrderEvent, itemsOf, lockOrder, updateOrderRow, type OrderRow } from "./orders.repo";
import { orderItems, orders, type OrderStatus } from "./orders.schema";
import { releaseStock, takeStock } from "./orders.stock";

export interface OrderDeps {
  db: Db;
  bus: EventBus;
}

export interface Recipient {
  name: string;
  phone: string;
  address: string;
}

export interface PlaceOrderInput {
  shopId: string;
  customerId: string;
  externalId?: string | null;
  status: OrderStatus;
  createdAt: Date;
  paidAt: Date | null;
  shippedAt?: Date | null;
  deliveredAt?: Date | null;
  items: { productId: string | null; skuId: string | null; qty: number; priceCents: number }[];
  /** When given it must add up (items + shipping − discount); else it is computed. */
  totalCents?: number;
  shippingFeeCents?: number | null;
  discountCents?: number;
  recipient?: Recipient | null;
  courier?: string | null;
  trackingNo?: string | null;
  /** For the warehouse from the start (the storefront's gifts: 赠品：袜子 ×1). */
  remark?: string | null;
  source: "api" | "storefront" | "webhook" | "replacement";
}

/** The timeline's words for a status (the workbench shows its own translation by `status`). */
const STATUS_WORDS: Record<OrderStatus, string> = {
  created: "订单已创建",
  awaiting_payment: "等待买家付款",
  paid: "买家已付款",
  shipped: "卖家已发货",
  delivered: "买家已签收",
  completed: "交易成功",
  cancelled: "交易关闭",
  refunding: "退款中",
  refunded: "已退款",
};

function timesFor(status: OrderStatus, now: Date): Partial<OrderRow> {
  if (status === "paid") return { paidAt: now };
  if (status === "shipped") return { shippedAt: now };
  if (status === "delivered") return { deliveredAt: now };
  if (status === "cancelled") return { cancelledAt: now };
  return {};
}

/** Stores a new order and takes its stock, in one transaction; 409 out_of_stock leaves nothing behind. */
export async function placeOrder(deps: OrderDeps, workspaceId: string, input: PlaceOrderInput): Promise<OrderRow> {
  const order = await deps.db.transaction((tx) => placeOrderIn(tx, workspaceId, input));
  await publishOrderChanged(deps.bus, order, "created");
  return order;
}

/** placeOrder inside the caller's transaction (the caller publishes after commit). */
export async function placeOrderIn(tx: Db, workspaceId: string, input: PlaceOrderInput): Promise<OrderRow> {
  const itemsCents = input.items.reduce((sum, i) => sum + i.qty * i.priceCents, 0);
  const computed = itemsCents + (input.shippingFeeCents ?? 0) - (input.discountCents ?? 0);
  // A shop's total may include discounts we do not know of; it may not exceed what the goods and postage cost.
  if (input.totalCents !== undefined && input.totalCents > itemsCents + (input.shippingFeeCents ?? 0)) {
    throw new HttpError(400, "invalid", "The total is more than the items and shipping add up to", "total");
  }
  const holdsStock = input.status !== "cancelled" && input.status !== "refunded";
  const id = newId("ord");
  const [row] = await tx
    .insert(orders)
    .values({
      id,
      workspaceId,
      shopId: input.shopId,
      customerId: input.customerId,
      externalId: input.externalId ?? null,
      status: input.status,
      createdAt: input.createdAt,
      paidAt: input.paidAt,
      shippedAt: input.shippedAt ?? null,
      deliveredAt: input.deliveredAt ?? null,
      totalCents: input.totalCents ?? computed,
      shippingFeeCents: input.shippingFeeCents ?? null,
      discountCents: input.discountCents ?? null,
      recipientName: input.recipient?.name ?? null,
      recipientPhone: input.recipient?.phone ?? null,
      shippingAddress: input.recipient?.address ?? null,
      courier: input.courier ?? null,
      trackingNo: input.trackingNo ?? null,
      remark: input.remark ?? null,
      remarkAt: input.remark ? input.createdAt : null,
      stockHeld: holdsStock,
      source: input.source,
    })
    .returning();
  if (input.items.length > 0) {
    await tx.insert(orderItems).values(input.items.map((item, position) => ({ id: newId("oi"), workspaceId, orderId: id, position, ...item })));
  }
  if (holdsStock) await takeStock(tx, workspaceId, input.items);
  await addOrderEvent(tx, row!, { kind: "status", status: input.status, description: STATUS_WORDS[input.status], at: input.createdAt });
  await runOrderListeners(tx, { kind: "created", order: row!, previousStatus: null, fromShop: input.source === "api" || input.source === "webhook" });
  return row!;
}

export interface StatusMove {
  to: OrderStatus;
  agentId?: string | null;
  /** When it happened (the shop's system tells); now otherwise. */
  at?: Date;
  /** The shop's system reports its own orders: take its word, whatever the move. */
  fromShopSystem?: boolean;
  /** Extra fields set with the move (courier and tracking on shipping). */
  fields?: Partial<OrderRow>;
  note?: string;
}

/** Applies a status move inside a transaction that holds the order locked. */
export async function moveStatusIn(tx: Db, order: OrderRow, move: StatusMove): Promise<OrderRow> {
  if (order.status === move.to) return order;
  if (!move.fromShopSystem && !canMove(order.status, move.to)) {
    throw new HttpError(409, "invalid_transition", `An order that is ${order.status} cannot become ${move.to}`, "status");
  }
  const at = move.at ?? new Date();
  const releasing = order.stockHeld && releasesStock(move.to);
  if (releasing) await releaseStock(tx, order.workspaceId, await itemsOf(tx, order.id));
  const times = timesFor(move.to, at);
  // The shop's system may report a time we already hold (or a later report): keep the first.
  const kept = Object.fromEntries(Object.entries(times).filter(([key]) => order[key as keyof OrderRow] === null));
  const updated = await updateOrderRow(tx, order.id, { status: move.to, ...kept, ...move.fields, ...(releasing && { stockHeld: false }) });
  await addOrderEvent(tx, order, { kind: "status", status: move.to, description: move.note ? `${STATUS_WORDS[move.to]}：${move.note}` : STATUS_WORDS[move.to], at, agentId: move.agentId ?? null });
  await runOrderListeners(tx, { kind: "status", order: updated, previousStatus: order.status, fromShop: move.fromShopSystem === true });
  return updated;
}

/** Locks the order, runs `work`, publishes after commit. 404 for an order of another workspace. */
export async function changeOrder(
  deps: OrderDeps,
  workspaceId: string,
  orderId: string,
  kind: OrderChangeKind,
  work: (tx: Db, order: OrderRow) => Promise<OrderRow>,
): Promise<OrderRow> {
  const updated = await deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, workspaceId, orderId);
    if (!order) throw notFound("order");
    return work(tx, order);
  });
  await publishOrderChanged(deps.bus, updated, kind);
  return updated;
}

export function moveStatus(deps: OrderDeps, workspaceId: string, orderId: string, move: StatusMove): Promise<OrderRow> {
  return changeOrder(deps, workspaceId, orderId, "status", (tx, order) => moveStatusIn(tx, order, move));
}

/** Cancels an order that is not paid yet; its stock goes back. */
export function cancelUnpaid(deps: OrderDeps, workspaceId: string, orderId: string, agentId: string | null, reason?: string): Promise<OrderRow> {
  return changeOrder(deps, workspaceId, orderId, "status", (tx, order) => {
    if (order.status !== "created" && order.status !== "awaiting_payment") {
      throw new HttpError(409, "already_paid", "Only an unpaid order can be cancelled here; a paid one goes through after-sales", "status");
    }
    return moveStatusIn(tx, order, { to: "cancelled", agentId, note: reason });
  });
}

/** 订单备注 for the warehouse; an empty text clears it. */
export function setRemark(deps: OrderDeps, workspaceId: string, orderId: string, agentId: string, remark: string): Promise<OrderRow> {
  return changeOrder(deps, workspaceId, orderId, "remark", async (tx, order) => {
    if (order.shippedAt !== null) throw new HttpError(409, "shipped", "The order has shipped: the warehouse no longer reads its remark", "remark");
    const text = remark.trim();
    const updated = await updateOrderRow(tx, order.id, { remark: text || null, remarkBy: text ? agentId : null, remarkAt: text ? new Date() : null });
    await addOrderEvent(tx, order, { kind: "remark", description: text ? `备注：${text}` : "备注已清除", agentId });
    await runOrderListeners(tx, { kind: "remark", order: updated, previousStatus: null });
    return updated;
  });
}
