// The widget's HTTP calls: the session and history before it opens its socket, the
// buyer's orders and after-sales requests, and answers to order cards.
import type { ChatMessage, OrderCard } from "../../server/src/modules/conversations/chat-protocol";
import type { CardAnswer, CardRecipient } from "./order-card-view";
import type { BuyerIdentity } from "./config";

export interface WidgetSession {
  token: string;
  visitorId: string;
  customer: { id: string; nick: string };
  conversationId: string | null;
  shop: { id: string; name: string };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`QinDesk widget: HTTP ${status} ${code}`);
  }
}

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let code = "http_error";
    try {
      const body = (await response.json()) as { error?: { code?: string } };
      code = body.error?.code ?? code;
    } catch {
      // A non-JSON error page: the status says enough.
    }
    throw new HttpError(response.status, code);
  }
  return (await response.json()) as T;
}

export async function startSession(
  apiOrigin: string,
  request: { shopId: string; visitorId?: string; identity?: BuyerIdentity },
): Promise<WidgetSession> {
  // The server's schema is strict: leave absent fields out rather than sending undefined/null.
  const body: Record<string, unknown> = { shopId: request.shopId };
  if (request.visitorId) body.visitorId = request.visitorId;
  if (request.identity) body.identity = request.identity;
  const response = await fetch(`${apiOrigin}/api/widget/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    // The widget runs on shop sites: the bearer token, not cookies, identifies the buyer.
    credentials: "omit",
  });
  return readJson<WidgetSession>(response);
}

export async function fetchMessages(apiOrigin: string, token: string, afterSeq: number): Promise<ChatMessage[]> {
  const response = await fetch(`${apiOrigin}/api/widget/messages?afterSeq=${afterSeq}`, {
    headers: { authorization: `Bearer ${token}` },
    credentials: "omit",
  });
  const body = await readJson<{ items: ChatMessage[] }>(response);
  return Array.isArray(body.items) ? body.items : [];
}

export interface BuyerOrder {
  id: string;
  externalId: string | null;
  status: string;
  totalCents: number;
  createdAt: string;
  items: { title: string | null; color: string | null; size: string | null; qty: number }[];
}

export async function fetchOrders(apiOrigin: string, token: string): Promise<BuyerOrder[]> {
  const response = await fetch(`${apiOrigin}/api/widget/orders`, { headers: { authorization: `Bearer ${token}` }, credentials: "omit" });
  const body = await readJson<{ items: BuyerOrder[] }>(response);
  return Array.isArray(body.items) ? body.items : [];
}

export async function requestAftersales(apiOrigin: string, token: string, request: { orderId: string; kind: string; reason: string; note?: string }): Promise<void> {
  const response = await fetch(`${apiOrigin}/api/widget/aftersales`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(request),
    credentials: "omit",
  });
  await readJson<unknown>(response);
}

export async function fetchOrderCard(apiOrigin: string, token: string, actionId: string): Promise<{ card: OrderCard; recipient: CardRecipient | null }> {
  const response = await fetch(`${apiOrigin}/api/widget/order-actions/${encodeURIComponent(actionId)}`, { headers: { authorization: `Bearer ${token}` }, credentials: "omit" });
  return readJson(response);
}

export async function answerOrderCard(apiOrigin: string, token: string, actionId: string, answer: CardAnswer): Promise<{ card: OrderCard }> {
  const response = await fetch(`${apiOrigin}/api/widget/order-actions/${encodeURIComponent(actionId)}/answer`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(answer),
    credentials: "omit",
  });
  return readJson(response);
}
