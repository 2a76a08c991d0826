// Buyers (买家) of the workspace's shops. A buyer is known by the shop's own buyer id
// (signed widget identity or interchange id) or, anonymously, by a visitor id.
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const customers = pgTable(
  "customers",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    /** The shop system's buyer id (旺旺 nick id / interchange id). */
    externalId: text("external_id"),
    /** Anonymous widget visitor id kept in the buyer's browser. */
    visitorId: text("visitor_id"),
    nick: text("nick").notNull(),
    name: text("name"),
    phone: text("phone"),
    address: text("address"),
    birthday: text("birthday"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("customers_workspace_idx").on(t.workspaceId),
    uniqueIndex("customers_external_idx").on(t.workspaceId, t.externalId),
    uniqueIndex("customers_visitor_idx").on(t.workspaceId, t.visitorId),
  ],
);
