// Chinese-aware product search for the chat sidebar and the catalog list. Title, category
// and knowledge are cut into words by jieba (the tokeniser message search uses) and kept in
// products.search_tokens for PostgreSQL's 'simple' text search. Each word the agent types
// must match: as a jieba word or prefix (针织 finds 针织衫), through a few apparel synonyms
// (毛衣 finds 针织衫), or as a literal part of the title or category, which covers words
// jieba cuts oddly (连帽卫衣 → 连 帽卫衣) and keeps LIKE wildcards literal.
//
// Tokens are refreshed from an md5 of what they were made of, so rows written by any path
// (this module, the interchange import, a colleague's module) are searchable: this
// module's writes refresh them at once, and every search first re-tokenises what changed
// (finding nothing stale costs ~2 ms over 1,000 products, bench/catalog.ts).
import { and, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
// The tokeniser file itself rather than search's index.ts: search reads conversations,
// which read the catalog, and the tokeniser needs none of that.
import { searchTokens } from "../search/tokenize";
import { products } from "./catalog.schema";
import { knowledgeText, readKnowledge } from "./knowledge";

/** Words that name the same garment in shops' and buyers' mouths (lower case). */
const SYNONYMS: string[][] = [
  ["毛衣", "针织衫", "针织"],
  ["t恤", "体恤", "tee"],
  ["卫衣", "帽衫"],
  ["西装", "西服"],
  ["牛仔", "丹宁"],
  ["雪纺", "chiffon"],
];
const SYNONYM_OF = new Map<string, string[]>(SYNONYMS.flatMap((group) => group.map((word) => [word, group] as const)));

const SOURCE_KEY = sql`md5(${products.title} || chr(10) || ${products.category} || chr(10) || ${products.attributes}::text)`;
const VECTOR = sql`to_tsvector('simple', coalesce(${products.searchTokens}, ''))`;

export function productSearchText(p: { title: string; category: string; attributes: unknown }): string {
  return [p.title, p.category, knowledgeText(readKnowledge(p.attributes))].join(" \n");
}

const BATCH = 500;

/** Re-tokenises the shop's products whose text changed since their tokens were made. */
export async function refreshSearchTokens(db: Db, workspaceId: string, shopId: string): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await db
      .select({ id: products.id, title: products.title, category: products.category, attributes: products.attributes, key: SOURCE_KEY.mapWith(String) })
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), eq(products.shopId, shopId), sql`${products.searchKey} is distinct from ${SOURCE_KEY}`))
      .limit(BATCH);
    if (stale.length === 0) return done;
    const values = stale.map((p) => sql`(${p.id}, ${p.key}, ${searchTokens(productSearchText(p), "index").join(" ")})`);
    // Only if the text is still what was read: a write in between is picked up next time.
    await db.execute(sql`
      update products set search_tokens = v.tokens, search_key = v.key
      from (values ${sql.join(values, sql`, `)}) as v(id, key, tokens)
      where products.id = v.id and ${SOURCE_KEY} = v.key`);
    done += stale.length;
    if (stale.length < BATCH) return done;
  }
}

/** LIKE wildcards in what the agent typed are meant literally. */
export const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** to_tsquery text for one typed word: each jieba word (or a synonym) as a prefix, all required. */
export function wordQuery(word: string): string | null {
  const tokens = searchTokens(word, "query");
  if (tokens.length === 0) return null;
  // Tokens are letters and digits only (searchTokens), so they cannot carry tsquery syntax.
  return tokens.map((token) => `(${(SYNONYM_OF.get(token) ?? [token]).map((t) => `${t}:*`).join(" | ")})`).join(" & ");
}

/** The typed words (at most 8), split on spaces. */
export function queryWords(q: string): string[] {
  return q.normalize("NFKC").split(/\s+/).filter((w) => w !== "").slice(0, 8);
}

/** Every typed word must match; the first word found in the title ranks first. */
export function productMatch(q: string): { where: SQL | undefined; rank: SQL } | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  const conditions = words.map((word) => {
    const like = or(ilike(products.title, `%${literal(word)}%`), ilike(products.category, `%${literal(word)}%`))!;
    const tsq = wordQuery(word);
    return tsq ? or(like, sql`${VECTOR} @@ to_tsquery('simple', ${tsq})`)! : like;
  });
  const rank = sql`case when ${products.title} ilike ${`%${literal(words[0]!)}%`} then 0 else 1 end`;
  return { where: and(...conditions), rank };
}

/** For tests and the benchmark: how many of a shop's products have no current tokens. */
export async function staleTokenCount(db: Db, workspaceId: string, shopId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from products where workspace_id = ${workspaceId} and shop_id = ${shopId} and search_key is distinct from ${SOURCE_KEY}`,
  );
  return row?.n ?? 0;
}
