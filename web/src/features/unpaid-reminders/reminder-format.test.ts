import { describe, expect, it } from "vitest";
import { ageParts, firstChoice, ratePercent, REMINDER_VARIABLES, unfilled } from "./reminder-format";
import { REMINDER_VARIABLES as SERVER_VARIABLES } from "../../../../server/src/modules/unpaid-reminders/templates";

const tpl = (key: string, missing: string[] = []) => ({ key, custom: false, template: key, text: key, missing });

describe("催付 panel words", () => {
  it("ages in minutes, hours, then days", () => {
    expect(ageParts(0)).toEqual({ key: "unpaidReminders.age.minutes", count: 0 });
    expect(ageParts(59)).toEqual({ key: "unpaidReminders.age.minutes", count: 59 });
    expect(ageParts(60)).toEqual({ key: "unpaidReminders.age.hours", count: 1 });
    expect(ageParts(47 * 60 + 59)).toEqual({ key: "unpaidReminders.age.hours", count: 47 });
    expect(ageParts(48 * 60)).toEqual({ key: "unpaidReminders.age.days", count: 2 });
  });
  it("the rate as a percentage; no reminded orders is no rate", () => {
    expect(ratePercent(2 / 3)).toBe("66.7%");
    expect(ratePercent(0.5)).toBe("50%");
    expect(ratePercent(0)).toBe("0%");
    expect(ratePercent(null)).toBe("—");
  });
  it("offers first the ready template not used yet, as the automatic sequence does", () => {
    const list = [tpl("last_chat", ["chat_day"]), tpl("promotion_end"), tpl("cutoff")];
    expect(firstChoice(list, [])?.key).toBe("promotion_end");
    expect(firstChoice(list, ["promotion_end"])?.key).toBe("cutoff");
    expect(firstChoice([tpl("a", ["x"])], [])?.key).toBe("a");
    expect(firstChoice([], [])).toBeNull();
  });
  it("finds {variables} left in a draft, ignoring other braces", () => {
    expect(unfilled("亲，{promotion}活动{promotion_end}结束，{foo}", REMINDER_VARIABLES)).toEqual(["promotion", "promotion_end"]);
    expect(unfilled("亲，记得付款哦", REMINDER_VARIABLES)).toEqual([]);
  });
  it("knows the server's variables", () => expect([...REMINDER_VARIABLES]).toEqual([...SERVER_VARIABLES]));
});
