// Composition root: one database, one event bus, the HTTP app with every module's
// routes and the chat sockets. `qindesk start` and the tests both build QinDesk here.
import websocket from "@fastify/websocket";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Config } from "./platform/config";
import type { Database } from "./platform/db/database";
import { LocalBus, redisBus, type EventBus } from "./platform/events/bus";
import { createHttpApp } from "./platform/http/app";
import { registerWebAssets } from "./platform/http/web-assets";
import { Hub } from "./platform/realtime/hub";
import type { LoginThrottle } from "./platform/auth/login-throttle";
import {
  conversationsOfCustomer,
  registerChatSockets,
  registerConversationActionRoutes,
  registerConversationRoutes,
  registerWidgetRoutes,
  startAssignmentOnCapacity,
  startChatDelivery,
  type ChatConnectionMeta,
} from "./modules/conversations";
import { registerCustomerRoutes } from "./modules/customers";
import { listCustomerOrders } from "./modules/orders";
import { registerReviewRoutes, startFollowUpSweep, startReviewAlerts } from "./modules/reviews";
import { registerCreditRoutes } from "./modules/credit";
import { registerInterchangeRoutes } from "./modules/interchange/interchange.routes";
import { registerFaqRoutes, registerQuickReplyRoutes, startQuickReplyEvents } from "./modules/knowledge";
import { registerSearchRoutes, startSearchIndexing } from "./modules/search";
import { registerReportRoutes } from "./modules/analytics/reports.routes";
import { registerAssistantRoutes } from "./modules/assistant/assistant.routes";
import { registerCatalogRoutes } from "./modules/catalog";
import { registerPromotionRoutes } from "./modules/promotions";
import { registerOrderRoutes, registerWebhookRoutes, startDemoCourier } from "./modules/orders";
import { MessageBatcher } from "./modules/conversations/store-batch";
import { startOrderEvents } from "./modules/orders/orders.live";
import { registerOrderCardRoutes } from "./modules/order-cards/order-cards.routes";
import { registerCheckoutRoutes } from "./modules/storefront/checkout.routes";
import { startDeliveryFollowUps } from "./modules/aftersales/delivery-follow-up";
import { registerDeliveryFollowUpRoutes } from "./modules/aftersales/delivery-follow-up.routes";
import { registerUnpaidReminderRoutes, startUnpaidReminders } from "./modules/unpaid-reminders";
import { JobRunner, type JobRunnerOptions } from "./platform/jobs/jobs";
import { registerAftersalesRoutes } from "./modules/aftersales/aftersales.routes";
import { registerAftersalesWidgetRoutes } from "./modules/aftersales/aftersales.widget.routes";
import { registerAgentRoutes, registerAuthRoutes, sessionResolver } from "./modules/staff";
import { registerStorefrontRoutes } from "./modules/storefront";
import { registerWorkspaceRoutes } from "./modules/workspace";

export interface QinDesk {
  app: FastifyInstance;
  database: Database;
  bus: EventBus;
  jobs: JobRunner;
  /** The chat's group commit (its stats say how many sends went together). */
  batcher: MessageBatcher;
  /** Stops taking requests, closes sockets, then the bus; the database stays the caller's. */
  close(): Promise<void>;
}

export interface BuildOptions {
  config: Pick<Config, "trustProxy" | "logLevel" | "secureCookies" | "redisUrl"> & Partial<Pick<Config, "llm">>;
  database: Database;
  throttle?: LoginThrottle;
  /** Tests run due jobs themselves (qindesk.jobs.runDue()) instead of the poll. */
  startJobs?: boolean;
  jobs?: Pick<JobRunnerOptions, "pollMs" | "retryDelayMs">;
}

