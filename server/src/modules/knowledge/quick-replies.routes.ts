// Quick replies over HTTP: the caller's library (their team's plus their own), edits
// (team phrases need quick_replies.manage; personal ones only their owner), CSV export and
// import, and rendering a phrase for a conversation. Every change tells the sockets.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import { conflict, forbidden, HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { recordAudit } from "../../platform/audit/audit";
import { CsvError, formatCsv, parseCsv } from "./quick-replies.csv";
import { publishQuickRepliesChanged } from "./quick-replies.events";
import { fillVariables, unfilledVariables, variablesFor } from "./quick-replies.render";
import {
  deleteQuickReply,
  findByShortcut,
  findVisibleQuickReply,
  insertQuickReply,
  listQuickReplies,
  updateQuickReply,
  upsertQuickReplies,
  type ImportRow,
  type Library,
  type QuickReplyRow,
  type QuickReplyScope,
} from "./quick-replies.repo";

const MAX_TEXT = 2000;
const scope = z.enum(["team", "personal"]);
const category = z.string().trim().max(50);
const shortcut = z.string().trim().min(1).max(30).regex(/^\S+$/, "one word, without spaces");
const text = z.string().trim().min(1).max(MAX_TEXT);
const idParam = z.strictObject({ id: z.string().max(100) });
const CSV_TYPES = ["text/csv", "application/csv", "text/plain"];
const IMPORT_LIMIT = 2 * 1024 * 1024;
const MAX_IMPORT_ROWS = 5000;

export const quickReplyShape = z.object({
  id: z.string(),
  scope,
  team: z.enum(["presales", "aftersales"]).nullable(),
  category: z.string(),
  shortcut: z.string(),
  text: z.string(),
  ownerId: z.string().nullable(),
  /** The intent the phrase answers (script-library phrases carry one), for suggestions. */
  intent: z.string().nullable(),
  updatedAt: z.string(),
});

