import { describe, expect, it } from "vitest";
import { actionBody } from "./chat-actions";

describe("actionBody", () => {
  it("drops the action type, blank notes and unset fields; trims text", () => {
    expect(actionBody({ type: "close", outcome: "not_converted", lostReason: "price", note: "  " })).toEqual({ outcome: "not_converted", lostReason: "price" });
    expect(actionBody({ type: "transfer", team: "aftersales", note: " 买家要退货 " })).toEqual({ team: "aftersales", note: "买家要退货" });
    expect(actionBody({ type: "stage", stage: "payment" })).toEqual({ stage: "payment" });
    expect(actionBody({ type: "claim" })).toEqual({});
  });
});
