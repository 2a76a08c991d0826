// "Messages of a conversation are ordered by time, then by their order of
// arrival." Each conversation is walked as its own state machine, so the shop's
// messages may come interleaved in any way as long as every conversation's own
// messages come in (at, seq) order: both ORDER BY at, seq and ORDER BY
// conversation, seq qualify, and then nothing is sorted. Anything else is
// sorted once, by index.

export interface Ordered {
  at: number;
  seq: number;
}

/** Message order: time, then order of arrival. */
export function compareMessages(a: Ordered, b: Ordered): number {
  return a.at - b.at || a.seq - b.seq;
}

/** Sort in place unless already sorted: a check is cheaper than a sort. */
export function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1] as T, list[i] as T) > 0) {
      list.sort(compare);
      return;
    }
  }
}

/** All message indices in (at, seq) order; equal keys keep input order. */
export function sortedMessageOrder(messages: readonly Ordered[]): Uint32Array {
  const at = new Float64Array(messages.length);
  const seq = new Float64Array(messages.length);
  const order = new Uint32Array(messages.length);
  for (let i = 0; i < messages.length; i++) {
    at[i] = messages[i].at;
    seq[i] = messages[i].seq;
    order[i] = i;
  }
  return order.sort((a, b) => at[a] - at[b] || seq[a] - seq[b] || a - b);
}