function view(row: QuickReplyRow): z.infer<typeof quickReplyShape> {
  return {
    id: row.id,
    scope: row.scope,
    team: row.team,
    category: row.category,
    shortcut: row.shortcut,
    text: row.text,
    ownerId: row.ownerId,
    intent: row.intent,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const libraryOf = (auth: AuthContext): Library => ({ workspaceId: auth.agent.workspaceId, team: auth.agent.team, agentId: auth.agent.id });

function mayEdit(auth: AuthContext, scopeOf: QuickReplyScope): void {
  if (scopeOf === "team" && !auth.abilities.has("quick_replies.manage")) throw forbidden("Only supervisors and owners edit the team's quick replies");
}

/** Two requests racing for one shortcut: the database's unique index decides, the loser gets 409. */
async function uniqueShortcut<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const code = (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (code === "23505") throw conflict("shortcut_taken", "This shortcut is already used in that library");
    throw err;
  }
}

export function registerQuickReplyRoutes(app: FastifyInstance, deps: { db: Db; bus: EventBus }): void {
  const { db, bus } = deps;
  const changed = (auth: AuthContext, row: { scope: QuickReplyScope }) =>
    publishQuickRepliesChanged(bus, auth.agent.workspaceId, row.scope === "team" ? { team: auth.agent.team } : { agentId: auth.agent.id });

  route(app, {
    method: "GET",
    url: "/api/v1/quick-replies",
    summary: "My quick replies: my team's library and my personal phrases",
    tags: ["quick replies"],
    access: "signed-in",
    response: z.object({ items: z.array(quickReplyShape) }),
    handler: async ({ auth }) => ({ items: (await listQuickReplies(db, libraryOf(auth))).map(view) }),
  });

  route(app, {
    method: "POST",
    url: "/api/v1/quick-replies",
    summary: "Add a phrase to my team's library (quick_replies.manage) or to my own",
    tags: ["quick replies"],
    access: "signed-in",
    status: 201,
    body: z.strictObject({ scope, category: category.default(""), shortcut, text }),
    response: z.object({ quickReply: quickReplyShape }),
    handler: async ({ auth, body }) => {
      mayEdit(auth, body.scope);
      const library = libraryOf(auth);
      if (await findByShortcut(db, library, body.scope, body.shortcut)) throw conflict("shortcut_taken", "This shortcut is already used in that library");
      const row = await uniqueShortcut(() => insertQuickReply(db, library, body.scope, body));
      if (row.scope === "team") await recordAudit(db, auth, "quick_reply.create", "quick_reply", row.id);
      await changed(auth, row);
      return { quickReply: view(row) };
    },
  });

  route(app, {
    method: "PATCH",
    url: "/api/v1/quick-replies/:id",
    summary: "Change a phrase's category, shortcut or text",
    tags: ["quick replies"],
    access: "signed-in",
    params: idParam,
    body: z.strictObject({ category: category.optional(), shortcut: shortcut.optional(), text: text.optional() }),
    response: z.object({ quickReply: quickReplyShape }),
    handler: async ({ auth, params, body }) => {
      const existing = await findVisibleQuickReply(db, libraryOf(auth), params.id);
      if (!existing) throw notFound("quick reply");
      mayEdit(auth, existing.scope);
      if (body.shortcut && body.shortcut !== existing.shortcut && (await findByShortcut(db, libraryOf(auth), existing.scope, body.shortcut))) {
        throw conflict("shortcut_taken", "This shortcut is already used in that library");
      }
      const row = (await uniqueShortcut(() => updateQuickReply(db, auth.agent.workspaceId, existing.id, body)))!;
      if (row.scope === "team") await recordAudit(db, auth, "quick_reply.update", "quick_reply", row.id);
      await changed(auth, row);
      return { quickReply: view(row) };
    },
  });

  route(app, {
    method: "DELETE",
    url: "/api/v1/quick-replies/:id",
    summary: "Delete a phrase",
    tags: ["quick replies"],
    access: "signed-in",
    params: idParam,
    handler: async ({ auth, params }) => {
      const existing = await findVisibleQuickReply(db, libraryOf(auth), params.id);
      if (!existing) throw notFound("quick reply");
      mayEdit(auth, existing.scope);
      await deleteQuickReply(db, auth.agent.workspaceId, existing.id);
      if (existing.scope === "team") await recordAudit(db, auth, "quick_reply.delete", "quick_reply", existing.id);
      await changed(auth, existing);
      return undefined;
    },
  });

  route(app, {
    method: "GET",
    url: "/api/v1/quick-replies/export",
    summary: "My quick replies as CSV (scope,category,shortcut,text), UTF-8 with BOM for Excel",
    tags: ["quick replies"],
    access: "signed-in",
    handler: async ({ auth, reply }) => {
      const rows = await listQuickReplies(db, libraryOf(auth));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="quick-replies.csv"')
        .send(formatCsv(rows));
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/quick-replies/render",
    summary:
      "A phrase with {buyer} {shop} {agent} {product} {courier} {cutoff} {promotion} {promotion_end} filled in for a conversation; `missing` names those it has no value for (left in the text for the agent to fill)",
    tags: ["quick replies"],
    access: "conversations.reply",
    body: z.strictObject({ id: z.string().max(100), conversationId: z.string().max(100) }),
    response: z.object({ text: z.string(), missing: z.array(z.string()) }),
    handler: async ({ auth, body }) => {
      const phrase = await findVisibleQuickReply(db, libraryOf(auth), body.id);
      if (!phrase) throw notFound("quick reply");
      const text = fillVariables(phrase.text, await variablesFor(db, auth, body.conversationId));
      return { text, missing: unfilledVariables(text) };
    },
  });

  // Its own scope, so the CSV body parser applies to the import only.
  void app.register(async (scoped) => {
    for (const type of CSV_TYPES) if (scoped.hasContentTypeParser(type)) scoped.removeContentTypeParser(type);
    scoped.addContentTypeParser(CSV_TYPES, { parseAs: "buffer", bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

    route(scoped, {
      method: "POST",
      url: "/api/v1/quick-replies/import",
      summary: "Import a CSV (scope,category,shortcut,text): all rows or none, updating by (scope, shortcut)",
      tags: ["quick replies"],
      access: "signed-in",
      response: z.object({ created: z.number().int(), updated: z.number().int() }),
      handler: async ({ auth, request, reply }) => {
        if (!Buffer.isBuffer(request.body)) throw new HttpError(400, "invalid", `send the file as ${CSV_TYPES[0]}`, "content-type");
        let rows: ImportRow[];
        try {
          rows = readImport(request.body, auth);
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          return reply.code(400).send({ error: { code: "invalid_csv", message: err.message, field: err.column, line: err.line, column: err.column } });
        }
        const result = await uniqueShortcut(() => upsertQuickReplies(db, libraryOf(auth), rows));
        // A file that changed nothing (imported twice) does not make the team refetch.
        if (result.created + result.updated === 0) return result;
        if (rows.some((r) => r.scope === "team")) {
          await recordAudit(db, auth, "quick_reply.import", "quick_reply", auth.agent.team, result);
          await changed(auth, { scope: "team" });
        }
        if (rows.some((r) => r.scope === "personal")) await changed(auth, { scope: "personal" });
        return result;
      },
    });
  });
}

/** A bad file: the answer names the line (1 = the header) and the column. */
class ImportError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    message: string,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const rowShape = { scope, category, shortcut, text } as const;

/** Checks every row before anything is written; the first problem names its line and column. */
function readImport(body: Buffer, auth: AuthContext): ImportRow[] {
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ImportError(1, "scope", "the file is not UTF-8 (in Excel: save as \"CSV UTF-8\")");
  }
  let records;
  try {
    records = parseCsv(decoded);
  } catch (err) {
    if (err instanceof CsvError) throw new ImportError(err.line, err.column, err.message.replace(/^line \d+, column [^:]+: /, ""));
    throw err;
  }
  if (records.length > MAX_IMPORT_ROWS) throw new ImportError(records[MAX_IMPORT_ROWS]!.line, "scope", `at most ${MAX_IMPORT_ROWS} rows per file`);
  const seen = new Map<string, number>();
  return records.map(({ line, record }) => {
    const row = {} as ImportRow;
    for (const column of ["scope", "category", "shortcut", "text"] as const) {
      const parsed = rowShape[column].safeParse(record[column].trim());
      if (!parsed.success) throw new ImportError(line, column, parsed.error.issues[0]!.message);
      (row as unknown as Record<string, string>)[column] = parsed.data;
    }
    if (row.scope === "team" && !auth.abilities.has("quick_replies.manage")) {
      throw new HttpError(403, "forbidden", `line ${line}: only supervisors and owners import into the team's library`, "scope");
    }
    const key = `${row.scope}\n${row.shortcut}`;
    const first = seen.get(key);
    if (first !== undefined) throw new ImportError(line, "shortcut", `shortcut "${row.shortcut}" is already on line ${first}`);
    seen.set(key, line);
    return row;
  });
}
