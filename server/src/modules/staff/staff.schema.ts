// Agents (客服) sign in with email and password; sessions are stored server-side so
// that deactivating an agent ends their sessions at once.
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const agents = pgTable(
  "agents",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    externalId: text("external_id"),
    name: text("name").notNull(),
    /** Lower-cased; null for agents imported without one (they cannot sign in). */
    email: text("email"),
    passwordHash: text("password_hash"),
    role: text("role").$type<"owner" | "supervisor" | "agent">().notNull().default("agent"),
    team: text("team").$type<"presales" | "aftersales">().notNull().default("presales"),
    status: text("status").$type<"online" | "busy" | "away" | "offline">().notNull().default("offline"),
    maxChats: integer("max_chats").notNull().default(8),
    /** The workbench language this agent chose (zh-CN, en, ko). */
    locale: text("locale").$type<"zh-CN" | "en" | "ko">().notNull().default("zh-CN"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("agents_workspace_idx").on(t.workspaceId),
    uniqueIndex("agents_email_idx").on(t.email),
    uniqueIndex("agents_external_idx").on(t.workspaceId, t.externalId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie token: a leaked database does not leak live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    agentId: text("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_agent_idx").on(t.agentId)],
);
