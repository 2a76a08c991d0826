// The demo courier: once a demo storefront order ships, jobs in the database add the next
// logistics event every `demoLogisticsStepSeconds` (30 s in the demo shop) until the
// parcel is signed for. Run with the job runner's clock moved forward step by step.
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerSession, demoShopId } from "../../../test/chat-clients";
import { createTestApp, type Session, type TestApp } from "../../../test/test-app";
import { queryRows } from "../../platform/db/database";
import { enqueueJob } from "../../platform/jobs/jobs";
import { products, skus } from "../catalog";
import { cityOf, DEMO_COURIER_QUEUE, demoJourney } from "./demo-courier";
import { orderEvents, orders } from "./orders.schema";
import { moveStatus } from "./orders.service";

describe("cityOf", () => {
  it.each([
    ["浙江省杭州市西湖区文三路100号5幢302", "杭州"],
    ["上海市浦东新区世纪大道88号12楼", "上海"],
    ["北京市朝阳区建国路88号", "北京"],
    ["广东省广州市天河区体育西路6号", "广州"],
    ["河北省石家庄市长安区中山东路1号", "石家庄"],
    ["吉林省吉林市船营区", "吉林"],
    ["广西壮族自治区南宁市青秀区民族大道", "南宁"],
    ["新疆维吾尔自治区乌鲁木齐市天山区", "乌鲁木齐"],
    ["内蒙古自治区呼和浩特市新城区", "呼和浩特"],
    // Taobao writes the levels apart.
    ["浙江省 杭州市 西湖区 文三路100号", "杭州"],
    ["北京 北京市 朝阳区 建国路88号", "北京"],
    // Autonomous prefectures: the city inside them.
    ["湖北省恩施土家族苗族自治州恩施市舞阳大街", "恩施"],
    ["云南省大理白族自治州大理市下关镇", "大理"],
    ["湖北省 恩施土家族苗族自治州 恩施市 舞阳大街", "恩施"],
  ])("%s → %s", (address, city) => {
    expect(cityOf(address)).toBe(city);
  });

  it("is null when the address names no city", () => {
    expect(cityOf(null)).toBeNull();
    expect(cityOf("")).toBeNull();
    expect(cityOf("江苏省苏州工业园区星湖街328号")).toBeNull();
    expect(cityOf("Flat 2, 10 Downing Street")).toBeNull();
  });

  it("ends the journey in the buyer's city, or an unnamed destination", () => {
    const journey = demoJourney("苏州");
    expect(journey.map((s) => s.status)).toEqual(["picked_up", "in_transit", "in_transit", "out_for_delivery", "delivered"]);
    expect(journey.at(-1)!.location).toBe("苏州");
    expect(demoJourney(null).at(-1)!.location).toBe("目的地");
  });
});

