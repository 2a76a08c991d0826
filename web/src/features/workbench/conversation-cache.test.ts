import { describe, expect, it } from "vitest";
import type { ChatMessage, ConversationSummary } from "../../platform/types";
import { applyMessage, belongsToView, mergeMessages, upsertInView } from "./conversation-cache";

const viewer = { id: "a1", team: "presales", viewAll: false };

function conv(id: string, extra: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id, shopId: "s1", customer: { id: `cu-${id}`, nick: `buyer ${id}` }, team: "presales", status: "open",
    assigneeId: "a1", assigneeName: "小美", lastMessage: null, lastSeq: 0, unread: 0, waitingSince: null,
    startedAt: "2026-05-01T10:00:00Z", stage: null, outcome: null, lostReason: null, escalated: false, priority: "normal", ...extra,
  };
}

function msg(seq: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`, conversationId: "c1", seq, clientId: null, from: "buyer", agentId: null, agentName: null,
    kind: "text", text: `text ${seq}`, imageUrl: null, product: null, card: null,
    createdAt: new Date(Date.parse("2026-05-01T10:00:00Z") + seq * 1000).toISOString(), ...extra,
  };
}

describe("queue views", () => {
  it("place conversations by status, assignee and team", () => {
    const waiting = conv("w", { status: "waiting", assigneeId: null });
    const other = conv("o", { assigneeId: "a2", team: "aftersales" });
    const closed = conv("x", { status: "closed" });
    expect(belongsToView(waiting, "waiting", viewer)).toBe(true);
    expect(belongsToView(waiting, "mine", viewer)).toBe(false);
    expect(belongsToView(other, "team", viewer)).toBe(false);
    expect(belongsToView(other, "all", viewer)).toBe(true);
    expect(belongsToView(closed, "mine", viewer)).toBe(false);
    expect(belongsToView(closed, "all", viewer)).toBe(false);
    const otherTeamWaiting = conv("w2", { status: "waiting", assigneeId: null, team: "aftersales" });
    expect(belongsToView(otherTeamWaiting, "waiting", viewer)).toBe(false);
    expect(belongsToView(otherTeamWaiting, "waiting", { ...viewer, viewAll: true })).toBe(true);
  });

  it("upsert moves a conversation to the top, and removes it when it leaves the view", () => {
    const a = conv("a", { lastMessage: { text: "x", from: "buyer", at: "2026-05-01T10:05:00Z" } });
    const b = conv("b", { lastMessage: { text: "y", from: "buyer", at: "2026-05-01T10:03:00Z" } });
    const bNewer = { ...b, lastMessage: { text: "z", from: "buyer" as const, at: "2026-05-01T10:09:00Z" } };
    expect(upsertInView([a, b], bNewer, "mine", viewer).map((c) => c.id)).toEqual(["b", "a"]);
    const claimedByOther = { ...a, assigneeId: "a2" };
    expect(upsertInView([a, b], claimedByOther, "mine", viewer).map((c) => c.id)).toEqual(["b"]);
    const list = [a, b];
    expect(upsertInView(list, conv("n", { status: "closed" }), "waiting", viewer)).toBe(list);
  });
});

describe("applyMessage", () => {
  it("counts a new buyer message once and starts the waiting timer", () => {
    const c = conv("c1", { lastSeq: 2, unread: 1 });
    const next = applyMessage(c, msg(3), { viewing: false });
    expect(next).toMatchObject({ lastSeq: 3, unread: 2, waitingSince: msg(3).createdAt, lastMessage: { text: "text 3" } });
    expect(applyMessage(next, msg(3), { viewing: false })).toBe(next); // replayed copy
    expect(applyMessage(c, msg(2), { viewing: false })).toBe(c); // already in the summary
  });
  it("an agent reply stops the timer; viewing clears unread", () => {
    const c = conv("c1", { lastSeq: 3, unread: 2, waitingSince: "2026-05-01T10:00:03Z" });
    expect(applyMessage(c, msg(4, { from: "agent" }), { viewing: false })).toMatchObject({ waitingSince: null, unread: 2 });
    expect(applyMessage(c, msg(4), { viewing: true }).unread).toBe(0);
  });
});

describe("mergeMessages", () => {
  it("dedupes by seq and keeps seq order", () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), msg(3, { text: "server copy" }), msg(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(merged[2]!.text).toBe("server copy");
  });
});
