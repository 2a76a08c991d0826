// One test per rule of the review follow-up: who gets a task, its due time, due soon and
// overdue, what can be done when, and what a changed rating does.
import { describe, expect, it } from "vitest";
import { DEFAULT_MODIFY_DEADLINE_DAYS, FOLLOW_UP_DUE_SOON_MS, SEED_APOLOGY, followUpActions, followUpState, modifyDeadline, needsFollowUp, onRatingChange, opensFollowUp, reviewSettingsOf } from "./follow-up.rules";

const DAY = 86_400_000;
const at = Date.parse("2026-05-02T10:00:00+08:00");

describe("review follow-up rules", () => {
  it("follows up neutral and bad reviews, never good ones", () => {
    expect(needsFollowUp("bad")).toBe(true);
    expect(needsFollowUp("neutral")).toBe(true);
    expect(needsFollowUp("good")).toBe(false);
  });

  it("defaults to the 30-day modification deadline and seed 001's apology; the shop's settings override", () => {
    expect(reviewSettingsOf({})).toEqual({ modifyDeadlineDays: DEFAULT_MODIFY_DEADLINE_DAYS, apologyTemplate: SEED_APOLOGY });
    expect(DEFAULT_MODIFY_DEADLINE_DAYS).toBe(30);
    expect(SEED_APOLOGY).toBe("非常抱歉，我的东西没能让您满意，影响了您的购物心情，您看看怎么解决合适呢？");
    expect(reviewSettingsOf({ reviews: { modifyDeadlineDays: 15, apologyTemplate: "亲，真的很抱歉" } })).toEqual({ modifyDeadlineDays: 15, apologyTemplate: "亲，真的很抱歉" });
    // A stored value that no longer fits falls back rather than breaking the desk.
    expect(reviewSettingsOf({ reviews: { modifyDeadlineDays: 0, apologyTemplate: "  " } })).toEqual({ modifyDeadlineDays: 30, apologyTemplate: SEED_APOLOGY });
    expect(reviewSettingsOf({ reviews: { modifyDeadlineDays: 2.5 } }).modifyDeadlineDays).toBe(30);
  });

  it("is due at the review's time plus the deadline days, 24 h each", () => {
    expect(modifyDeadline(at, reviewSettingsOf({}))).toBe(at + 30 * DAY);
    expect(modifyDeadline(at, reviewSettingsOf({ reviews: { modifyDeadlineDays: 7 } }))).toBe(at + 7 * DAY);
  });

  it("opens a task only while the buyer can still change the review", () => {
    const settings = reviewSettingsOf({});
    expect(opensFollowUp("bad", at, settings, at + 30 * DAY - 1)).toBe(true);
    expect(opensFollowUp("bad", at, settings, at + 30 * DAY)).toBe(false);
    expect(opensFollowUp("good", at, settings, at)).toBe(false);
  });

  it("is ok, then due soon in the last two days, then overdue at the deadline; closed tasks are closed", () => {
    const due = at + 30 * DAY;
    expect(FOLLOW_UP_DUE_SOON_MS).toBe(2 * DAY);
    expect(followUpState("open", due, due - 2 * DAY - 1)).toBe("ok");
    expect(followUpState("open", due, due - 2 * DAY)).toBe("due_soon");
    expect(followUpState("open", due, due - 1)).toBe("due_soon");
    expect(followUpState("open", due, due)).toBe("overdue");
    expect(followUpState("closed", due, due + DAY)).toBe("closed");
  });

  it("offers work on open tasks, reopening on closed ones, and more evidence for a malicious review", () => {
    expect(followUpActions({ status: "open", outcome: null })).toEqual(["take", "contact", "evidence", "outcome"]);
    expect(followUpActions({ status: "closed", outcome: "explained" })).toEqual(["reopen"]);
    expect(followUpActions({ status: "closed", outcome: "malicious" })).toEqual(["evidence", "reopen"]);
  });

  it("closes an open task as modified when the review turns good; reopens one closed as modified when it turns bad again", () => {
    expect(onRatingChange({ status: "open", outcome: null }, "good")).toEqual({ kind: "close_modified" });
    expect(onRatingChange({ status: "closed", outcome: "declined" }, "good")).toEqual({ kind: "record" });
    expect(onRatingChange({ status: "closed", outcome: "modified" }, "bad")).toEqual({ kind: "reopen" });
    expect(onRatingChange({ status: "closed", outcome: "malicious" }, "neutral")).toEqual({ kind: "record" });
    expect(onRatingChange({ status: "open", outcome: null }, "neutral")).toEqual({ kind: "record" });
  });
});
