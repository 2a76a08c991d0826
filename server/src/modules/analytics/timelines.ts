// The figures' rollup (analytics.schema.ts): rebuilt for what changed before a report
// reads it, dropped by imports that rewrite messages.
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/database";

/**
 * Rebuilds the rows of the shop's pre-sales conversations whose last_seq moved since (or
 * that have none): one statement, so the messages and the last_seq it records are read
 * from the same snapshot.
 */
export async function refreshTimelines(db: Db, shopId: string): Promise<void> {
  const rebuilt = await db.execute(sql`insert into conversation_timelines (conversation_id, workspace_id, last_seq, first_buyer_at, last_buyer_at, packed)
    select c.id, c.workspace_id, c.last_seq,
      min(m.created_at) filter (where m.sender = 'buyer'), max(m.created_at) filter (where m.sender = 'buyer'),
      string_agg(case m.sender when 'buyer' then 'u' when 'bot' then 'b' else 'a' || coalesce(m.agent_id, '') || ' ' end
                 || ((extract(epoch from m.created_at) * 1000)::bigint)::text, ',' order by m.seq)
    from conversations c
      left join conversation_timelines t on t.conversation_id = c.id
      left join messages m on m.conversation_id = c.id and m.sender in ('buyer', 'agent', 'bot')
    where c.shop_id = ${shopId} and c.team = 'presales' and (t.conversation_id is null or t.last_seq <> c.last_seq)
    group by c.id, c.workspace_id, c.last_seq
    on conflict (conversation_id) do update set last_seq = excluded.last_seq, first_buyer_at = excluded.first_buyer_at,
      last_buyer_at = excluded.last_buyer_at, packed = excluded.packed`);
  // After a big rebuild (the first report, an import) the planner needs to know the table's size.
  const result = rebuilt as { rowCount?: number | null; affectedRows?: number };
  // node-postgres says rowCount, PGlite affectedRows.
  if ((result.rowCount ?? result.affectedRows ?? 0) > 5_000) {
    await db.execute(sql`analyze conversation_timelines`);
  }
}

/** Messages of these conversations were rewritten in place (a re-import by id): their rows are stale. */
export async function dropTimelines(db: Db, conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  await db.execute(sql`delete from conversation_timelines where conversation_id = any(${sql.param(conversationIds)}::text[])`);
}
