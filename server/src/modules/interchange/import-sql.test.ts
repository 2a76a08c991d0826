// The importer's upsert sends each column as one array literal it builds itself: every
// value must come back exactly, on both engines, whatever characters it holds.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/test-database";
import { queryRows } from "../../platform/db/database";
import { arrayLiteral, upsertRows, type UpsertSpec, type Value } from "./import-sql";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table upsert_probe (id text primary key, note text, n integer, at timestamptz, doc jsonb)`);
});
afterAll(async () => database?.close());

const SPEC: UpsertSpec = {
  table: "upsert_probe",
  columns: [["id", "text"], ["note", "text"], ["n", "integer"], ["at", "timestamptz"], ["doc", "jsonb"]],
  conflict: ["id"],
  keep: ["id"],
};

const AWKWARD = ['say "hi"', "C:\\path\\", "\\\"", "{a,b}", "NULL", "", " spaced ", "逗号，引号「」", "emoji 🙂", "line\nbreak", "tab\tend", "'single'"];

describe("upsertRows", () => {
  it("writes every value back exactly: quotes, backslashes, braces, commas, the word NULL, empty strings, nulls", async () => {
    const rows: Value[][] = AWKWARD.map((note, i) => [`p${i}`, note, i - 3, "2026-09-01T02:00:00.000Z", JSON.stringify({ note })]);
    rows.push(["p-null", null, null, null, null]);
    expect(await upsertRows(database.db, SPEC, rows)).toEqual({ created: rows.length, updated: 0 });
    const back = await queryRows<{ id: string; note: string | null; n: number | null; doc: { note: string } | null }>(
      database.db,
      sql`select id, note, n, doc from upsert_probe order by id`,
    );
    const byId = new Map(back.map((row) => [row.id, row]));
    AWKWARD.forEach((note, i) => expect(byId.get(`p${i}`)).toEqual({ id: `p${i}`, note, n: i - 3, doc: { note } }));
    expect(byId.get("p-null")).toEqual({ id: "p-null", note: null, n: null, doc: null });
    // The same rows again change nothing; one changed value updates one row.
    expect(await upsertRows(database.db, SPEC, rows)).toEqual({ created: 0, updated: 0 });
    rows[0]![1] = 'say "bye"';
    expect(await upsertRows(database.db, SPEC, rows)).toEqual({ created: 0, updated: 1 });
  });

  it("quotes every string and leaves numbers and nulls bare", () => {
    expect(arrayLiteral([["a\"b"], [null], [12], ["NULL"], ["back\\slash"]], 0)).toBe('{"a\\"b",NULL,12,"NULL","back\\\\slash"}');
  });
});
