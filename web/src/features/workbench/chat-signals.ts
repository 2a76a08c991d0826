// Ephemeral per-conversation signals from the socket that no query owns: whether the
// buyer is typing (expires on its own if the "stopped" event is lost) and how far the
// buyer has read.
import { useSyncExternalStore } from "react";

const TYPING_TTL_MS = 6_000;

const typingUntil = new Map<string, number>();
const buyerReadSeq = new Map<string, number>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setBuyerTyping(conversationId: string, typing: boolean): void {
  clearTimeout(timers.get(conversationId));
  timers.delete(conversationId);
  if (typing) {
    typingUntil.set(conversationId, Date.now() + TYPING_TTL_MS);
    timers.set(conversationId, setTimeout(() => setBuyerTyping(conversationId, false), TYPING_TTL_MS));
  } else if (!typingUntil.delete(conversationId)) {
    return;
  }
  changed();
}

export function setBuyerRead(conversationId: string, seq: number): void {
  if ((buyerReadSeq.get(conversationId) ?? 0) >= seq) return;
  buyerReadSeq.set(conversationId, seq);
  changed();
}

export function useBuyerTyping(conversationId: string | null): boolean {
  useSyncExternalStore(subscribe, () => version);
  return conversationId !== null && (typingUntil.get(conversationId) ?? 0) > Date.now();
}

export function useBuyerReadSeq(conversationId: string | null): number {
  useSyncExternalStore(subscribe, () => version);
  return conversationId === null ? 0 : (buyerReadSeq.get(conversationId) ?? 0);
}
