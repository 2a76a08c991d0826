// Pure rules for keeping the cached queue lists and message histories right as live
// events arrive, so the list never waits for a refetch. resume.done still refetches to
// reconcile with the server after a reconnect.
import type { ChatMessage, ConversationSummary, QueueView } from "../../platform/types";

export interface Viewer {
  id: string;
  team: string;
  /** Ability "conversations.view_all": the waiting queue spans every team. */
  viewAll: boolean;
}

/** Which queue tab a conversation shows in; mirrors the server's queue filter (conversations.routes.ts). */
export function belongsToView(conversation: ConversationSummary, view: QueueView, viewer: Viewer): boolean {
  if (view === "waiting") return conversation.status === "waiting" && (viewer.viewAll || conversation.team === viewer.team);
  if (conversation.status === "closed") return false;
  switch (view) {
    case "mine":
      return conversation.assigneeId === viewer.id;
    case "team":
      return conversation.team === viewer.team;
    case "all":
      return true;
  }
}

export function activityAt(conversation: ConversationSummary): number {
  const at = Date.parse(conversation.lastMessage?.at ?? conversation.startedAt);
  return Number.isFinite(at) ? at : 0;
}

/** Most recent activity first, as the server lists them. */
export function sortByActivity(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => activityAt(b) - activityAt(a));
}

/** Replace, insert or remove `conversation` in one view's list. */
export function upsertInView(
  list: ConversationSummary[],
  conversation: ConversationSummary,
  view: QueueView,
  viewer: Viewer,
): ConversationSummary[] {
  const rest = list.filter((c) => c.id !== conversation.id);
  if (!belongsToView(conversation, view, viewer)) return rest.length === list.length ? list : rest;
  return sortByActivity([conversation, ...rest]);
}

/**
 * A live message moves its conversation's summary forward. Messages at or below the
 * summary's lastSeq are already counted in it (the server's conversation.updated may
 * have come first), so they change nothing.
 */
export function applyMessage(
  conversation: ConversationSummary,
  message: ChatMessage,
  options: { viewing: boolean },
): ConversationSummary {
  if (message.seq <= conversation.lastSeq) return conversation;
  const fromBuyer = message.from === "buyer";
  const answered = message.from === "agent";
  return {
    ...conversation,
    lastSeq: message.seq,
    lastMessage: { text: previewText(message), from: message.from, at: message.createdAt },
    unread: fromBuyer && !options.viewing ? conversation.unread + 1 : options.viewing ? 0 : conversation.unread,
    waitingSince: answered ? null : fromBuyer ? (conversation.waitingSince ?? message.createdAt) : conversation.waitingSince,
  };
}

/** Text for the list preview; images and products have no text of their own. */
export function previewText(message: ChatMessage): string {
  if (message.text) return message.text;
  if (message.kind === "product" && message.product) return message.product.title;
  return "";
}

/** Merge messages by id (and seq), in seq order; later copies win. */
export function mergeMessages(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function lastSeqOf(messages: readonly ChatMessage[]): number {
  return messages.length ? messages[messages.length - 1]!.seq : 0;
}
