// What the chat pane shows: confirmed history in seq order, then this conversation's
// unacknowledged sends. A send whose message already arrived (ack and message.new can
// land in either order) is shown once, as the confirmed message.
import type { OutboxEntry } from "../../platform/realtime/realtime-client";
import type { ChatMessage } from "../../platform/types";
import type { BubbleModel } from "./MessageBubble";

export function toBubbles(
  conversationId: string,
  messages: readonly ChatMessage[],
  outbox: readonly OutboxEntry[],
  buyerReadSeq: number,
): Array<BubbleModel & { clientId?: string }> {
  const confirmedClientIds = new Set(messages.map((m) => m.clientId).filter((id): id is string => id !== null));
  const confirmed = messages.map<BubbleModel>((m) => ({
    key: `m:${m.id}`,
    from: m.from,
    kind: m.kind,
    text: m.text,
    imageUrl: m.imageUrl,
    product: m.product,
    card: m.card,
    at: m.createdAt,
    senderName: m.agentName,
    seq: m.seq,
    delivery: m.from === "agent" ? (m.seq <= buyerReadSeq ? "read" : "sent") : undefined,
  }));
  const pending = outbox
    .filter((e) => e.conversationId === conversationId && !confirmedClientIds.has(e.clientId))
    .map((e) => ({
      key: `c:${e.clientId}`,
      clientId: e.clientId,
      from: "agent" as const,
      kind: e.kind,
      text: e.text,
      imageUrl: e.imageUrl ?? null,
      product: null,
      card: null,
      at: new Date(e.createdAt).toISOString(),
      senderName: null,
      delivery: e.state,
    }));
  return [...confirmed, ...pending];
}