describe("demo courier", () => {
  let t: TestApp;
  let shopId: string;
  let supervisor: Session;
  let skuId: string;

  beforeAll(async () => {
    t = await createTestApp();
    shopId = await demoShopId(t);
    supervisor = await t.signIn("supervisor@demo.qindesk");
    const [product] = await t.database.db.select().from(products).where(eq(products.shopId, shopId)).limit(1);
    skuId = "sku_courier";
    await t.database.db.insert(skus).values({ id: skuId, workspaceId: t.workspaceId, productId: product!.id, color: "快递色", size: "M", stock: 50 });
  }, 60_000);
  afterAll(async () => t?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const STEP = 30_000; // the demo shop's demoLogisticsStepSeconds

  async function paidStorefrontOrder(address = "江苏省苏州市姑苏区平江路12号") {
    const buyer = await buyerSession(t, shopId);
    const placed = await t.qindesk.app.inject({ method: "POST", url: "/api/widget/checkout", headers: bearer(buyer.token), payload: { items: [{ skuId, qty: 1 }], recipient: { name: "周小满", phone: "13588889999", address } } });
    expect(placed.statusCode, placed.body).toBe(201);
    const id = placed.json<{ order: { id: string } }>().order.id;
    expect((await t.qindesk.app.inject({ method: "POST", url: `/api/widget/orders/${id}/pay`, headers: bearer(buyer.token), payload: {} })).statusCode).toBe(200);
    return id;
  }
  const ship = (id: string) => t.qindesk.app.inject({ method: "POST", url: `/api/v1/orders/${id}/ship`, headers: supervisor.headers, payload: { trackingNo: `ZT${id.slice(-6)}` } });
  const logistics = (id: string) =>
    t.database.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, id), eq(orderEvents.kind, "logistics")))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  const orderRow = async (id: string) => (await t.database.db.select().from(orders).where(eq(orders.id, id)))[0]!;
  const courierJob = async (id: string) => (await queryRows<{ state: string; payload: { step: number } }>(t.database.db, sql`select state, payload from jobs where queue = ${DEMO_COURIER_QUEUE} and singleton_key = ${id}`))[0];

  it("adds one event per step after shipping, until the parcel is delivered in the buyer's city", async () => {
    const id = await paidStorefrontOrder();
    // Not before it ships.
    expect(await courierJob(id)).toBeUndefined();
    const shippedAt = Date.now();
    expect((await ship(id)).statusCode).toBe(200);
    expect(await courierJob(id)).toMatchObject({ state: "pending", payload: { step: 0 } });

    // Nothing yet at the moment it ships.
    await t.qindesk.jobs.runDue(new Date(shippedAt + 1000));
    expect(await logistics(id)).toEqual([]);

    const expected = demoJourney("苏州");
    for (let step = 0; step < expected.length; step++) {
      await t.qindesk.jobs.runDue(new Date(shippedAt + (step + 1) * STEP + 5000));
      const events = await logistics(id);
      expect(events.map((e) => e.description), `after step ${step}`).toEqual(expected.slice(0, step + 1).map((s) => s.description));
      expect((await orderRow(id)).status).toBe(step + 1 < expected.length ? "shipped" : "delivered");
    }
    expect((await logistics(id)).map((e) => e.location)).toEqual(["杭州", "杭州", "苏州", "苏州", "苏州"]);
    const delivered = await orderRow(id);
    expect(delivered.deliveredAt).not.toBeNull();
    expect(await courierJob(id)).toMatchObject({ state: "done", payload: { step: 4 } });
    // Later runs add nothing.
    await t.qindesk.jobs.runDue(new Date(shippedAt + 3600_000));
    expect(await logistics(id)).toHaveLength(5);
  });

  it("a step that runs twice (a worker lost after adding it) adds its event once", async () => {
    const id = await paidStorefrontOrder();
    const shippedAt = Date.now();
    await ship(id);
    await t.qindesk.jobs.runDue(new Date(shippedAt + STEP + 5000));
    expect(await logistics(id)).toHaveLength(1);
    // The same step again, as after a crash between adding the event and moving the job.
    await enqueueJob(t.database.db, { queue: DEMO_COURIER_QUEUE, singletonKey: id, runAt: new Date(shippedAt + STEP), payload: { workspaceId: t.workspaceId, orderId: id, step: 0 } });
    await t.qindesk.jobs.runDue(new Date(shippedAt + STEP + 6000));
    expect((await logistics(id)).map((e) => e.status)).toEqual(["picked_up"]);
  });

  it("stops when the order leaves the shipped state (a refund), and never starts for orders of the shop's own system", async () => {
    const id = await paidStorefrontOrder();
    const shippedAt = Date.now();
    await ship(id);
    await t.qindesk.jobs.runDue(new Date(shippedAt + STEP + 5000));
    await moveStatus({ db: t.database.db, bus: t.qindesk.bus }, t.workspaceId, id, { to: "refunding" });
    for (let step = 2; step <= 6; step++) await t.qindesk.jobs.runDue(new Date(shippedAt + step * STEP + 5000));
    expect(await logistics(id)).toHaveLength(1);
    expect((await orderRow(id)).status).toBe("refunding");
    expect((await courierJob(id))!.state).toBe("done");

    const owner = await t.signIn("owner@demo.qindesk");
    const reported = await t.qindesk.app.inject({
      method: "POST",
      url: "/api/v1/orders",
      headers: owner.headers,
      payload: { id: "TB-COURIER-1", shop: shopId, customer: "tb_courier", status: "paid", createdAt: new Date().toISOString(), paidAt: new Date().toISOString(), items: [{ sku: skuId, qty: 1, price: 99 }] },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const apiOrder = reported.json<{ order: { id: string } }>().order.id;
    expect((await ship(apiOrder)).statusCode).toBe(200);
    await t.qindesk.jobs.runDue(new Date(Date.now() + 10 * STEP));
    expect(await courierJob(apiOrder)).toBeUndefined();
    expect(await logistics(apiOrder)).toEqual([]);
  });
});
