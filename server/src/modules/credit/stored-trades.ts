// A stored shop's orders and reviews as the engine's trades (CONTRACTS §5 input), pure.
//
// Decisions (README "Credit of a stored shop"):
// - One trade per order line (子订单): the platform rates each line of an order, and the
//   same-item rule is about products. The trade's item is the line's product (or the
//   line itself when the shop's system sent no product).
// - status "success" = the order is `completed` (交易成功: the buyer confirmed receipt or
//   the platform did). Delivered is not yet success; refunded and cancelled never are.
// - escrow = the order was paid (`paidAt`) and the shop's paid orders go through the
//   platform's escrow: shop setting `credit.paidThroughEscrow`, default true on taobao
//   and tmall (every order there is paid through 支付宝担保交易), false elsewhere.
// - A review names its line by `item` (a product or SKU id, the shop's or QinDesk's); a
//   review without an item, or whose item names nothing in the order, rates every line.
//   When several reviews rate one line, the latest (by time, then id) is the rating.
// - QinDesk does not store the shop's own ratings of buyers, so `sellerRatedAt` is null
//   and stored trades never get rule 3's default good.
import { DEFAULT_CREDIT_SETTINGS, type BuyerRating, type CreditSettings, type CreditTrade } from "./types";

export interface StoredOrder {
  id: string;
  externalId: string | null;
  customerId: string;
  status: string;
  createdAt: number;
  paidAt: number | null;
}

export interface StoredLine {
  orderId: string;
  position: number;
  productId: string | null;
  skuId: string | null;
  /** Every name the line's product and SKU go by: QinDesk ids and the shop's own ids. */
  names: readonly string[];
}

export interface StoredReview {
  id: string;
  orderId: string;
  item: string | null;
  rating: BuyerRating;
  at: number;
}

export interface ShopFacts {
  platform: string;
  timezone: string;
  settings: Record<string, unknown>;
}

/** Where a trade came from, to show it as an order again. */
export interface TradeSource {
  orderId: string;
  orderExternalId: string | null;
  customerId: string;
  position: number;
  productId: string | null;
  reviewId: string | null;
}

const ESCROW_PLATFORMS = new Set(["taobao", "tmall"]);

function storedNumber(group: Record<string, unknown>, key: string, min: number): number | undefined {
  const value = group[key];
  return typeof value === "number" && Number.isInteger(value) && value >= min ? value : undefined;
}

/** The engine's settings for a shop: its stored `credit` rules over the contract's defaults, in the shop's zone. */
export function creditSettingsOf(shop: ShopFacts): CreditSettings {
  const group = (shop.settings.credit ?? {}) as Record<string, unknown>;
  return {
    reviewWindowDays: storedNumber(group, "reviewWindowDays", 1) ?? DEFAULT_CREDIT_SETTINGS.reviewWindowDays,
    defaultGoodAfterDays: storedNumber(group, "defaultGoodAfterDays", 0) ?? DEFAULT_CREDIT_SETTINGS.defaultGoodAfterDays,
    monthlyPairCap: storedNumber(group, "monthlyPairCap", 0) ?? DEFAULT_CREDIT_SETTINGS.monthlyPairCap,
    sameItemWindowDays: storedNumber(group, "sameItemWindowDays", 0) ?? DEFAULT_CREDIT_SETTINGS.sameItemWindowDays,
    timezone: shop.timezone,
  };
}

export function paidThroughEscrowByDefault(shop: Pick<ShopFacts, "platform" | "settings">): boolean {
  const stored = ((shop.settings.credit ?? {}) as Record<string, unknown>).paidThroughEscrow;
  return typeof stored === "boolean" ? stored : ESCROW_PLATFORMS.has(shop.platform);
}

export const SUCCESS_STATUS = "completed";

/** Rule 1 for a stored order: a successful trade paid through escrow. */
export function orderCountsForCredit(order: { status: string; paidAt: number | null }, shop: Pick<ShopFacts, "platform" | "settings">): boolean {
  return order.status === SUCCESS_STATUS && order.paidAt !== null && paidThroughEscrowByDefault(shop);
}

/** Orders that could still earn a rating: paid, not undone, and without a buyer rating yet. */
export const PENDING_STATUSES = new Set(["paid", "shipped", "delivered", "completed"]);

export function tradeId(orderId: string, position: number): string {
  return `${orderId}#${position}`;
}

/** The rating that stands on each line: the latest review naming it (or naming no line of its order). */
export function ratingsByLine(lines: readonly StoredLine[], reviews: readonly StoredReview[]): Map<string, StoredReview> {
  const linesOf = new Map<string, StoredLine[]>();
  for (const line of lines) {
    const list = linesOf.get(line.orderId);
    if (list) list.push(line);
    else linesOf.set(line.orderId, [line]);
  }
  const standing = new Map<string, StoredReview>();
  for (const review of reviews) {
    const orderLines = linesOf.get(review.orderId) ?? [];
    const named = review.item === null ? [] : orderLines.filter((l) => l.names.includes(review.item!));
    const rated = named.length > 0 ? named : orderLines;
    for (const line of rated) {
      const key = tradeId(line.orderId, line.position);
      const current = standing.get(key);
      if (!current || review.at > current.at || (review.at === current.at && review.id > current.id)) standing.set(key, review);
    }
  }
  return standing;
}

export interface StoredTrades {
  trades: CreditTrade[];
  sources: TradeSource[];
}

/** Orders of one shop → trades, one per line; an order the shop's system sent without lines is one trade. */
export function storedTrades(shop: ShopFacts, orders: readonly StoredOrder[], lines: readonly StoredLine[], reviews: readonly StoredReview[]): StoredTrades {
  const allLines = [...lines];
  const withLines = new Set(lines.map((l) => l.orderId));
  for (const order of orders) if (!withLines.has(order.id)) allLines.push({ orderId: order.id, position: 0, productId: null, skuId: null, names: [] });
  const byOrder = new Map(orders.map((o) => [o.id, o]));
  const standing = ratingsByLine(allLines, reviews);
  const escrow = paidThroughEscrowByDefault(shop);
  const trades: CreditTrade[] = [];
  const sources: TradeSource[] = [];
  for (const line of allLines) {
    const order = byOrder.get(line.orderId);
    if (!order) continue;
    const id = tradeId(order.id, line.position);
    const review = standing.get(id) ?? null;
    trades.push({
      id,
      buyer: order.customerId,
      item: line.productId ?? `line:${id}`,
      createdAt: order.createdAt,
      status: order.status === SUCCESS_STATUS ? "success" : order.status,
      escrow: escrow && order.paidAt !== null,
      buyerRating: review?.rating ?? null,
      buyerRatedAt: review?.at ?? null,
      sellerRatedAt: null,
    });
    sources.push({ orderId: order.id, orderExternalId: order.externalId, customerId: order.customerId, position: line.position, productId: line.productId, reviewId: review?.id ?? null });
  }
  return { trades, sources };
}

/**
 * The what-if: these orders completed and rated `rating` — at the time of their own
 * rating when they have one (the buyer changes it), else at `asOf` (the buyer rates now).
 */
export function withRatings(stored: StoredTrades, orderIds: ReadonlySet<string>, rating: BuyerRating, asOf: number, escrow: boolean): CreditTrade[] {
  return stored.trades.map((trade, i) => {
    if (!orderIds.has(stored.sources[i]!.orderId)) return trade;
    return { ...trade, status: "success", escrow, buyerRating: rating, buyerRatedAt: trade.buyerRatedAt ?? asOf };
  });
}
