// The demo shop has no courier to push logistics events, so one is simulated: once a demo
// order ships, a job adds the next event every `demoLogisticsStepSeconds` (60 by
// default) until the parcel is signed for. The steps are jobs in the database, so a
// restart carries on where it was.
import { enqueueJob, type JobRunner } from "../../platform/jobs/jobs";
import type { Db } from "../../platform/db/database";
import { findShopById } from "../workspace";
import { onOrderChange } from "./orders.changes";
import { findOrder } from "./orders.repo";
import { addLogisticsEvents } from "./orders.fulfilment";
import type { OrderDeps } from "./orders.service";
import type { LogisticsEventInput } from "./orders.shapes";

export const DEMO_COURIER_QUEUE = "demo-courier";
const DEFAULT_STEP_SECONDS = 60;

/** The buyer's city from a Chinese address (浙江省杭州市… → 杭州), else null. */
export function cityOf(address: string | null): string | null {
  if (!address) return null;
  // Taobao writes the levels apart ("浙江省 杭州市 西湖区 …", "北京 北京市 朝阳区 …"): the first part that is a city names it.
  for (const part of address.trim().split(/\s+/u)) {
    const city = /^([^省市区县]{2,8}?)市$/u.exec(part)?.[1];
    if (city) return city;
  }
  // Written together: after the province (省, 自治区) and an autonomous prefecture (…自治州, 地区, 盟), the city comes first.
  const rest = address
    .replace(/\s+/gu, "")
    .replace(/^.*?(?:省|自治区|特别行政区)/u, "")
    .replace(/^[^市]*?(?:自治州|地区|盟)/u, "");
  return /^([^省市区县]{2,8}?)市/u.exec(rest)?.[1] ?? null;
}

/** The simulated journey: from the shop's warehouse in 杭州 to the buyer's city. */
export function demoJourney(buyerCity: string | null): Omit<LogisticsEventInput, "at" | "id">[] {
  const city = buyerCity ?? "目的地";
  return [
    { status: "picked_up", location: "杭州", description: "快递员已揽收" },
    { status: "in_transit", location: "杭州", description: "已到达【杭州转运中心】" },
    { status: "in_transit", location: city, description: `已到达【${city}转运中心】` },
    { status: "out_for_delivery", location: city, description: `【${city}】快递员正在派件` },
    { status: "delivered", location: city, description: "已签收，感谢使用" },
  ];
}

async function stepSeconds(db: Db, shopId: string): Promise<number | null> {
  const shop = await findShopById(db, shopId);
  if (!shop || shop.settings.demo !== true) return null;
  const step = shop.settings.demoLogisticsStepSeconds;
  return typeof step === "number" && step > 0 ? step : DEFAULT_STEP_SECONDS;
}

export function startDemoCourier(deps: OrderDeps, jobs: JobRunner): void {
  onOrderChange("demo-courier", async (tx, change) => {
    if (change.kind !== "status" || change.order.status !== "shipped" || change.order.source !== "storefront") return;
    const step = await stepSeconds(tx, change.order.shopId);
    if (step === null) return;
    await enqueueJob(tx, { queue: DEMO_COURIER_QUEUE, singletonKey: change.order.id, runAt: new Date(Date.now() + step * 1000), payload: { workspaceId: change.order.workspaceId, orderId: change.order.id, step: 0 } });
  });

  jobs.handle(DEMO_COURIER_QUEUE, async (job) => {
    const { workspaceId, orderId, step } = job.payload as { workspaceId: string; orderId: string; step: number };
    const order = await findOrder(deps.db, workspaceId, orderId);
    if (!order || order.status !== "shipped") return; // refunded, or delivered already
    const journey = demoJourney(cityOf(order.shippingAddress));
    const next = journey[step];
    if (!next) return;
    // The step happens when it was due, or now if the runner is late (after a restart):
    // the next one is a step after that, never in the same pass of the runner.
    const at = Math.max(Date.now(), new Date(job.run_at).getTime());
    // The event id makes a repeated run (after a crash) add nothing twice.
    await addLogisticsEvents(deps, order.workspaceId, order.id, [{ ...next, id: `demo-${step}`, at: new Date(at).toISOString() }]);
    const seconds = await stepSeconds(deps.db, order.shopId);
    if (seconds !== null && step + 1 < journey.length) {
      await enqueueJob(deps.db, { queue: DEMO_COURIER_QUEUE, singletonKey: order.id, runAt: new Date(at + seconds * 1000), payload: { workspaceId, orderId, step: step + 1 } });
    }
  });
}
