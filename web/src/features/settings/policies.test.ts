import { describe, expect, it } from "vitest";
import { formFieldOf, policiesFormValues, policiesPatch } from "./policies";

describe("shop policies form", () => {
  it("shows the seeds' defaults when the shop stored none", () => {
    expect(policiesFormValues({ settings: {} })).toEqual({
      freeShippingOnRequest: "hold_firm",
      returnWindowDays: 7,
      maxReplySeconds: 300,
      promisedReplySeconds: null,
      concessionPattern: "shrinking",
      lintRules: ["absolute_promise", "blame_buyer", "cold_refusal", "rude", "privacy_leak"],
    });
  });

  it("lists only the rules switched on, and sends every rule's state back", () => {
    const values = policiesFormValues({ settings: { policies: { lintRules: { rude: false }, freeShippingOnRequest: "grant_when_needed" } } });
    expect(values.lintRules).toEqual(["absolute_promise", "blame_buyer", "cold_refusal", "privacy_leak"]);
    expect(policiesPatch(values).settings.policies).toMatchObject({
      freeShippingOnRequest: "grant_when_needed",
      lintRules: { absolute_promise: true, blame_buyer: true, cold_refusal: true, rude: false, privacy_leak: true },
    });
  });

  it("clears a promise left empty and keeps stored numbers the form left empty", () => {
    expect(policiesPatch({ returnWindowDays: null, promisedReplySeconds: null, maxReplySeconds: 240 }).settings.policies).toEqual({ promisedReplySeconds: null, maxReplySeconds: 240 });
    expect(policiesPatch({ promisedReplySeconds: 30 }).settings.policies.promisedReplySeconds).toBe(30);
  });

  it("points the server's field at the form's", () => {
    expect(formFieldOf("settings.policies.returnWindowDays")).toEqual(["returnWindowDays"]);
    expect(formFieldOf("settings.policies.lintRules.rude")).toEqual(["lintRules"]);
    expect(formFieldOf("settings.shippingCutoff")).toBeNull();
  });
});
