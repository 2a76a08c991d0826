import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "../../platform/realtime/realtime-client";
import type { ChatMessage } from "../../platform/types";
import { toBubbles } from "./bubbles";
import { safeImageUrl } from "./safe-url";

const message = (seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`, conversationId: "c1", seq, clientId: null, from: "buyer", agentId: null, agentName: null,
  kind: "text", text: `t${seq}`, imageUrl: null, product: null, card: null, createdAt: "2026-05-01T10:00:00Z", ...extra,
});
const entry = (clientId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId, conversationId: "c1", kind: "text", text: `draft ${clientId}`, createdAt: 0, state: "sending", ...extra,
});

describe("toBubbles", () => {
  it("shows pending sends after history, once, and only for this conversation", () => {
    const messages = [message(1), message(2, { from: "agent", clientId: "done" })];
    const outbox = [entry("done"), entry("p1"), entry("elsewhere", { conversationId: "c2" }), entry("p2", { state: "failed" })];
    const bubbles = toBubbles("c1", messages, outbox, 0);
    expect(bubbles.map((b) => b.key)).toEqual(["m:m1", "m:m2", "c:p1", "c:p2"]);
    expect(bubbles.map((b) => b.delivery)).toEqual([undefined, "sent", "sending", "failed"]);
  });
  it("marks agent messages up to the buyer's read seq as read", () => {
    const messages = [message(1, { from: "agent" }), message(2, { from: "agent" })];
    expect(toBubbles("c1", messages, [], 1).map((b) => b.delivery)).toEqual(["read", "sent"]);
  });
});

describe("safeImageUrl", () => {
  it("allows data images, own paths and http(s) only", () => {
    expect(safeImageUrl("data:image/png;base64,AAAA")).not.toBeNull();
    expect(safeImageUrl("/uploads/a.png")).toBe("/uploads/a.png");
    expect(safeImageUrl("https://img.example/a.jpg")).not.toBeNull();
    expect(safeImageUrl("javascript:alert(1)")).toBeNull();
    expect(safeImageUrl("data:image/svg+xml;base64,AAAA")).toBeNull();
    expect(safeImageUrl("//evil.example/a.png")).toBeNull();
    expect(safeImageUrl("/\\evil.example/a.png")).toBeNull();
  });
});
