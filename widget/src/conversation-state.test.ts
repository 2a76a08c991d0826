import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../server/src/modules/conversations/chat-protocol";
import {
  ConversationState,
  newClientId,
  parseOutbox,
  sendEventFor,
  serializeOutbox,
  type OutboxEntry,
} from "./conversation-state";

function message(overrides: Partial<ChatMessage> & Pick<ChatMessage, "id" | "seq">): ChatMessage {
  return {
    conversationId: "conv-1",
    clientId: null,
    from: "agent",
    agentId: "agent-1",
    agentName: "小美",
    kind: "text",
    text: `message ${overrides.seq}`,
    imageUrl: null,
    product: null,
    card: null,
    createdAt: "2026-05-01T10:00:00+08:00",
    ...overrides,
  };
}

function entry(clientId: string, text = "在吗"): OutboxEntry {
  return { clientId, kind: "text", text, imageUrl: null, productId: null, product: null, createdAt: "2026-05-01T02:00:00Z" };
}

const keys = (state: ConversationState) => state.timeline().map((item) => item.key);

describe("ConversationState", () => {
  it("keeps messages in seq order and drops duplicates by id", () => {
    const state = new ConversationState();
    expect(state.receive(message({ id: "m3", seq: 3 }))).toBe(true);
    expect(state.receive(message({ id: "m1", seq: 1 }))).toBe(true);
    expect(state.receive(message({ id: "m2", seq: 2 }))).toBe(true);
    expect(state.receive(message({ id: "m2", seq: 2 }))).toBe(false);
    expect(keys(state)).toEqual(["m:m1", "m:m2", "m:m3"]);
    expect(state.lastSeq()).toBe(3);
    expect(state.conversationId).toBe("conv-1");
  });

  it("shows a send as pending at once and confirms it by clientId on ack", () => {
    const state = new ConversationState();
    const event = state.enqueue(entry("client-aaaa-1", "有S码吗"));
    expect(event).toEqual({ type: "message.send", clientId: "client-aaaa-1", kind: "text", text: "有S码吗" });
    expect(state.timeline()).toMatchObject([{ key: "c:buyer:client-aaaa-1", status: "pending" }]);
    // The conversation is only known from the first ack.
    expect(state.conversationId).toBeNull();
    expect(state.hello()).toEqual({ type: "hello", lastSeq: {} });

    const stored = message({ id: "m1", seq: 1, from: "buyer", agentId: null, agentName: null, clientId: "client-aaaa-1", text: "有S码吗" });
    expect(state.acknowledge("client-aaaa-1", stored)).toBe(true);
    // Same key before and after: the bubble is updated in place, not duplicated.
    expect(state.timeline()).toMatchObject([{ key: "c:buyer:client-aaaa-1", status: "sent" }]);
    expect(state.pendingEntries()).toHaveLength(0);
    expect(state.conversationId).toBe("conv-1");
    expect(state.hello()).toEqual({ type: "hello", lastSeq: { "conv-1": 1 } });
  });

  it("re-sends the whole outbox with the same clientIds after a reconnect, in order", () => {
    const state = new ConversationState();
    state.enqueue(entry("client-aaaa-1", "first"));
    state.enqueue({ ...entry("client-aaaa-2", ""), kind: "product", productId: "p-9" });
    expect(state.resendable()).toEqual([
      { type: "message.send", clientId: "client-aaaa-1", kind: "text", text: "first" },
      { type: "message.send", clientId: "client-aaaa-2", kind: "product", productId: "p-9" },
    ]);
    // The server dedupes and acks the first again; a second ack changes nothing more.
    const stored = message({ id: "m1", seq: 1, from: "buyer", clientId: "client-aaaa-1", text: "first" });
    state.acknowledge("client-aaaa-1", stored);
    expect(state.acknowledge("client-aaaa-1", stored)).toBe(false);
    expect(state.resendable().map((event) => event.clientId)).toEqual(["client-aaaa-2"]);
    expect(keys(state)).toEqual(["c:buyer:client-aaaa-1", "c:buyer:client-aaaa-2"]);
  });

  it("drops a restored outbox entry that the history shows was stored before the reload", () => {
    const state = new ConversationState({ outbox: [entry("client-aaaa-1"), entry("client-aaaa-2")] });
    state.useConversation("conv-1");
    state.receive(message({ id: "m5", seq: 5, from: "buyer", clientId: "client-aaaa-1" }));
    expect(state.resendable().map((event) => event.clientId)).toEqual(["client-aaaa-2"]);
    expect(state.hello()).toEqual({ type: "hello", lastSeq: { "conv-1": 5 } });
  });

  it("resumes from the conversation the session names even before any message of it", () => {
    const state = new ConversationState();
    state.useConversation("conv-7");
    expect(state.hello()).toEqual({ type: "hello", lastSeq: { "conv-7": 0 } });
  });

  it("moves to a new conversation after the old one was closed and orders by conversation first", () => {
    const state = new ConversationState();
    state.receive(message({ id: "a2", seq: 2 }));
    state.receive(message({ id: "b1", seq: 1, conversationId: "conv-2" }));
    state.receive(message({ id: "a1", seq: 1 }));
    expect(keys(state)).toEqual(["m:a1", "m:a2", "m:b1"]);
    expect(state.conversationId).toBe("conv-2");
    expect(state.hello()).toEqual({ type: "hello", lastSeq: { "conv-2": 1 } });
  });

  it("marks a refused send as failed and never re-sends it", () => {
    const state = new ConversationState();
    state.enqueue(entry("client-aaaa-1"));
    expect(state.fail("client-aaaa-1")).toBe(true);
    expect(state.fail("client-aaaa-1")).toBe(false);
    expect(state.resendable()).toEqual([]);
    expect(state.timeline()).toMatchObject([{ status: "failed" }]);
  });

  it("counts unread shop-side messages after the last seen seq", () => {
    const state = new ConversationState();
    state.receive(message({ id: "m1", seq: 1, from: "buyer" }));
    state.receive(message({ id: "m2", seq: 2, from: "bot" }));
    state.receive(message({ id: "m3", seq: 3, from: "agent" }));
    expect(state.unreadAfter(0)).toBe(2);
    expect(state.unreadAfter(2)).toBe(1);
    expect(state.unreadAfter(3)).toBe(0);
  });

  it("knows whether a product card is already the latest one sent", () => {
    const state = new ConversationState();
    expect(state.lastProductIs("p-1")).toBe(false);
    state.receive(message({ id: "m1", seq: 1, from: "buyer", kind: "product", product: { productId: "p-1", title: "连衣裙", priceCents: 12900, imageUrl: null } }));
    expect(state.lastProductIs("p-1")).toBe(true);
    state.enqueue({ ...entry("client-aaaa-3", ""), kind: "product", productId: "p-2" });
    expect(state.lastProductIs("p-1")).toBe(false);
    expect(state.lastProductIs("p-2")).toBe(true);
  });
});

