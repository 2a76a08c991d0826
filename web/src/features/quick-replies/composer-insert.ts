// The library panel inserts into the open conversation's composer without owning its
// draft: the composer of that conversation listens here.
type Listener = (text: string) => void;
const listeners = new Map<string, Set<Listener>>();

// Text for a composer not open yet (a review follow-up opens the buyer's chat with the apology).
const pending = new Map<string, string>();

export function onComposerInsert(conversationId: string, listener: Listener): () => void {
  const set = listeners.get(conversationId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(conversationId, set);
  const waiting = pending.get(conversationId);
  if (waiting !== undefined) {
    pending.delete(conversationId);
    listener(waiting);
  }
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(conversationId);
  };
}

/** False when no composer of that conversation is open. */
export function insertIntoComposer(conversationId: string, text: string): boolean {
  const set = listeners.get(conversationId);
  if (!set?.size) return false;
  for (const listener of set) listener(text);
  return true;
}

/** Inserts now, or as soon as that conversation's composer opens. */
export function queueComposerInsert(conversationId: string, text: string): void {
  if (!insertIntoComposer(conversationId, text)) pending.set(conversationId, text);
}
