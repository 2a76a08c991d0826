// Filling variables: a value the conversation lacks keeps its {placeholder}, and a draft
// that still holds one is caught before it reaches the buyer.
import { describe, expect, it } from "vitest";
import { fillVariables, unfilledVariables, type VariableValues } from "./variables";

const values: VariableValues = { buyer: "小红", shop: "瑞丽女坊", agent: "小雅", product: "", courier: "中通快递", cutoff: "16:00", promotion: null, promotion_end: "11月12日 00:00" };

describe("quick reply variables", () => {
  it("fills what the conversation knows and keeps a missing one visible", () => {
    expect(fillVariables("{buyer}您好，现在{promotion}，{promotion_end}结束哦", values)).toBe("小红您好，现在{promotion}，11月12日 00:00结束哦");
    expect(fillVariables("{coupon}", values)).toBe("{coupon}");
  });

  it("lists the known variables left in a draft, once each", () => {
    expect(unfilledVariables("亲，{promotion}！{promotion}，{coupon}，{ buyer }")).toEqual(["promotion"]);
    expect(unfilledVariables("亲，活动到11月12日结束")).toEqual([]);
  });
});
