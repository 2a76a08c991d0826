// The chat WebSockets: /api/ws for agents (session cookie) and /api/widget/ws for buyers
// (widget token). Each socket's events are handled one after another, so a client's
// messages keep the order it sent them in; acks go out only after the store committed.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { randomUUID } from "node:crypto";
import type {} from "@fastify/websocket";
import type { WebSocket } from "ws";
import type { AuthContext } from "../../platform/auth/auth-context";
import { HttpError } from "../../platform/http/errors";
import { findShopById } from "../workspace";
import type { ChatMessage, ClientEvent, ServerEvent } from "./chat-protocol";
import { CHAT_LIMITS } from "./chat-protocol";
import { agentSend, buyerSend, publishConversation, type BuyerContext, type ChatDeps } from "./chat.service";
import type { ChatConnectionMeta, ChatHub } from "./chat-delivery";
import { clientEventSchema } from "./chat-events.schema";
import { findConversation, latestConversationOf, messagesAfter, setReadSeq, type ConversationRow } from "./conversations.repo";
import { canSeeConversation } from "./conversations.policy";
import { MessageRateLimit } from "./rate-limit";
import { readBuyerToken, tokenShopId } from "./widget-identity";

type Send = (event: ServerEvent) => void;

interface Party {
  /** The conversation if this party may see it, else null. */
  visible(c: ConversationRow | null): ConversationRow | null;
  send(event: Extract<ClientEvent, { type: "message.send" }>): Promise<ChatMessage>;
  role: "agent" | "buyer";
  /** The buyer's latest conversation id, for a hello that names none. */
  latest?: () => Promise<string | null>;
}

function errorEvent(err: unknown, clientId?: string): ServerEvent {
  if (err instanceof HttpError) {
    const code = err.status === 413 ? "too_large" : err.status === 404 ? "not_found" : err.status === 429 ? "rate_limited" : err.status === 403 ? "forbidden" : "bad_event";
    return { type: "error", code, message: err.message, ...(clientId ? { clientId } : {}) };
  }
  return { type: "error", code: "internal", message: "Could not handle the event", ...(clientId ? { clientId } : {}) };
}

function attach(deps: ChatDeps, hub: ChatHub, socket: WebSocket, request: FastifyRequest, workspaceId: string, meta: ChatConnectionMeta, party: Party): void {
  const connection = { id: randomUUID(), workspaceId, meta, socket };
  hub.add(connection);
  const send: Send = (event) => hub.send(connection, event);
  let queue = Promise.resolve();
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, CHAT_LIMITS.heartbeatMs);
  socket.on("pong", () => (alive = true));
  let closed = false;
  socket.on("close", () => {
    closed = true;
    clearInterval(heartbeat);
    hub.remove(connection.id);
  });
  socket.on("message", (raw) => {
    alive = true;
    // Events still queued when the socket closes are dropped: none of them was acked, so
    // the client re-sends them on its next socket, and handling them here as well would
    // race that socket and could store a buyer's messages out of order.
    queue = queue.then(() => (closed ? Promise.resolve() : handle(raw.toString())).catch((err: unknown) => {
      if (!(err instanceof HttpError)) request.log.error({ err }, "chat event failed");
      send(errorEvent(err));
    }));
  });
  send({ type: "ready", role: party.role });

  async function handle(raw: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return send({ type: "error", code: "bad_event", message: "Not JSON" });
    }
    const result = clientEventSchema.safeParse(parsed);
    if (!result.success) {
      const clientId = (parsed as { clientId?: unknown }).clientId;
      const issue = result.error.issues[0]!;
      const tooBig = issue.code === "too_big";
      return send({ type: "error", code: tooBig ? "too_large" : "bad_event", message: `${issue.path.join(".") || "event"}: ${issue.message}`, ...(typeof clientId === "string" ? { clientId } : {}) });
    }
    const event = result.data;
    switch (event.type) {
      case "ping":
        return send({ type: "pong" });
      case "hello": {
        const known = { ...event.lastSeq };
        // A buyer who holds nothing yet (first ack lost, fresh tab) resumes their latest conversation from the start.
        if (party.role === "buyer" && Object.keys(known).length === 0 && party.latest) {
          const latest = await party.latest();
          if (latest) known[latest] = 0;
        }
        for (const [conversationId, lastSeq] of Object.entries(known)) {
          const c = party.visible(await findConversation(deps.db, workspaceId, conversationId));
          if (!c) continue;
          for (let after = lastSeq; ; ) {
            const missed = await messagesAfter(deps.db, workspaceId, c.id, after, 500, party.role === "buyer");
            for (const message of missed) send({ type: "message.new", message });
            if (missed.length < 500) break;
            after = missed[missed.length - 1]!.seq;
          }
        }
        return send({ type: "resume.done" });
      }
      case "message.send":
        try {
          const message = await party.send(event);
          return send({ type: "message.ack", clientId: event.clientId, message });
        } catch (err) {
          if (!(err instanceof HttpError)) request.log.error({ err }, "send failed");
          return send(errorEvent(err, event.clientId));
        }
      case "typing": {
        const c = party.visible(await findConversation(deps.db, workspaceId, event.conversationId));
        if (c) await publishConversation(deps, c, [{ type: "typing", conversationId: c.id, from: party.role, typing: event.typing }], false);
        return;
      }
      case "read": {
        const c = party.visible(await findConversation(deps.db, workspaceId, event.conversationId));
        if (!c) return send({ type: "error", code: "not_found", message: "No such conversation" });
        await setReadSeq(deps.db, workspaceId, c.id, party.role, event.seq);
        return publishConversation(deps, c, [{ type: "read", conversationId: c.id, by: party.role, seq: event.seq }], party.role === "agent");
      }
    }
  }
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * One buyer's sends on this node run one after another, whatever socket they come from:
 * after a reconnect the old socket may still be storing (and publishing) a message while
 * the new one re-sends it and the next, and the agent must see them in the buyer's order.
 */
