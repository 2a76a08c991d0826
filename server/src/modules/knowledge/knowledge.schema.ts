// Quick replies (快捷短语): a team's shared library and each agent's own phrases. A
// shortcut names one phrase within its library, so imports can update by shortcut.
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const quickReplies = pgTable(
  "quick_replies",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id").notNull(),
    scope: text("scope").$type<"team" | "personal">().notNull(),
    /** The team whose library holds it (team scope); null for personal phrases. */
    team: text("team").$type<"presales" | "aftersales">(),
    /** The agent it belongs to (personal scope); null for team phrases. */
    ownerId: text("owner_id"),
    category: text("category").notNull().default(""),
    shortcut: text("shortcut").notNull(),
    text: text("text").notNull(),
    /** A CONTRACTS §6 intent the phrase answers (the seeds' script library labels its phrases). */
    intent: text("intent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("quick_replies_team_shortcut_idx").on(t.workspaceId, t.team, t.shortcut).where(sql`${t.scope} = 'team'`),
    uniqueIndex("quick_replies_owner_shortcut_idx").on(t.workspaceId, t.ownerId, t.shortcut).where(sql`${t.scope} = 'personal'`),
    index("quick_replies_workspace_idx").on(t.workspaceId),
  ],
);
