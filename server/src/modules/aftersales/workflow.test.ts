import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { availableActions, CASE_ACTIONS, CASE_KINDS, transition, TransitionError, type CaseAction, type CaseKind, type CaseState } from "./workflow";

const start = (kind: CaseKind): CaseState => ({ kind, status: "opened", retention: null });
const run = (kind: CaseKind, actions: CaseAction[]) => actions.reduce(transition, start(kind));

describe("after-sales workflow", () => {
  it("offers an exchange before a return's refund; a declining buyer gets the refund", () => {
    expect(availableActions(start("return"))).toEqual(["offer_retention", "cancel"]);
    const state = run("return", ["offer_retention", "buyer_declines", "mark_return_shipped", "receive_return", "inspect"]);
    expect(state).toEqual({ kind: "return", status: "inspected", retention: "declined" });
    expect(availableActions(state)).toEqual(["refund", "cancel"]);
    expect(run("return", ["offer_retention", "buyer_declines", "mark_return_shipped", "receive_return", "inspect", "refund", "close"]).status).toBe("closed");
  });

  it("an accepted exchange ends in a replacement, never a refund", () => {
    const state = run("quality_complaint", ["offer_retention", "buyer_accepts_exchange", "mark_return_shipped", "receive_return", "inspect"]);
    expect(availableActions(state)).toEqual(["ship_replacement", "cancel"]);
    expect(() => transition(state, "refund")).toThrow(TransitionError);
  });

  it("refund only: declined exchange goes straight to the refund, no return", () => {
    expect(run("refund_only", ["offer_retention", "buyer_declines"]).status).toBe("awaiting_refund");
    expect(run("refund_only", ["offer_retention", "buyer_declines", "refund", "close"]).status).toBe("closed");
  });

  it("exchanges, resends and complaints take their own paths", () => {
    expect(run("exchange", ["authorise_return", "mark_return_shipped", "receive_return", "inspect", "ship_replacement", "close"]).status).toBe("closed");
    expect(run("resend_missing", ["resend", "close"]).status).toBe("closed");
    expect(run("complaint", ["start_handling", "close"]).status).toBe("closed");
    expect(run("logistics", ["start_handling", "resend", "close"]).status).toBe("closed");
  });

  it("refuses skipping steps with a clear error naming what is possible", () => {
    expect(() => transition(start("return"), "refund")).toThrow('"refund" is not possible for a return case that is opened; possible now: offer_retention, cancel');
    const closed = run("complaint", ["start_handling", "close"]);
    expect(availableActions(closed)).toEqual([]);
    expect(() => transition(closed, "cancel")).toThrow(/closed$/);
  });

  it("never reaches a refund after an accepted exchange, whatever the actions", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_KINDS), fc.array(fc.constantFrom(...CASE_ACTIONS), { maxLength: 12 }), (kind, actions) => {
        let state = start(kind);
        let refundedAfterAccept = false;
        for (const action of actions) {
          if (!availableActions(state).includes(action)) {
            expect(() => transition(state, action)).toThrow(TransitionError);
            continue;
          }
          const next = transition(state, action);
          if (next.status === "refunded" && state.retention === "accepted") refundedAfterAccept = true;
          state = next;
        }
        return !refundedAfterAccept;
      }),
    );
  });
});
