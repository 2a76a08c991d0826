import { describe, expect, it } from "vitest";
import type { Agent } from "../../platform/types";
import { canReplyTo } from "./policy";

const agent = { id: "a1" } as Agent;

describe("canReplyTo", () => {
  it("allows own and unassigned conversations, others only with the assign ability", () => {
    const replier = { agent, abilities: ["conversations.reply"] };
    expect(canReplyTo(replier, { assigneeId: null })).toBe(true);
    expect(canReplyTo(replier, { assigneeId: "a1" })).toBe(true);
    expect(canReplyTo(replier, { assigneeId: "a2" })).toBe(false);
    expect(canReplyTo({ agent, abilities: ["conversations.reply", "conversations.assign"] }, { assigneeId: "a2" })).toBe(true);
    expect(canReplyTo({ agent, abilities: [] }, { assigneeId: null })).toBe(false);
  });
});
