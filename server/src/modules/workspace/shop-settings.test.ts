// Shop policies: the seeds' defaults, what a stored value changes, and how settings merge.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICIES, effectiveSettings, mergeSettings, policiesOf, responseTargetsOf, settingsProblem, shopSettingsShape } from "./shop-settings";

describe("shop policies", () => {
  it("start from the seeds: free shipping held firm, 7 days, 1 and 5 minutes, shrinking steps, every lint rule on", () => {
    expect(policiesOf({})).toEqual({
      freeShippingOnRequest: "hold_firm",
      returnWindowDays: 7,
      maxReplySeconds: 300,
      promisedReplySeconds: null,
      concessionPattern: "shrinking",
      lintRules: { absolute_promise: true, blame_buyer: true, cold_refusal: true, rude: true, privacy_leak: true },
    });
    expect(responseTargetsOf({})).toEqual({ firstReplySeconds: 60, maxReplySeconds: 300, promised: false });
    const effective = effectiveSettings({ shippingCutoff: "16:00" });
    expect(effective).toMatchObject({ shippingCutoff: "16:00", responseTargetSeconds: 60, policies: DEFAULT_POLICIES });
  });

  it("keeps what the shop stored, rule by rule, and falls back on a value that no longer parses", () => {
    const policies = policiesOf({ policies: { freeShippingOnRequest: "grant_when_needed", concessionPattern: "equal", lintRules: { absolute_promise: false } } });
    expect(policies).toMatchObject({ freeShippingOnRequest: "grant_when_needed", concessionPattern: "equal", returnWindowDays: 7 });
    expect(policies.lintRules).toEqual({ absolute_promise: false, blame_buyer: true, cold_refusal: true, rude: true, privacy_leak: true });
    expect(policiesOf({ policies: { returnWindowDays: "soon" } }).returnWindowDays).toBe(7);
  });

  it("lets the shop's promised reply time govern the targets", () => {
    expect(responseTargetsOf({ policies: { promisedReplySeconds: 30 } })).toEqual({ firstReplySeconds: 30, maxReplySeconds: 30, promised: true });
    expect(responseTargetsOf({ responseTargetSeconds: 45, policies: { promisedReplySeconds: 180, maxReplySeconds: 600 } })).toEqual({ firstReplySeconds: 45, maxReplySeconds: 180, promised: true });
    expect(responseTargetsOf({ responseTargetSeconds: 20, policies: { maxReplySeconds: 120 } })).toEqual({ firstReplySeconds: 20, maxReplySeconds: 120, promised: false });
  });

  it("refuses unknown policies and values out of range", () => {
    const field = (settings: unknown) => {
      const result = shopSettingsShape.safeParse(settings);
      return result.success ? null : result.error.issues[0]!.path.join(".");
    };
    expect(field({ policies: { returnWindowDays: 0 } })).toBe("policies.returnWindowDays");
    expect(field({ policies: { returnWindowDays: 7.5 } })).toBe("policies.returnWindowDays");
    expect(field({ policies: { freeShippingOnRequest: "always" } })).toBe("policies.freeShippingOnRequest");
    expect(field({ policies: { concessionPattern: "random" } })).toBe("policies.concessionPattern");
    expect(field({ policies: { lintRules: { no_emoji: false } } })).toBe("policies.lintRules");
    expect(field({ policies: { maxReplySeconds: 10 } })).toBe("policies.maxReplySeconds");
    expect(field({ policies: { promisedReplySeconds: null, returnWindowDays: 15, lintRules: { rude: false } } })).toBeNull();
    expect(settingsProblem({ responseTargetSeconds: 400 })).toMatchObject({ field: "settings.policies.maxReplySeconds" });
    expect(settingsProblem({ responseTargetSeconds: 400, policies: { maxReplySeconds: 600 } })).toBeNull();
  });

  it("merges a change into the stored settings group by group", () => {
    const stored = { shippingCutoff: "16:00", autoReplies: { welcome: "你好" }, policies: { returnWindowDays: 10, lintRules: { rude: false } } };
    expect(mergeSettings(stored, { policies: { lintRules: { absolute_promise: false } } })).toEqual({
      shippingCutoff: "16:00",
      autoReplies: { welcome: "你好" },
      policies: { returnWindowDays: 10, lintRules: { rude: false, absolute_promise: false } },
    });
    expect(mergeSettings(stored, { defaultCourier: "顺丰" })).toMatchObject({ defaultCourier: "顺丰", policies: stored.policies });
  });
});
