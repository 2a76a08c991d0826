// The buyer's side of one chat, without DOM or socket: confirmed messages in order, the
// outbox of sends the server has not acknowledged yet, and what to say after a reconnect.
// Kept pure so the resume/dedupe rules can be tested in plain Node.
import type {
  ChatMessage,
  ClientEvents,
  MessageKind,
  OrderCard,
  ProductCard,
} from "../../server/src/modules/conversations/chat-protocol";

export interface OutboxEntry {
  clientId: string;
  kind: MessageKind;
  text: string;
  imageUrl: string | null;
  productId: string | null;
  /** What the pending bubble shows until the ack brings the server's card. */
  product: ProductCard | null;
  createdAt: string;
}

export type TimelineItem =
  | { key: string; status: "sent"; message: ChatMessage }
  | { key: string; status: "pending" | "failed"; entry: OutboxEntry };

type SendEvent = ClientEvents["message.send"];

export function messageKey(message: ChatMessage): string {
  return message.clientId ? `c:${message.from}:${message.clientId}` : `m:${message.id}`;
}

function entryKey(entry: OutboxEntry): string {
  return `c:buyer:${entry.clientId}`;
}

export class ConversationState {
  /** The conversation new messages go to; null until the server has made one. */
  conversationId: string | null;
  private readonly messages: ChatMessage[] = [];
  private readonly ids = new Set<string>();
  /** Conversations in the order first seen: a buyer whose chat was closed gets a new one. */
  private readonly conversations: string[] = [];
  private readonly lastSeqs: Record<string, number> = {};
  private outbox: OutboxEntry[];
  /** Sends the server refused for good (too large, closed…): shown, never re-sent. */
  private failed: OutboxEntry[] = [];

  constructor(init: { conversationId?: string | null; outbox?: OutboxEntry[] } = {}) {
    this.conversationId = init.conversationId ?? null;
    if (this.conversationId) this.noteConversation(this.conversationId);
    this.outbox = [...(init.outbox ?? [])];
  }

  /** The session named the buyer's open conversation before any message of it arrived. */
  useConversation(conversationId: string): void {
    this.noteConversation(conversationId);
    this.conversationId ??= conversationId;
  }

  /** Adds a message from history, `message.new` or an ack. Returns false for a duplicate. */
  receive(message: ChatMessage): boolean {
    let changed = this.dropFromOutbox(message);
    if (this.ids.has(message.id)) return changed;
    this.ids.add(message.id);
    this.noteConversation(message.conversationId);
    // The newest conversation is the buyer's current one.
    this.conversationId = this.conversations[this.conversations.length - 1] ?? null;
    const seq = this.lastSeqs[message.conversationId] ?? 0;
    if (message.seq > seq) this.lastSeqs[message.conversationId] = message.seq;
    this.insertInOrder(message);
    changed = true;
    return changed;
  }

  /** An order card was answered or withdrawn: the message showing it shows the new state. Returns whether anything changed. */
  updateCard(card: OrderCard): boolean {
    const index = this.messages.findIndex((m) => m.card?.actionId === card.actionId);
    const current = this.messages[index];
    if (!current || current.card?.state === card.state) return false;
    this.messages[index] = { ...current, card };
    return true;
  }

  /** `message.ack`: the send identified by clientId was stored as `message`. */
  acknowledge(clientId: string, message: ChatMessage): boolean {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((entry) => entry.clientId !== clientId);
    const received = this.receive(message);
    return received || before !== this.outbox.length;
  }

  enqueue(entry: OutboxEntry): SendEvent {
    this.outbox.push(entry);
    return sendEventFor(entry);
  }

  /** The server refused this send for good; keep it visible as failed, stop re-sending it. */
  fail(clientId: string): boolean {
    const entry = this.outbox.find((candidate) => candidate.clientId === clientId);
    if (!entry) return false;
    this.outbox = this.outbox.filter((candidate) => candidate !== entry);
    this.failed.push(entry);
    return true;
  }

  /** The first frame after (re)connecting: what we already hold, so the server sends only the rest. */
  hello(): ClientEvents["hello"] {
    const lastSeq: Record<string, number> = {};
    if (this.conversationId) lastSeq[this.conversationId] = this.lastSeqs[this.conversationId] ?? 0;
    return { type: "hello", lastSeq };
  }

  /** Everything still unacknowledged, with the same clientIds, in the order it was written. */
  resendable(): SendEvent[] {
    return this.outbox.map(sendEventFor);
  }

  pendingEntries(): readonly OutboxEntry[] {
    return this.outbox;
  }

  lastSeq(): number {
    return this.conversationId ? (this.lastSeqs[this.conversationId] ?? 0) : 0;
  }

