// Which messages of each conversation the client already holds, by per-conversation seq.
// `lastSeq` only advances over an unbroken run (1, 2, 3…) so the hello after a reconnect
// asks the server for every gap; seqs seen past a gap wait in `ahead` until it fills.

export class SeqTracker {
  private readonly last = new Map<string, number>();
  private readonly ahead = new Map<string, Set<number>>();

  /** The hello payload: last contiguous seq per conversation the client knows. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.last);
  }

  lastSeq(conversationId: string): number | undefined {
    return this.last.get(conversationId);
  }

  has(conversationId: string, seq: number): boolean {
    const last = this.last.get(conversationId);
    if (last !== undefined && seq <= last) return true;
    return this.ahead.get(conversationId)?.has(seq) ?? false;
  }

  /**
   * History up to `seq` was loaded over HTTP (it holds 1…seq without gaps).
   * Never moves a conversation backwards.
   */
  noteHistory(conversationId: string, seq: number): void {
    const last = this.last.get(conversationId) ?? 0;
    if (seq > last) this.last.set(conversationId, seq);
    this.drain(conversationId);
  }

  /**
   * A live message arrived. Returns false when it was already held (a duplicate).
   * The first message of a conversation the client never loaded starts its run: older
   * history is fetched over HTTP when the agent opens it, not replayed by resume.
   */
  accept(conversationId: string, seq: number): boolean {
    if (this.has(conversationId, seq)) return false;
    const last = this.last.get(conversationId);
    if (last === undefined || seq === last + 1) {
      this.last.set(conversationId, seq);
      this.drain(conversationId);
    } else {
      let set = this.ahead.get(conversationId);
      if (!set) this.ahead.set(conversationId, (set = new Set()));
      set.add(seq);
    }
    return true;
  }

  private drain(conversationId: string): void {
    const set = this.ahead.get(conversationId);
    if (!set) return;
    let last = this.last.get(conversationId) ?? 0;
    for (const seq of set) if (seq <= last) set.delete(seq);
    while (set.delete(last + 1)) last += 1;
    this.last.set(conversationId, last);
    if (set.size === 0) this.ahead.delete(conversationId);
  }
}

/** Reconnect delay: doubling from `baseMs` up to `maxMs`, with jitter in [50 %, 100 %]. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 500, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
