// Shop policies through the shop settings API: defaults on a new shop, partial changes,
// refusals naming the field, and only owners may change them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";

let t: TestApp;
let shopId: string;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  shopId = await demoShopId(t);
  owner = await t.signIn("owner@demo.qindesk");
}, 60_000);
afterAll(async () => t?.close());

const read = async (who: Session) => (await t.qindesk.app.inject({ url: `/api/v1/shops/${shopId}`, headers: who.headers })).json().shop.settings;
const patch = (who: Session, settings: unknown) => t.qindesk.app.inject({ method: "PATCH", url: `/api/v1/shops/${shopId}`, headers: who.headers, payload: { settings } });

describe("shop policies", () => {
  it("shows every agent the seeds' defaults", async () => {
    const settings = await read(await t.signIn("presales@demo.qindesk"));
    expect(settings.policies).toEqual({
      freeShippingOnRequest: "hold_firm",
      returnWindowDays: 7,
      maxReplySeconds: 300,
      promisedReplySeconds: null,
      concessionPattern: "shrinking",
      lintRules: { absolute_promise: true, blame_buyer: true, cold_refusal: true, rude: true, privacy_leak: true },
    });
    expect(settings.responseTargets).toEqual({ firstReplySeconds: 60, maxReplySeconds: 300, promised: false });
  });

  it("changes one policy at a time and keeps the rest", async () => {
    expect((await patch(owner, { policies: { freeShippingOnRequest: "grant_when_needed", lintRules: { absolute_promise: false } } })).statusCode).toBe(200);
    expect((await patch(owner, { policies: { returnWindowDays: 15, lintRules: { rude: false } } })).statusCode).toBe(200);
    expect((await patch(owner, { defaultCourier: "顺丰速运" })).statusCode).toBe(200);
    const settings = await read(owner);
    expect(settings.policies).toMatchObject({ freeShippingOnRequest: "grant_when_needed", returnWindowDays: 15, concessionPattern: "shrinking" });
    expect(settings.policies.lintRules).toEqual({ absolute_promise: false, blame_buyer: true, cold_refusal: true, rude: false, privacy_leak: true });
    expect(settings.defaultCourier).toBe("顺丰速运");

    expect((await patch(owner, { policies: { promisedReplySeconds: 30 } })).json().shop.settings.responseTargets).toEqual({ firstReplySeconds: 30, maxReplySeconds: 30, promised: true });
    expect((await patch(owner, { policies: { promisedReplySeconds: null } })).json().shop.settings.responseTargets).toEqual({ firstReplySeconds: 60, maxReplySeconds: 300, promised: false });
  });

  it("refuses bad values naming the field, and agents who are not owners", async () => {
    const refused = async (settings: unknown, field: string) => {
      const res = await patch(owner, settings);
      expect(res.statusCode, JSON.stringify(settings)).toBe(400);
      expect(res.json().error.field).toBe(field);
    };
    await refused({ policies: { returnWindowDays: 0 } }, "settings.policies.returnWindowDays");
    await refused({ policies: { freeShippingOnRequest: "always" } }, "settings.policies.freeShippingOnRequest");
    await refused({ policies: { concessionPattern: "random" } }, "settings.policies.concessionPattern");
    await refused({ policies: { lintRules: { no_emoji: false } } }, "settings.policies.lintRules.no_emoji");
    await refused({ responseTargetSeconds: 600 }, "settings.policies.maxReplySeconds");
    for (const who of ["supervisor", "presales"]) {
      expect((await patch(await t.signIn(`${who}@demo.qindesk`), { policies: { returnWindowDays: 30 } })).statusCode).toBe(403);
    }
    expect((await read(owner)).policies.returnWindowDays).toBe(15);
  });
});
