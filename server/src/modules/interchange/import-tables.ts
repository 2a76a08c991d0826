// The tables an import writes, in the shape its upserts need: columns in row order with
// their casts, the conflict key, and the columns an update leaves alone (ids, and what
// the app owns). Also how many rows go in one statement.
import type { Database } from "../../platform/db/database";
import type { UpsertSpec } from "./import-sql";

/**
 * Rows per statement. Each statement costs PostgreSQL a round trip during which it
 * waits for this process (bench/import.ts: 1,000 → 5,000 took a fresh import from 11.3
 * to 8.1 s). PGlite has no round trip and is nearly flat: 1,000 11.4–12.0 s, 2,000
 * 10.4–11.1 s, 3,000 11.4 s, 4,000 11.1–11.4 s (the machine's noise is about ±1 s).
 */
export function batchSize(engine: Database["kind"] | undefined): number {
  return engine === "postgres" ? 5_000 : 2_000;
}

const EXTERNAL = ["workspace_id", "external_id"];

export const SPECS = {
  shop: { table: "shops", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["name", "text"], ["platform", "text"], ["timezone", "text"], ["widget_secret", "text"]], conflict: EXTERNAL, keep: ["id", "workspace_id", "widget_secret"] },
  agent: { table: "agents", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["name", "text"], ["team", "text"], ["email", "text"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  customer: { table: "customers", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["nick", "text"], ["name", "text"], ["phone", "text"], ["birthday", "text"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  product: { table: "products", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["shop_id", "text"], ["title", "text"], ["category", "text"], ["price_cents", "integer"], ["floor_price_cents", "integer"], ["attributes", "jsonb"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  sku: { table: "skus", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["product_id", "text"], ["position", "integer"], ["color", "text"], ["size", "text"], ["stock", "integer"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  // Imported conversations are history: closed, so they do not land in the live queue. A new
  // conversation's row carries the tail of the messages written with it; an existing one keeps
  // its own, moved forward in finish().
  conversation: { table: "conversations", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["shop_id", "text"], ["customer_id", "text"], ["team", "text"], ["started_at", "timestamptz"], ["status", "text"], ["last_seq", "integer"], ["last_message_at", "timestamptz"]], conflict: EXTERNAL, keep: ["id", "workspace_id", "status", "last_seq", "last_message_at"] },
  message: { table: "messages", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["conversation_id", "text"], ["seq", "bigint"], ["sender", "text"], ["agent_id", "text"], ["text", "text"], ["created_at", "timestamptz"]], conflict: EXTERNAL, conflictWhere: "external_id is not null", keep: ["id", "workspace_id"] },
  order: { table: "orders", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["shop_id", "text"], ["customer_id", "text"], ["status", "text"], ["created_at", "timestamptz"], ["paid_at", "timestamptz"], ["total_cents", "integer"], ["shipping_fee_cents", "integer"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  item: { table: "order_items", columns: [["id", "text"], ["workspace_id", "text"], ["order_id", "text"], ["position", "integer"], ["product_id", "text"], ["sku_id", "text"], ["qty", "integer"], ["price_cents", "integer"]], conflict: ["id"], keep: ["id", "workspace_id"] },
  return: { table: "returns", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["order_id", "text"], ["kind", "text"], ["items", "jsonb"], ["reason", "text"], ["created_at", "timestamptz"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
  review: { table: "reviews", columns: [["id", "text"], ["workspace_id", "text"], ["external_id", "text"], ["order_id", "text"], ["item", "text"], ["rating", "text"], ["text", "text"], ["at", "timestamptz"]], conflict: EXTERNAL, keep: ["id", "workspace_id"] },
} satisfies Record<string, UpsertSpec>;

export type Table = keyof typeof SPECS;

/** Where a conversation row holds its tail (filled in by writeConversations). */
const column = (table: Table, name: string) => SPECS[table].columns.findIndex(([column]) => column === name);
export const LAST_SEQ = column("conversation", "last_seq");
export const LAST_MESSAGE_AT = column("conversation", "last_message_at");
