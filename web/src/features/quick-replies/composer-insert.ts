// The library panel inserts into the open conversation's composer without owning its
// draft: the composer of that conversation listens here.
type Listener = (text: string) => void;
const listeners = new Map<string, Set<Listener>>();

export function onComposerInsert(conversationId: string, listener: Listener): () => void {
  const set = listeners.get(conversationId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(conversationId, set);
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
