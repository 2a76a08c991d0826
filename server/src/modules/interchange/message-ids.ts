// Ids for interchange messages that come without one: the importer and the exporter
// must make the same id from the same message.
import { createHash } from "node:crypto";

/**
 * Ids for messages the file gives none. The id is built from the message itself
 * (conversation, instant, sender and text), not from its place in the file: a later
 * file that only adds new messages must not overwrite the earlier ones. The same
 * message again at the same instant (a double send) gets "~2", "~3"…; each
 * conversation remembers only the messages of its latest instant, so memory grows
 * with conversations, not messages. Without an id a message cannot be edited by a
 * re-import (a changed text is a different message): sources that edit messages
 * must give ids.
 */
export class MessageIdDeriver {
  private readonly latest = new Map<string, { atMs: number; seen: Map<string, number> }>();

  next(conversation: string, from: string, agent: string | undefined, atMs: number, text: string): string {
    const digest = createHash("sha1").update(`${from}\u0000${agent ?? ""}\u0000${text}`).digest("base64url").slice(0, 12);
    const base = `${conversation}@${atMs.toString(36)}.${digest}`;
    let instant = this.latest.get(conversation);
    if (!instant || instant.atMs !== atMs) this.latest.set(conversation, (instant = { atMs, seen: new Map() }));
    const repeat = (instant.seen.get(base) ?? 0) + 1;
    instant.seen.set(base, repeat);
    return repeat === 1 ? base : `${base}~${repeat}`;
  }
}
