// Promotions over HTTP on a real database: who may set them, what is refused, nothing
// across workspaces, and the evaluation of a buyer's items at an instant in shop time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { createProduct } from "../catalog";
import { createShop, createWorkspace } from "../workspace";
import { insertPromotion } from "./promotions.repo";

let t: TestApp;
let shopId: string;
let knitId: string;
let teeId: string;
const s: Record<"owner" | "supervisor" | "presales" | "aftersales", Session> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ["owner", "supervisor", "presales", "aftersales"] as const) s[who] = await t.signIn(`${who}@demo.qindesk`);
  // A shop of its own (Seoul, UTC+9), so the demo shop's promotions stay out of the sums.
  const shop = await createShop(t.database.db, t.workspaceId, { name: "首尔小铺", timezone: "Asia/Seoul" });
  shopId = shop.id;
  knitId = (await createProduct(t.database.db, t.workspaceId, shopId, { title: "针织衫", category: "针织衫", priceCents: 12800, promoPriceCents: 9900, skus: [] })).id;
  teeId = (await createProduct(t.database.db, t.workspaceId, shopId, { title: "T恤", category: "T恤", priceCents: 5900, skus: [] })).id;
}, 60_000);
afterAll(async () => t?.close());

const inject = (who: Session | null, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
  t.qindesk.app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
const create = (who: Session, body: Record<string, unknown>) => inject(who, "POST", "/api/v1/promotions", { shopId, ...body });
const evaluate = (who: Session, body: Record<string, unknown>) => inject(who, "POST", "/api/v1/promotions/evaluate", { shopId, ...body });

const freeShipping99 = { kind: "free_shipping", name: "满99包邮", params: { thresholdCents: 9900 }, startsAt: "2026-11-01T00:00", endsAt: "2026-12-01T00:00" };

describe("setting promotions up", () => {
  it("lets owners and supervisors add promotions and every agent read them", async () => {
    const byOwner = await create(s.owner, freeShipping99);
    expect(byOwner.statusCode).toBe(201);
    expect(byOwner.json().promotion).toMatchObject({
      kind: "free_shipping",
      name: "满99包邮",
      scope: { type: "shop" },
      enabled: true,
      startsAt: "2026-11-01T00:00",
      endsAt: "2026-12-01T00:00",
      timeZone: "Asia/Seoul",
      // Midnight in Seoul is 15:00Z the day before.
      startsAtInstant: "2026-10-31T15:00:00.000Z",
      endsAtInstant: "2026-11-30T15:00:00.000Z",
      description: "满¥99包邮",
    });
    const bySupervisor = await create(s.supervisor, { kind: "gift", name: "买两件送袜子", params: { minQuantity: 2, gift: "袜子" }, startsAt: "2026-11-01T00:00" });
    expect(bySupervisor.statusCode).toBe(201);
    expect(bySupervisor.json().promotion).toMatchObject({ params: { minQuantity: 2, gift: "袜子", giftQuantity: 1 }, endsAt: null, description: "买2件送袜子" });

    for (const who of [s.presales, s.aftersales]) {
      const list = await inject(who, "GET", `/api/v1/promotions?shopId=${shopId}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["满99包邮", "买两件送袜子"]));
      const one = await inject(who, "GET", `/api/v1/promotions/${byOwner.json().promotion.id}`);
      expect(one.json().promotion.name).toBe("满99包邮");
    }
  });

  it("refuses agents without promotions.manage, and callers without a session", async () => {
    const mine = (await create(s.owner, { ...freeShipping99, name: "to keep" })).json().promotion;
    for (const who of [s.presales, s.aftersales]) {
      expect((await create(who, freeShipping99)).statusCode).toBe(403);
      expect((await inject(who, "PATCH", `/api/v1/promotions/${mine.id}`, { enabled: false })).statusCode).toBe(403);
      expect((await inject(who, "DELETE", `/api/v1/promotions/${mine.id}`)).statusCode).toBe(403);
    }
    expect((await inject(null, "GET", "/api/v1/promotions")).statusCode).toBe(401);
    expect((await inject(null, "POST", "/api/v1/promotions/evaluate", { shopId, items: [] })).statusCode).toBe(401);
  });

  it("refuses a window that ends before it starts, bad shop times, and amounts that are not positive whole fen", async () => {
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await create(s.owner, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    };
    await refused({ ...freeShipping99, startsAt: "2026-11-11T00:00", endsAt: "2026-11-10T23:59" }, "endsAt");
    await refused({ ...freeShipping99, startsAt: "2026-11-11T00:00", endsAt: "2026-11-11T00:00" }, "endsAt");
    await refused({ ...freeShipping99, startsAt: "2026-11-11 00:00" }, "startsAt");
    await refused({ ...freeShipping99, startsAt: "2026-02-30T00:00" }, "startsAt");
    await refused({ ...freeShipping99, endsAt: "2026-12-01T24:00" }, "endsAt");
    await refused({ ...freeShipping99, params: { thresholdCents: 0 } }, "params.thresholdCents");
    await refused({ ...freeShipping99, params: { thresholdCents: 99.5 } }, "params.thresholdCents");
    await refused({ ...freeShipping99, params: { thresholdCents: -100 } }, "params.thresholdCents");
    await refused({ ...freeShipping99, params: { thresholdCents: 9900, extra: 1 } }, "params.extra");
    await refused({ ...freeShipping99, colour: "red" }, "colour");
    await refused({ ...freeShipping99, kind: "lottery" }, "kind");
    await refused({ kind: "coupon", name: "券", params: { thresholdCents: 10000, amountOffCents: 0 }, startsAt: "2026-11-01T00:00" }, "params.amountOffCents");
    await refused({ kind: "coupon", name: "券", params: { thresholdCents: 1000, amountOffCents: 2000 }, startsAt: "2026-11-01T00:00" }, "params.amountOffCents");
    const tiers = (list: [number, number][]) => ({ kind: "full_reduction", name: "满减", params: { tiers: list.map(([a, b]) => ({ thresholdCents: a, amountOffCents: b })) }, startsAt: "2026-11-01T00:00" });
    await refused(tiers([[19900, 19900]]), "params.tiers.0.amountOffCents");
    await refused(tiers([[19900, 2000], [19900, 3000]]), "params.tiers.1.thresholdCents");
    await refused(tiers([[19900, 2000], [29900, 1000]]), "params.tiers.1.amountOffCents");
    await refused(tiers([]), "params.tiers");
    await refused({ ...freeShipping99, scope: { type: "category", categories: [] } }, "scope.categories");
    await refused({ ...freeShipping99, scope: { type: "product", productIds: [knitId, "prod_nope"] } }, "scope.productIds.1");
    await refused({ ...freeShipping99, shopId: "shop_nope" }, "shopId");
  });

  it("changes, switches off and removes a promotion, checking the result as a whole", async () => {
    const promo = (await create(s.owner, { kind: "coupon", name: "满100减10", params: { thresholdCents: 10000, amountOffCents: 1000 }, startsAt: "2026-11-01T00:00" })).json().promotion;
    const bad = await inject(s.supervisor, "PATCH", `/api/v1/promotions/${promo.id}`, { endsAt: "2026-10-01T00:00" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("endsAt");
    // Another kind needs its own params.
    expect((await inject(s.supervisor, "PATCH", `/api/v1/promotions/${promo.id}`, { kind: "gift" })).json().error.field).toMatch(/^params\./);

    const changed = await inject(s.supervisor, "PATCH", `/api/v1/promotions/${promo.id}`, { enabled: false, scope: { type: "category", categories: ["针织衫"] }, endsAt: "2026-11-12T00:00" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().promotion).toMatchObject({ enabled: false, state: "disabled", scope: { type: "category", categories: ["针织衫"] }, endsAt: "2026-11-12T00:00", name: "满100减10" });

    expect((await inject(s.owner, "DELETE", `/api/v1/promotions/${promo.id}`)).statusCode).toBe(204);
    expect((await inject(s.owner, "GET", `/api/v1/promotions/${promo.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for another workspace's promotion, and 400 for its shop", async () => {
    const otherWorkspace = await createWorkspace(t.database.db, "别家");
    const otherShop = await createShop(t.database.db, otherWorkspace, { name: "别家店" });
    const theirs = await insertPromotion(t.database.db, otherWorkspace, otherShop.id, {
      kind: "free_shipping",
      name: "别家包邮",
      params: { thresholdCents: 100 },
      startsAt: "2026-01-01T00:00",
      endsAt: null,
      scope: { type: "shop" },
      enabled: true,
    });
    expect((await inject(s.owner, "GET", `/api/v1/promotions/${theirs.id}`)).statusCode).toBe(404);
    expect((await inject(s.owner, "PATCH", `/api/v1/promotions/${theirs.id}`, { enabled: false })).statusCode).toBe(404);
    expect((await inject(s.owner, "DELETE", `/api/v1/promotions/${theirs.id}`)).statusCode).toBe(404);
    expect((await inject(s.owner, "GET", "/api/v1/promotions")).json().items.map((p: { id: string }) => p.id)).not.toContain(theirs.id);
    expect((await inject(s.owner, "GET", `/api/v1/promotions?shopId=${otherShop.id}`)).statusCode).toBe(400);
    const res = await inject(s.presales, "POST", "/api/v1/promotions/evaluate", { shopId: otherShop.id, items: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe("shopId");
  });
});

describe("the demo shop", () => {
  it("runs 满199减20, 满99包邮 and 买两件送袜子 now", async () => {
    const demo = (await inject(s.presales, "GET", "/api/v1/shops")).json().items.find((shop: { name: string }) => shop.name === "瑞丽女坊");
    const items = (await inject(s.presales, "GET", `/api/v1/promotions?shopId=${demo.id}`)).json().items as { name: string; state: string }[];
    expect(items.map((p) => [p.name, p.state]).sort()).toEqual([
      ["买两件送袜子", "running"],
      ["满199减20", "running"],
      ["满99包邮", "running"],
    ]);
    const knit = (await inject(s.presales, "GET", `/api/v1/products?shopId=${demo.id}&q=${encodeURIComponent("针织衫")}`)).json().items[0];
    const res = (await inject(s.presales, "POST", "/api/v1/promotions/evaluate", { shopId: demo.id, items: [{ productId: knit.id }] })).json();
    // 99 on promotion: free shipping; a second item brings the socks; 100 more, 20 off.
    expect(res.applies.map((a: { name: string }) => a.name)).toEqual(["满99包邮"]);
    expect(res.close.map((c: { name: string; missingCents: number | null; missingQuantity: number | null }) => [c.name, c.missingCents ?? c.missingQuantity])).toEqual([
      ["买两件送袜子", 1],
      ["满199减20", 10000],
    ]);
  });
});

describe("evaluating a buyer's items", () => {
  // 2026-11-20 12:00 in Seoul.
  const noon = "2026-11-20T12:00:00+09:00";

  it("prices products from the catalogue and says what applies and what is close", async () => {
    const res = await evaluate(s.presales, { items: [{ productId: knitId }], at: noon });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ timeZone: "Asia/Seoul", subtotalCents: 9900, totalCents: 9900, freeShipping: true });
    expect(body.applies.map((a: { kind: string }) => a.kind)).toEqual(["free_shipping"]);
    expect(body.close).toEqual([expect.objectContaining({ kind: "gift", missingQuantity: 1, key: "promotions.close.gift", params: expect.objectContaining({ gift: "袜子" }) })]);

    const two = (await evaluate(s.presales, { items: [{ productId: knitId }, { productId: teeId, quantity: 1 }], at: noon })).json();
    expect(two.applies.map((a: { kind: string }) => a.kind)).toEqual(["gift", "free_shipping"]);
  });

  it("takes items without a product at the price given, and says ¥X more for free shipping", async () => {
    const body = (await evaluate(s.presales, { items: [{ category: "T恤", unitPriceCents: 8700, quantity: 1 }], at: noon })).json();
    expect(body.freeShipping).toBe(false);
    expect(body.close).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "free_shipping", missingCents: 1200, key: "promotions.close.free_shipping", params: { thresholdCents: 9900, missingCents: 1200 } })]),
    );
  });

  it("judges the window at the shop's midnight: the end of 30 November in Seoul, not in UTC", async () => {
    const items = [{ productId: knitId }];
    const at = async (iso: string) => (await evaluate(s.presales, { items, at: iso })).json().freeShipping as boolean;
    expect(await at("2026-11-30T23:59:59+09:00")).toBe(true);
    expect(await at("2026-12-01T00:00:00+09:00")).toBe(false);
    expect(await at("2026-11-30T15:00:00Z")).toBe(false);
    expect(await at("2026-11-01T00:00:00+09:00")).toBe(true);
    expect(await at("2026-10-31T14:59:59Z")).toBe(false);
    const atShop = async (local: string) => (await evaluate(s.presales, { items, atShopTime: local })).json().freeShipping as boolean;
    expect(await atShop("2026-11-30T23:59")).toBe(true);
    expect(await atShop("2026-12-01T00:00")).toBe(false);
    expect((await evaluate(s.presales, { items, atShopTime: "2026-12-01T00:00" })).json().at).toBe("2026-11-30T15:00:00.000Z");
    const both = await evaluate(s.presales, { items, at: noon, atShopTime: "2026-12-01T00:00" });
    expect(both.json().error.field).toBe("atShopTime");
  });

  it("refuses unknown products and malformed items, naming the item", async () => {
    const unknown = await evaluate(s.presales, { items: [{ productId: knitId }, { productId: "prod_nope" }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe("items.1.productId");
    const noPrice = await evaluate(s.presales, { items: [{ category: "T恤" }] });
    expect(noPrice.json().error.field).toBe("items.0.unitPriceCents");
    expect((await evaluate(s.presales, { items: [{ productId: knitId, quantity: 0 }] })).json().error.field).toBe("items.0.quantity");
    expect((await evaluate(s.presales, { items: [], at: "tomorrow" })).json().error.field).toBe("at");
  });
});
