import { describe, expect, it } from "vitest";
import { maskSecret, shopPatch } from "./settings-api";

describe("shopPatch", () => {
  it("sends trimmed values and leaves blanks out, since the server refuses empty texts", () => {
    expect(
      shopPatch({
        name: " 瑞丽女坊 ",
        currency: "cny",
        shippingCutoff: "16:00",
        defaultCourier: "  ",
        responseTargetSeconds: 60,
        autoReplies: { welcome: " 亲，欢迎光临{shop} ", busy: "" },
      }),
    ).toEqual({
      name: "瑞丽女坊",
      platform: undefined,
      timezone: undefined,
      currency: "CNY",
      settings: { shippingCutoff: "16:00", responseTargetSeconds: 60, autoReplies: { welcome: "亲，欢迎光临{shop}" } },
    });
  });
  it("sends no settings when none were filled in", () => {
    expect(shopPatch({ responseTargetSeconds: null, autoReplies: {} })).not.toHaveProperty("settings");
  });
});

describe("maskSecret", () => {
  it("shows only the last four characters", () => {
    expect(maskSecret("abcdefgh1234")).toBe("••••••••1234");
    expect(maskSecret("abc")).toBe("••••");
    expect(maskSecret("x".repeat(64)).length).toBe(28);
  });
});
