// Shared by the 催付 API tests: orders reported through the real API, shop settings
// through the real PATCH, buyers through the widget, instants in the demo shop's time.
import { and, eq } from "drizzle-orm";
import { buyerSession, ChatClient } from "../../../test/chat-clients";
import type { Session, TestApp } from "../../../test/test-app";
import { jobs } from "../../platform/jobs/jobs.schema";
import { localDate, zonedTime } from "../../platform/time/zone";
import { products, skus } from "../catalog";
import { conversations, messages } from "../conversations";
import { unpaidReminders } from "../orders";
import { REMINDER_QUEUE } from "./reminders.repo";

export const SH = "Asia/Shanghai";

/** `days` shop days from today at HH:MM Shanghai time. */
export function shopDay(days: number, hour: number, minute = 0): Date {
  const today = localDate(Date.now(), SH);
  return new Date(zonedTime({ ...today, day: today.day + days }, SH, hour, minute));
}

export class Kit {
  sku!: { id: string; productId: string; title: string };
  private seq = 0;

  constructor(
    readonly t: TestApp,
    readonly shopId: string,
    readonly owner: Session,
  ) {}

  async init(): Promise<this> {
    const [product] = await this.t.database.db.select().from(products).where(eq(products.shopId, this.shopId)).limit(1);
    const id = `sku_urem_${Math.random().toString(36).slice(2, 8)}`;
    await this.t.database.db.insert(skus).values({ id, workspaceId: this.t.workspaceId, productId: product!.id, externalId: `EXT-${id}`, color: "测试色", size: "M", stock: 10_000 });
    this.sku = { id, productId: product!.id, title: product!.title };
    return this;
  }

  inject(method: "GET" | "POST" | "PATCH" | "PUT", url: string, session: Session | null, payload?: unknown) {
    return this.t.qindesk.app.inject({ method, url, headers: session ? session.headers : {}, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  }

  async rules(unpaidReminders: Record<string, unknown>): Promise<void> {
    const res = await this.inject("PATCH", `/api/v1/shops/${this.shopId}`, this.owner, { settings: { unpaidReminders } });
    if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
  }

  /** Reports an order from the shop's system; returns QinDesk's id. */
  async order(customer: string, createdAt: Date, extra: Record<string, unknown> = {}): Promise<{ id: string; ref: string }> {
    const ref = `TB-UR-${Date.now()}-${++this.seq}`;
    const res = await this.inject("POST", "/api/v1/orders", this.owner, {
      id: ref,
      shop: this.shopId,
      customer,
      customerNick: `买家${this.seq}`,
      status: "awaiting_payment",
      createdAt: createdAt.toISOString(),
      items: [{ sku: `EXT-${this.sku.id}`, qty: 1, price: 128 }],
      ...extra,
    });
    if (res.statusCode !== 201) throw new Error(`order: ${res.statusCode} ${res.body}`);
    return { id: res.json<{ order: { id: string } }>().order.id, ref };
  }

  /** The shop's system says the order was paid at `paidAt`. */
  async pay(ref: string, customer: string, createdAt: Date, paidAt: Date): Promise<void> {
    const res = await this.inject("POST", "/api/v1/orders", this.owner, {
      id: ref,
      shop: this.shopId,
      customer,
      status: "paid",
      createdAt: createdAt.toISOString(),
      paidAt: paidAt.toISOString(),
      items: [{ sku: `EXT-${this.sku.id}`, qty: 1, price: 128 }],
    });
    if (res.statusCode !== 200) throw new Error(`pay: ${res.statusCode} ${res.body}`);
  }

  async timer(orderId: string) {
    const [row] = await this.t.database.db.select().from(jobs).where(and(eq(jobs.queue, REMINDER_QUEUE), eq(jobs.singletonKey, orderId)));
    return row ?? null;
  }

  reminders(orderId: string) {
    return this.t.database.db.select().from(unpaidReminders).where(eq(unpaidReminders.orderId, orderId)).orderBy(unpaidReminders.ordinal);
  }

  async messageOf(messageId: string) {
    const [m] = await this.t.database.db.select().from(messages).where(eq(messages.id, messageId));
    return m!;
  }

  async conversationOf(id: string) {
    const [c] = await this.t.database.db.select().from(conversations).where(eq(conversations.id, id));
    return c!;
  }

  conversationsOfBuyer(customerId: string) {
    return this.t.database.db.select().from(conversations).where(eq(conversations.customerId, customerId));
  }

  /** A widget visitor (a new customer) with their socket. */
  async buyer(base: string) {
    const session = await buyerSession(this.t, this.shopId);
    const client = await ChatClient.connect(`${base}/api/widget/ws?token=${encodeURIComponent(session.token)}`);
    return { customerId: session.customer.id, client };
  }
}
