// Wires the pieces together: session → history → socket, the outbox kept in sessionStorage,
// typing and read signals, and the unread dot.
import type { ChatErrorCode, ServerEvent } from "../../server/src/modules/conversations/chat-protocol";
import { answerOrderCard, fetchMessages, fetchOrderCard, fetchOrders, HttpError, requestAftersales, startSession, type WidgetSession } from "./api";
import { requestText } from "./aftersales-view";
import { socketUrl, storageKeys, type BuyerIdentity, type WidgetConfig } from "./config";
import { ChatSocket } from "./connection";
import { ConversationState, newClientId, parseOutbox, serializeOutbox, type OutboxEntry } from "./conversation-state";
import type { Messages } from "./i18n";
import { imageToDataUrl } from "./image";
import { MAX_TEXT_LENGTH } from "./limits";
import { WidgetView } from "./view";

export interface OpenChatOptions {
  productId?: string;
  /** Shown on the card until the server confirms it with its own copy. */
  title?: string;
  priceCents?: number;
  imageUrl?: string | null;
}

const TYPING_RESEND_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const AGENT_TYPING_TIMEOUT_MS = 8_000;
/** Codes after which the server will never accept that send: show it as failed. */
const FINAL_ERRORS = new Set(["bad_event", "too_large", "forbidden", "not_found", "closed"]);

function storage(kind: "local" | "session"): Storage | null {
  try {
    return kind === "local" ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage blocked (privacy settings, sandboxed iframes)
  }
}