describe("outbox persistence", () => {
  it("round-trips through sessionStorage text", () => {
    const entries = [entry("client-aaaa-1"), { ...entry("client-aaaa-2", ""), kind: "image" as const, imageUrl: "data:image/jpeg;base64,AAAA" }];
    expect(parseOutbox(serializeOutbox(entries))).toEqual(entries);
  });

  it("skips malformed stored data instead of failing", () => {
    expect(parseOutbox(null)).toEqual([]);
    expect(parseOutbox("{not json")).toEqual([]);
    expect(parseOutbox('{"clientId":"x"}')).toEqual([]);
    const parsed = parseOutbox(JSON.stringify([null, { clientId: "short", kind: "text" }, { clientId: "client-aaaa-1", kind: "video" }, { clientId: "client-aaaa-2", kind: "text", text: "ok" }]));
    expect(parsed.map((item) => item.clientId)).toEqual(["client-aaaa-2"]);
  });
});

describe("sendEventFor and newClientId", () => {
  it("leaves conversationId out so the server picks the buyer's open conversation", () => {
    expect(sendEventFor(entry("client-aaaa-1"))).not.toHaveProperty("conversationId");
  });

  it("uses randomUUID when present and a long random id otherwise", () => {
    expect(newClientId({ randomUUID: () => "uuid-from-crypto" })).toBe("uuid-from-crypto");
    const fallback = newClientId(undefined, () => 0.5);
    expect(fallback.length).toBeGreaterThanOrEqual(8);
    expect(fallback.length).toBeLessThanOrEqual(64);
    expect(newClientId({})).not.toBe(newClientId({}));
  });
});
