// Ids, resolved while the file is read, inside the import's transaction. Each id a
// line defines or names gets its QinDesk id just before the first batch holding it is
// written: a row imported before is found by external id; a reference may also use
// QinDesk's own id (a file exported from rows made in the app); an id found nowhere
// gets a fresh QinDesk id. A reference to such a fresh id must be defined further on
// in the file: at the end, the first line naming one still undefined stops the import,
// and the transaction takes back everything written before it.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { fieldError, type InterchangeError } from "./errors";
import { anyOf, chunks } from "./import-sql";
import { REF_TYPES, type RefType } from "./import-checks";

interface PendingRef {
  line: number;
  field: string;
}

/** Where an id was first seen since the last settle(), and whether a line defines it. */
interface Wanted extends PendingRef {
  defined: boolean;
}

export const REF_TABLES: Record<RefType, { table: string; prefix: string }> = {
  shop: { table: "shops", prefix: "shop" },
  agent: { table: "agents", prefix: "agent" },
  customer: { table: "customers", prefix: "cus" },
  product: { table: "products", prefix: "prod" },
  sku: { table: "skus", prefix: "sku" },
  conversation: { table: "conversations", prefix: "conv" },
  order: { table: "orders", prefix: "ord" },
};

const LOOKUP_CHUNK = 5_000;

const perType = <T>(make: () => T) => Object.fromEntries(REF_TYPES.map((type) => [type, make()])) as Record<RefType, T>;

/** "line 12: message.conversation: "v9" is neither in the file nor in the workspace" */
function unknownRefError(type: RefType, id: string, ref: PendingRef): InterchangeError {
  return fieldError(ref.line, ref.field, `${type} "${id}" is neither in the file nor in the workspace`);
}

function takenIdError(type: RefType, id: string, where: PendingRef): InterchangeError {
  return fieldError(where.line, where.field, `"${id}" is the QinDesk id of a ${type} imported under another id`);
}

export class IdResolver {
  /** File id → QinDesk id, per kind. */
  private readonly ids = perType(() => new Map<string, string>());
  /** QinDesk ids made by this import (rows that did not exist): nothing can hang off them yet. */
  readonly created = new Set<string>();
  /** Ids seen since the last settle(). */
  private wanted = perType(() => new Map<string, Wanted>());
  /** Fresh ids only referred to so far: the file must still define them. */
  private readonly pending = perType(() => new Map<string, PendingRef>());
  /**
   * Ids referred to by QinDesk's own id, and whether that row has an external id. A
   * later definition takes a row without one over; a row with one is another record's,
   * and defining its id is refused.
   */
  private readonly ownRow = perType(() => new Map<string, boolean>());
  private readonly adoptions = perType(() => new Set<string>());
  private readonly empty = new Map<RefType, boolean>();

  constructor(
    private readonly db: Db,
    private readonly workspaceId: string,
  ) {}

  /** A line defines this record. */
  define(type: RefType, id: string, line: number, field: string): void {
    if (this.ids[type].has(id)) this.defineResolved(type, id, { line, field });
    else this.wanted[type].set(id, { line, field, defined: true });
  }

  /** A definition of an id already settled: it was only named before, or defined before. */
  private defineResolved(type: RefType, id: string, where: PendingRef): void {
    this.pending[type].delete(id);
    const hasExternal = this.ownRow[type].get(id);
    if (hasExternal === undefined) return;
    if (hasExternal) throw takenIdError(type, id, where);
    this.ownRow[type].delete(id);
    this.adoptions[type].add(id);
  }

  /** A line names this record. */
  refer(type: RefType, id: string | undefined, line: number, field: string): void {
    if (id === undefined || this.ids[type].has(id) || this.wanted[type].has(id)) return;
    this.wanted[type].set(id, { line, field, defined: false });
  }

  /** The QinDesk id of a file id seen before the last settle(). */
  id(type: RefType, id: string): string {
    const found = this.ids[type].get(id);
    if (found === undefined) throw new Error(`import: ${type} "${id}" was not resolved`);
    return found;
  }

  optionalId(type: RefType, id: string | undefined): string | null {
    return id === undefined ? null : this.id(type, id);
  }

  /** Give every id seen since the last call its QinDesk id. */
  async settle(): Promise<void> {
    for (const type of REF_TYPES) {
      if (this.wanted[type].size > 0 || this.adoptions[type].size > 0) await this.settleType(type);
    }
  }

