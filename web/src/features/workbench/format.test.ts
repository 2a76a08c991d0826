import { describe, expect, it } from "vitest";
import { formatYuan, variantText } from "./format";

describe("order formatting", () => {
  it("writes cents as yuan with two decimals", () => {
    expect(formatYuan(0)).toBe("¥0.00");
    expect(formatYuan(12990)).toBe("¥129.90");
    expect(formatYuan(129900005)).toBe("¥1,299,000.05");
    expect(formatYuan(-500)).toBe("-¥5.00");
  });
  it("joins colour and size, skipping blanks", () => {
    expect(variantText({ color: "红色", size: "M" })).toBe("红色 / M");
    expect(variantText({ color: null, size: "XL" })).toBe("XL");
    expect(variantText({ color: " ", size: null })).toBe("");
  });
});