function readItem(kind: "local" | "session", key: string): string | null {
  try {
    return storage(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeItem(kind: "local" | "session", key: string, value: string): void {
  try {
    storage(kind)?.setItem(key, value);
  } catch {
    // Quota exceeded (a big photo in the outbox): the message still goes out from memory.
  }
}

export class ChatWidget {
  private readonly state: ConversationState;
  private readonly socket: ChatSocket;
  private readonly view: WidgetView;
  private session: WidgetSession | null = null;
  /** The shop's signed buyer; dropped once the server refuses it. */
  private identity: BuyerIdentity | null;
  private historyLoaded = false;
  private started = false;
  /** The last message the buyer has seen, as "conversationId:seq" (seq restarts per conversation). */
  private seen: string;
  private typingSentAt = 0;
  private typingStopTimer: ReturnType<typeof setTimeout> | undefined;
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** clientIds last written to sessionStorage: a photo in the outbox is up to 2 MB, so the
   *  outbox is rewritten only when it changed, not on every incoming message. */
  private savedOutbox = "";

  constructor(
    private readonly config: WidgetConfig,
    private readonly t: Messages,
    root: ShadowRoot,
  ) {
    this.state = new ConversationState({ outbox: parseOutbox(readItem("session", storageKeys.outbox(config.shopId))) });
    this.identity = config.identity;
    this.seen = readItem("local", storageKeys.seen(config.shopId)) ?? "";
    this.savedOutbox = this.state.pendingEntries().map((entry) => entry.clientId).join(",");
    this.view = new WidgetView(root, config.mode, t, config.apiOrigin, {
      aftersales: {
        loadOrders: async () => fetchOrders(this.config.apiOrigin, await this.token()),
        submit: async (request) => {
          await requestAftersales(this.config.apiOrigin, await this.token(), {
            orderId: request.order.id,
            kind: request.kind,
            reason: request.reason,
            ...(request.note ? { note: request.note } : {}),
          });
          // Said in the chat too, so the agent who answers sees what was asked, and the photo.
          this.sendText(requestText(this.t, request));
          if (request.photo) await this.sendImage(request.photo);
          this.view.showAftersales(false);
          this.view.notice(this.t.submitted, true);
        },
      },
      onOpenChange: (open) => {
        if (open) this.start();
        this.markRead();
      },
      onSend: (text) => this.sendText(text),
      onImage: (file) => void this.sendImage(file),
      onTyping: () => this.sendTyping(),
      cards: {
        recipient: async (actionId) => (await fetchOrderCard(this.config.apiOrigin, await this.token(), actionId)).recipient,
        answer: async (actionId, answer) => {
          try {
            const { card } = await answerOrderCard(this.config.apiOrigin, await this.token(), actionId, answer);
            if (this.state.updateCard(card)) this.afterChange();
          } catch (error) {
            // Refused (shipped meanwhile, sold out): the server marks the card and says so by event.
            if (error instanceof HttpError && error.status === 409) {
              const { card } = await fetchOrderCard(this.config.apiOrigin, await this.token(), actionId);
              if (this.state.updateCard(card)) this.afterChange();
            }
            throw error;
          }
        },
      },
    });
    this.socket = new ChatSocket({
      url: (failures) => this.socketUrl(failures),
      onOpen: () => this.onSocketOpen(),
      onEvent: (event) => this.onEvent(event),
      onStatus: (status) => this.view.setStatus(status),
      onUnauthorized: () => {
        this.session = null;
      },
    });
  }

  /** Returning visitors connect at once so agent replies light the unread dot; first-time
   *  visitors only when they open the chat (no customer record for every page view). */
  boot(): void {
    this.render();
    const returning = readItem("local", storageKeys.visitor(this.config.shopId)) !== null;
    if (this.config.mode === "page") this.view.setOpen(true);
    else if (returning || this.state.pendingEntries().length > 0) this.start();
    window.addEventListener("online", () => this.socket.nudge());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.socket.nudge();
    });
  }

  open(): void {
    this.view.setOpen(true);
  }

  close(): void {
    this.view.setOpen(false);
  }

  /** Opens the panel; with a product, sends its card first unless it is already the latest one. */
  openChat(options: OpenChatOptions = {}): void {
    this.view.setOpen(true);
    const productId = options.productId?.trim();
    if (!productId || this.state.lastProductIs(productId)) return;
    this.enqueue({
      kind: "product",
      text: "",
      imageUrl: null,
      productId,
      product: options.title
        ? {
            productId,
            title: options.title,
            priceCents: Number.isFinite(options.priceCents) ? Number(options.priceCents) : 0,
            imageUrl: options.imageUrl ?? null,
          }
        : null,
    });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.socket.start();
  }

  /** The current session, or a new one when there is none or `fresh` asks for it. */
  private async ensureSession(fresh: boolean): Promise<WidgetSession> {
    if (!this.session || fresh) {
      const session = await this.createSession();
      this.session = session;
      writeItem("local", storageKeys.visitor(this.config.shopId), session.visitorId);
      this.view.setShopName(session.shop.name);
      if (session.conversationId) this.state.useConversation(session.conversationId);
    }
    return this.session;
  }

  /** The buyer as the shop's pages may act for them (the demo storefront's checkout). */
  async buyerSession(): Promise<{ token: string; apiOrigin: string; customerId: string }> {
    const session = await this.ensureSession(false);
    return { token: session.token, apiOrigin: this.config.apiOrigin, customerId: session.customer.id };
  }

  /** The buyer's token, starting a session first if the chat has not connected yet. */
  private async token(): Promise<string> {
    return (await this.ensureSession(false)).token;
  }

  private async socketUrl(failures: number): Promise<string> {
    // After repeated failures the token may be what is wrong (expired, server restarted
    // with new keys): ask for a fresh session rather than retrying the same one forever.
    const session = await this.ensureSession(failures >= 2);
    if (!this.historyLoaded) await this.loadHistory(session.token);
    return socketUrl(this.config.apiOrigin, session.token);
  }

  /**
   * A refused identity (expired, wrong signature) or a stored visitor id the server no longer
   * accepts must not leave the buyer without a chat: fall back to an anonymous visitor, first
   * keeping the visitor id, then as a brand-new one. Server and network errors are retried
   * by the socket's back-off instead.
   */
  private async createSession(): Promise<WidgetSession> {
    const shopId = this.config.shopId;
    const visitorId = readItem("local", storageKeys.visitor(shopId)) ?? undefined;
    const attempts = [
      { shopId, visitorId, identity: this.identity ?? undefined },
      ...(this.identity ? [{ shopId, visitorId }] : []),
      ...(visitorId ? [{ shopId }] : []),
    ];
    for (let index = 0; ; index += 1) {
      const body = attempts[index]!;
      try {
        const session = await startSession(this.config.apiOrigin, body);
        if (body.identity === undefined && this.identity) {
          console.warn("QinDesk widget: the shop's buyer identity was refused; chatting as a visitor");
          this.identity = null;
        }
        return session;
      } catch (error) {
        const refused = error instanceof HttpError && (error.status === 400 || error.status === 401);
        if (!refused || index === attempts.length - 1) throw error;
      }
    }
  }

  private async loadHistory(token: string): Promise<void> {
    try {
      const items = await fetchMessages(this.config.apiOrigin, token, 0);
      for (const message of items) this.state.receive(message);
      this.historyLoaded = true;
      this.afterChange();
    } catch (error) {
      // Not fatal: the hello on the socket brings the same messages.
      console.warn("QinDesk widget: could not load the chat history", error);
    }
  }

  private onSocketOpen(): void {
    this.socket.send(this.state.hello());
    for (const event of this.state.resendable()) this.socket.send(event);
    this.markRead();
  }

  private onEvent(event: ServerEvent): void {
    switch (event.type) {
      case "message.ack":
        this.state.acknowledge(event.clientId, event.message);
        this.afterChange();
        break;
      case "message.new":
        if (event.message.from !== "buyer") this.setAgentTyping(false);
        if (this.state.receive(event.message)) this.afterChange();
        break;
      case "order_action.updated":
        if (this.state.updateCard(event.card)) this.afterChange();
        break;
      case "typing":
        if (event.from === "agent" && event.conversationId === this.state.conversationId) this.setAgentTyping(event.typing);
        break;
      case "error":
        this.onError(event.code, event.clientId);
        break;
      default:
        // ready, resume.done, read, pong, conversation.updated: nothing to show.
        break;
    }
  }

  private onError(code: ChatErrorCode, clientId?: string): void {
    if (code === "rate_limited") {
      this.view.notice(this.t.rateLimited);
      // The server dropped it unstored: try the outbox again once the burst window has passed.
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        for (const event of this.state.resendable()) this.socket.send(event);
      }, 5_000);
      return;
    }
    if (code === "too_large") this.view.notice(this.t.tooLarge);
    else if (code === "closed") this.view.notice(this.t.closedChat);
    else this.view.notice(this.t.genericError);
    if (clientId && FINAL_ERRORS.has(code) && this.state.fail(clientId)) this.afterChange();
  }

  private sendText(text: string): void {
    if (text.length > MAX_TEXT_LENGTH) {
      this.view.notice(this.t.tooLarge);
      return;
    }
    this.stopTyping();
    this.enqueue({ kind: "text", text, imageUrl: null, productId: null, product: null });
  }

  private async sendImage(file: File): Promise<void> {
    const result = await imageToDataUrl(file);
    if (!result.ok) {
      this.view.notice(result.reason === "too_large" ? this.t.imageTooLarge : this.t.imageUnreadable);
      return;
    }
    this.enqueue({ kind: "image", text: "", imageUrl: result.dataUrl, productId: null, product: null });
  }

  private enqueue(content: Omit<OutboxEntry, "clientId" | "createdAt">): void {
    const event = this.state.enqueue({ ...content, clientId: newClientId(), createdAt: new Date().toISOString() });
    this.afterChange();
    this.start();
    // Not open yet: it goes out from the outbox right after the next hello.
    this.socket.send(event);
  }

  private sendTyping(): void {
    const conversationId = this.state.conversationId;
    if (!conversationId) return;
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_RESEND_MS) {
      if (this.socket.send({ type: "typing", conversationId, typing: true })) this.typingSentAt = now;
    }
    clearTimeout(this.typingStopTimer);
    this.typingStopTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingStopTimer);
    const conversationId = this.state.conversationId;
    if (this.typingSentAt === 0 || !conversationId) return;
    this.typingSentAt = 0;
    this.socket.send({ type: "typing", conversationId, typing: false });
  }

  private setAgentTyping(typing: boolean): void {
    clearTimeout(this.agentTypingTimer);
    this.view.showTyping(typing);
    // A lost "typing: false" (agent closed the tab) must not leave the hint up forever.
    if (typing) this.agentTypingTimer = setTimeout(() => this.view.showTyping(false), AGENT_TYPING_TIMEOUT_MS);
  }

  private afterChange(): void {
    const pending = this.state.pendingEntries();
    const ids = pending.map((entry) => entry.clientId).join(",");
    if (ids !== this.savedOutbox) {
      this.savedOutbox = ids;
      writeItem("session", storageKeys.outbox(this.config.shopId), serializeOutbox(pending));
    }
    this.render();
    this.markRead();
  }

  private render(): void {
    this.view.render(this.state.timeline());
    this.view.setUnread(this.view.isOpen() ? 0 : this.state.unreadAfter(this.seenSeq()));
  }

  private seenSeq(): number {
    const separator = this.seen.lastIndexOf(":");
    if (separator < 0 || this.seen.slice(0, separator) !== this.state.conversationId) return 0;
    return Number(this.seen.slice(separator + 1)) || 0;
  }

  private markRead(): void {
    if (!this.view.isOpen()) {
      this.view.setUnread(this.state.unreadAfter(this.seenSeq()));
      return;
    }
    this.view.setUnread(0);
    const conversationId = this.state.conversationId;
    const seq = this.state.lastSeq();
    if (!conversationId || seq <= this.seenSeq()) return;
    if (this.socket.send({ type: "read", conversationId, seq })) {
      this.seen = `${conversationId}:${seq}`;
      writeItem("local", storageKeys.seen(this.config.shopId), this.seen);
    }
  }
}