export async function buildQinDesk(options: BuildOptions): Promise<QinDesk> {
  const { database, config } = options;
  const db = database.db;
  const bus = config.redisUrl ? await redisBus(config.redisUrl) : new LocalBus();
  const app = await createHttpApp({
    sessions: sessionResolver(db),
    trustProxy: config.trustProxy,
    logLevel: config.logLevel,
    healthy: async () => {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  });
  await app.register(websocket, { options: { maxPayload: 4 * 1024 * 1024 } });
  const hub = new Hub<ChatConnectionMeta>();
  const stopDelivery = startChatDelivery(bus, hub);
  // Chat sends arriving together are stored together (group commit, store-batch.ts).
  const deps = { db, bus, batcher: new MessageBatcher(db) };
  const stopAssignment = startAssignmentOnCapacity(deps, (err) => app.log.error({ err }, "assigning waiting conversations failed"));
  const stopQuickReplyEvents = startQuickReplyEvents(bus, hub);
  const searchIndex = startSearchIndexing(bus, db, (err) => app.log.error({ err }, "indexing messages for search failed"));
  const stopReviewAlerts = startReviewAlerts(bus, hub);
  const followUpSweep = startFollowUpSweep(db, bus, (err) => app.log.error({ err }, "opening review follow-ups failed"));
  // Timers that survive a restart (demo courier, webhook retries, 催付): rows in the database.
  const jobs = new JobRunner(db, { ...options.jobs, onError: (err, job) => app.log.warn({ err, queue: job.queue }, "job failed") });
  const stopOrderEvents = startOrderEvents(bus, hub);

  registerAuthRoutes(app, db, { secureCookies: config.secureCookies, throttle: options.throttle, bus });
  registerAgentRoutes(app, db, bus);
  registerWorkspaceRoutes(app, db);
  registerCustomerRoutes(app, db, {
    conversationsOf: (auth, customerId) => conversationsOfCustomer(deps, auth, customerId),
    ordersOf: (auth, customerId) => listCustomerOrders(db, auth.agent.workspaceId, customerId),
  });
  registerConversationRoutes(app, deps);
  registerConversationActionRoutes(app, deps);
  registerReviewRoutes(app, db, bus);
  registerCreditRoutes(app, db);
  registerAssistantRoutes(app, db, config.llm ?? null);
  registerCatalogRoutes(app, db);
  registerPromotionRoutes(app, db);
  registerOrderRoutes(app, deps);
  registerWebhookRoutes(app, deps, jobs);
  startDemoCourier(deps, jobs);
  startUnpaidReminders(deps, jobs);
  registerUnpaidReminderRoutes(app, deps);
  registerOrderCardRoutes(app, deps);
  startDeliveryFollowUps();
  registerDeliveryFollowUpRoutes(app, deps);
  registerCheckoutRoutes(app, deps);
  registerAftersalesRoutes(app, db);
  registerAftersalesWidgetRoutes(app, db);
  registerWidgetRoutes(app, db);
  registerChatSockets(app, deps, hub);
  registerStorefrontRoutes(app, db);
  registerInterchangeRoutes(app, db, {
    afterImport: async (workspaceId) => {
      searchIndex.backfill();
      // Imported neutral/bad reviews get their follow-up before the import answers.
      await followUpSweep.sweep(workspaceId);
    },
  });
  registerReportRoutes(app, db);
  registerQuickReplyRoutes(app, deps);
  registerFaqRoutes(app, deps);
  registerSearchRoutes(app, db);
  await registerWebAssets(app);
  await app.ready();
  if (options.startJobs !== false) jobs.start();
  // Messages stored before search existed, or imported: indexed in the background.
  searchIndex.backfill();
  // Reviews imported while the server was down (`qindesk import`) get their follow-ups.
  void followUpSweep.sweep();

  return {
    app,
    database,
    bus,
    jobs,
    batcher: deps.batcher,
    close: async () => {
      hub.closeAll(1001, "server shutting down");
      await app.close();
      stopDelivery();
      stopAssignment();
      stopQuickReplyEvents();
      stopReviewAlerts();
      await followUpSweep.stop();
      stopOrderEvents();
      await jobs.stop();
      await searchIndex.stop();
      await bus.close();
    },
  };
}