  private async settleType(type: RefType): Promise<void> {
    const { table, prefix } = REF_TABLES[type];
    const wanted = this.wanted[type];
    this.wanted[type] = new Map();
    const ids = this.ids[type];
    const lookup = [...wanted.keys()];
    const empty = await this.startedEmpty(type);
    if (!empty) await this.byExternalId(table, lookup, ids);
    const unmatched = lookup.filter((id) => !ids.has(id));
    const own = unmatched.length > 0 && !empty ? await this.byOwnId(table, unmatched) : new Map<string, boolean>();
    const adopt = [...this.adoptions[type]];
    this.adoptions[type].clear();
    for (const id of unmatched) {
      const seen = wanted.get(id)!;
      const hasExternal = own.get(id);
      if (hasExternal === true && seen.defined) throw takenIdError(type, id, seen);
      // A row made in the app, named by its own id: a definition of it (an export of that row) takes it over.
      if (hasExternal !== undefined) {
        ids.set(id, id);
        if (seen.defined) adopt.push(id);
        else this.ownRow[type].set(id, hasExternal);
        continue;
      }
      const fresh = newId(prefix);
      ids.set(id, fresh);
      this.created.add(fresh);
      if (!seen.defined) this.pending[type].set(id, { line: seen.line, field: seen.field });
    }
    for (const part of chunks(adopt, LOOKUP_CHUNK)) {
      await this.db.execute(sql`update ${sql.raw(table)} set external_id = id where workspace_id = ${this.workspaceId} and ${anyOf("id", part)} and external_id is null`);
    }
  }

  /**
   * Whether the workspace had no row of this kind when the import first needed one: then
   * every id is new and nothing needs looking up (a first import into a fresh workspace
   * spent a fifth of its time on lookups that found nothing). Asked before this import
   * writes any row of the kind.
   */
  private async startedEmpty(type: RefType): Promise<boolean> {
    let empty = this.empty.get(type);
    if (empty === undefined) {
      const rows = await queryRows(this.db, sql`select 1 from ${sql.raw(REF_TABLES[type].table)} where workspace_id = ${this.workspaceId} limit 1`);
      this.empty.set(type, (empty = rows.length === 0));
    }
    return empty;
  }

  private async byExternalId(table: string, wanted: string[], into: Map<string, string>): Promise<void> {
    for (const part of chunks(wanted, LOOKUP_CHUNK)) {
      const rows = await queryRows<{ id: string; external_id: string }>(
        this.db,
        sql`select id, external_id from ${sql.raw(table)} where workspace_id = ${this.workspaceId} and ${anyOf("external_id", part)}`,
      );
      for (const row of rows) into.set(row.external_id, row.id);
    }
  }

  /** Rows of the workspace whose QinDesk id is one of `wanted` → whether they have an external id. */
  private async byOwnId(table: string, wanted: string[]): Promise<Map<string, boolean>> {
    const found = new Map<string, boolean>();
    for (const part of chunks(wanted, LOOKUP_CHUNK)) {
      const rows = await queryRows<{ id: string; has_external: boolean }>(
        this.db,
        sql`select id, external_id is not null as has_external from ${sql.raw(table)} where workspace_id = ${this.workspaceId} and ${anyOf("id", part)}`,
      );
      for (const row of rows) found.set(row.id, row.has_external);
    }
    return found;
  }

  /** At the end of the file: the first line naming what is neither in the file nor in the workspace. */
  async checkComplete(): Promise<void> {
    await this.settle();
    let first: [RefType, string, PendingRef] | null = null;
    for (const type of REF_TYPES) {
      for (const [id, ref] of this.pending[type]) if (!first || ref.line < first[2].line) first = [type, id, ref];
    }
    if (first) throw unknownRefError(...first);
  }

  /** Agent emails are unique across QinDesk (they sign in with them): refuse one held by another agent. */
  async checkAgentEmails(agents: { line: number; id: string; email: string }[]): Promise<void> {
    const owners = new Map(agents.map((agent) => [agent.email, agent]));
    for (const part of chunks([...owners.keys()], LOOKUP_CHUNK)) {
      const rows = await queryRows<{ id: string; email: string }>(this.db, sql`select id, email from agents where ${anyOf("email", part)}`);
      for (const row of rows) {
        const owner = owners.get(row.email)!;
        if (owner.id !== row.id) throw fieldError(owner.line, "agent.email", `${row.email} is already the email of another agent in QinDesk`);
      }
    }
  }
}