function perBuyerChain() {
  const chains = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (chains.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    }).catch(() => undefined);
    return next;
  };
}

export function registerChatSockets(app: FastifyInstance, deps: ChatDeps, hub: ChatHub): void {
  const buyerLimit = new MessageRateLimit(CHAT_LIMITS.buyerBurst);
  const inBuyerOrder = perBuyerChain();

  app.get("/api/ws", { websocket: true, config: { access: "signed-in" } }, (socket, request) => {
    const auth: AuthContext | null = request.auth;
    // A page of another site must not ride on the agent's cookie (cross-site WebSocket hijacking).
    if (!auth || !sameOrigin(request)) return socket.close(4401, "sign in first");
    attach(deps, hub, socket, request, auth.agent.workspaceId, { kind: "agent", auth }, {
      role: "agent",
      visible: (c) => (c && canSeeConversation(auth, c) ? c : null),
      send: (event) => agentSend(deps, auth, event),
    });
  });

  app.get("/api/widget/ws", { websocket: true, config: { access: "public" } }, async (socket, request) => {
    // Messages that arrive while the token is being checked are kept, then replayed.
    const early: unknown[] = [];
    const keep = (data: unknown) => early.push(data);
    socket.on("message", keep);
    const token = (request.query as { token?: unknown }).token;
    const shopId = typeof token === "string" ? tokenShopId(token) : null;
    const shop = shopId ? await findShopById(deps.db, shopId) : null;
    const claims = shop && typeof token === "string" ? readBuyerToken(shop.widgetSecret, token) : null;
    if (!shop || !claims) return socket.close(4401, "bad or expired widget token");
    const buyer: BuyerContext = { workspaceId: shop.workspaceId, shopId: shop.id, shopName: shop.name, shopSettings: shop.settings, shopTimezone: shop.timezone, customerId: claims.customerId };
    attach(deps, hub, socket, request, shop.workspaceId, { kind: "buyer", customerId: claims.customerId, shopId: shop.id }, {
      role: "buyer",
      latest: async () => (await latestConversationOf(deps.db, buyer.workspaceId, buyer.shopId, buyer.customerId))?.id ?? null,
      visible: (c) => (c && c.customerId === buyer.customerId && c.shopId === buyer.shopId ? c : null),
      send: (event) =>
        inBuyerOrder(buyer.customerId, async () => {
          if (!buyerLimit.take(buyer.customerId)) throw new HttpError(429, "rate_limited", "Too many messages; wait a few seconds");
          return buyerSend(deps, buyer, event);
        }),
    });
    socket.off("message", keep);
    for (const data of early) socket.emit("message", data, false);
  });
}