  /** Messages from the shop side in the current conversation after the buyer last looked. */
  unreadAfter(seenSeq: number): number {
    return this.messages.filter(
      (message) =>
        message.conversationId === this.conversationId && message.from !== "buyer" && message.seq > seenSeq,
    ).length;
  }

  /** Whether this product's card is the latest card the buyer sent (so opening it again adds nothing). */
  lastProductIs(productId: string): boolean {
    const pending = [...this.outbox].reverse().find((entry) => entry.kind === "product");
    if (pending) return pending.productId === productId;
    const sent = [...this.messages].reverse().find((message) => message.kind === "product" && message.from === "buyer");
    return sent?.product?.productId === productId;
  }

  timeline(): TimelineItem[] {
    return [
      ...this.messages.map((message): TimelineItem => ({ key: messageKey(message), status: "sent", message })),
      ...this.outbox.map((entry): TimelineItem => ({ key: entryKey(entry), status: "pending", entry })),
      ...this.failed.map((entry): TimelineItem => ({ key: entryKey(entry), status: "failed", entry })),
    ];
  }

  private dropFromOutbox(message: ChatMessage): boolean {
    if (message.from !== "buyer" || !message.clientId) return false;
    const before = this.outbox.length + this.failed.length;
    this.outbox = this.outbox.filter((entry) => entry.clientId !== message.clientId);
    this.failed = this.failed.filter((entry) => entry.clientId !== message.clientId);
    return before !== this.outbox.length + this.failed.length;
  }

  private noteConversation(conversationId: string): void {
    if (!this.conversations.includes(conversationId)) this.conversations.push(conversationId);
  }

  private insertInOrder(message: ChatMessage): void {
    const rank = (candidate: ChatMessage) => this.conversations.indexOf(candidate.conversationId);
    const messageRank = rank(message);
    let index = this.messages.length;
    // Messages nearly always arrive in order, so walk back from the end.
    while (index > 0) {
      const previous = this.messages[index - 1]!;
      const previousRank = rank(previous);
      if (previousRank < messageRank || (previousRank === messageRank && previous.seq < message.seq)) break;
      index -= 1;
    }
    this.messages.splice(index, 0, message);
  }
}

export function sendEventFor(entry: OutboxEntry): SendEvent {
  const event: SendEvent = { type: "message.send", clientId: entry.clientId, kind: entry.kind };
  // Buyers leave conversationId out on purpose: the server puts the message in their open
  // conversation and makes a new one when the last was closed.
  if (entry.text) event.text = entry.text;
  if (entry.imageUrl) event.imageUrl = entry.imageUrl;
  if (entry.productId) event.productId = entry.productId;
  return event;
}

/** A fresh idempotency id (the protocol wants 8–64 characters). */
export function newClientId(
  cryptoSource: { randomUUID?: () => string } | undefined = globalThis.crypto,
  random: () => number = Math.random,
): string {
  if (cryptoSource && typeof cryptoSource.randomUUID === "function") return cryptoSource.randomUUID();
  let id = "w";
  while (id.length < 25) id += Math.floor(random() * 36).toString(36);
  return id;
}

export function serializeOutbox(entries: readonly OutboxEntry[]): string {
  return JSON.stringify(entries);
}

const KINDS: readonly string[] = ["text", "image", "product"];

/** Reads the outbox back from sessionStorage, skipping anything malformed rather than failing. */
export function parseOutbox(raw: string | null): OutboxEntry[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const entries: OutboxEntry[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const record = item as Record<string, unknown>;
    const { clientId, kind } = record;
    if (typeof clientId !== "string" || clientId.length < 8 || clientId.length > 64) continue;
    if (typeof kind !== "string" || !KINDS.includes(kind)) continue;
    entries.push({
      clientId,
      kind: kind as MessageKind,
      text: typeof record.text === "string" ? record.text : "",
      imageUrl: typeof record.imageUrl === "string" ? record.imageUrl : null,
      productId: typeof record.productId === "string" ? record.productId : null,
      product: parseProduct(record.product),
      createdAt: typeof record.createdAt === "string" ? record.createdAt : new Date(0).toISOString(),
    });
  }
  return entries;
}

function parseProduct(value: unknown): ProductCard | null {
  if (typeof value !== "object" || value === null) return null;
  const card = value as Record<string, unknown>;
  if (typeof card.productId !== "string" || typeof card.title !== "string") return null;
  return {
    productId: card.productId,
    title: card.title,
    priceCents: typeof card.priceCents === "number" ? card.priceCents : 0,
    imageUrl: typeof card.imageUrl === "string" ? card.imageUrl : null,
  };
}
