// FAQ files in and out (faq.manage), and the seeds' script library: read it, and load it
// into a shop as its starting quick replies and FAQ (idempotent).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { AuthContext } from "../../platform/auth/auth-context";
import type { Db } from "../../platform/db/database";
import type { EventBus } from "../../platform/events/bus";
import { HttpError } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { findShop } from "../workspace";
import { checkDuplicates, differs, FaqImportError, entryKey, formatFaqCsv, formatFaqJson, readFaqCsv, readFaqJson, type ImportedEntry } from "./faq.io";
import { insertEntry, listEntries, updateEntry, type FaqRow } from "./faq.repo";
import { checkScope } from "./faq.service";
import { publishQuickRepliesChanged } from "./quick-replies.events";
import { LIBRARY_LOCALES, loadScriptLibrary, scriptLibrary } from "./script-library";

const FILE_TYPES = ["text/csv", "application/csv", "text/plain", "application/json"];
const IMPORT_LIMIT = 4 * 1024 * 1024;

async function shopOf(db: Db, auth: AuthContext, shopId: string) {
  const shop = await findShop(db, auth.agent.workspaceId, shopId);
  if (!shop) throw new HttpError(400, "invalid", "No such shop", "shopId");
  return shop;
}

/** Writes a checked file in one transaction: all rows or none. Rows the shop already has unchanged are not counted. */
async function applyImport(db: Db, auth: AuthContext, shopId: string, rows: ImportedEntry[], lineOf: (row: number) => number | undefined) {
  const workspaceId = auth.agent.workspaceId;
  return db.transaction(async (tx) => {
    const existing = await listEntries(tx, workspaceId, { shopId });
    const byId = new Map(existing.map((e) => [e.id, e]));
    const byContent = new Map(existing.map((e) => [entryKey(e), e]));
    let created = 0;
    let updated = 0;
    for (const [index, row] of rows.entries()) {
      try {
        await checkScope(tx, workspaceId, shopId, row.scope, "scope_values");
      } catch (err) {
        if (err instanceof HttpError) throw new FaqImportError(index + 1, "scope_values", err.message, lineOf(index + 1));
        throw err;
      }
      const match: FaqRow | undefined = (row.id ? byId.get(row.id) : undefined) ?? byContent.get(entryKey(row));
      const { id: _id, status, ...content } = row;
      if (match) {
        if (!differs(row, match)) continue;
        await updateEntry(tx, workspaceId, match.id, { ...content, status });
        updated++;
      } else {
        await insertEntry(tx, workspaceId, { ...content, shopId, status, reviewedBy: status === "proposed" ? null : auth.agent.id });
        created++;
      }
    }
    return { created, updated };
  });
}

export function registerFaqIoRoutes(app: FastifyInstance, db: Db, bus: EventBus): void {
  route(app, {
    method: "GET",
    url: "/api/v1/faq/export",
    summary: "A shop's FAQ as CSV (id,status,category,intent,stage,scope,scope_values,questions,answer,usage_count; several questions one per line in their cell) or JSON",
    tags: ["faq"],
    access: "faq.manage",
    query: z.strictObject({ shopId: z.string().max(100), format: z.enum(["csv", "json"]).default("csv") }),
    handler: async ({ auth, query, reply }) => {
      const shop = await shopOf(db, auth, query.shopId);
      const rows = (await listEntries(db, auth.agent.workspaceId, { shopId: shop.id })).reverse();
      if (query.format === "json") {
        return reply
          .header("content-type", "application/json; charset=utf-8")
          .header("content-disposition", 'attachment; filename="faq.json"')
          .send(formatFaqJson({ id: shop.id, name: shop.name }, rows));
      }
      return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="faq.csv"').send(formatFaqCsv(rows));
    },
  });

  // Its own scope, so the file body parsers apply to the import only.
  void app.register(async (scoped) => {
    for (const type of FILE_TYPES) if (scoped.hasContentTypeParser(type)) scoped.removeContentTypeParser(type);
    scoped.addContentTypeParser(FILE_TYPES, { parseAs: "buffer", bodyLimit: IMPORT_LIMIT }, (_request, body, done) => done(null, body));

    route(scoped, {
      method: "POST",
      url: "/api/v1/faq/import",
      summary:
        "Import a CSV (text/csv, the export's columns) or JSON (application/json, the export's shape) into a shop: every row is checked first and nothing is written on an error, which names the row, the field and (CSV) the line; rows update by id, else by the first question",
      tags: ["faq"],
      access: "faq.manage",
      query: z.strictObject({ shopId: z.string().max(100) }),
      response: z.object({ created: z.number().int(), updated: z.number().int() }),
      handler: async ({ auth, query, request, reply }) => {
        const shop = await shopOf(db, auth, query.shopId);
        if (!Buffer.isBuffer(request.body)) throw new HttpError(400, "invalid", "send the file as text/csv or application/json", "content-type");
        const json = (request.headers["content-type"] ?? "").includes("json");
        try {
          let text: string;
          try {
            text = new TextDecoder("utf-8", { fatal: true }).decode(request.body);
          } catch {
            throw new FaqImportError(0, "file", 'the file is not UTF-8 (in Excel: save as "CSV UTF-8")', json ? undefined : 1);
          }
          const { rows, lines } = json ? readFaqJson(text) : readFaqCsv(text);
          const lineOf = (row: number) => lines[row - 1];
          checkDuplicates(rows, lineOf);
          const result = await applyImport(db, auth, shop.id, rows, lineOf);
          if (result.created + result.updated > 0) await recordAudit(db, auth, "faq.import", "shop", shop.id, result);
          return result;
        } catch (err) {
          if (!(err instanceof FaqImportError)) throw err;
          return reply.code(400).send({
            error: { code: "invalid_import", message: err.message, field: err.field, row: err.row, ...(err.line !== undefined ? { line: err.line } : {}) },
          });
        }
      },
    });
  });

  route(app, {
    method: "GET",
    url: "/api/v1/knowledge/library",
    summary: "The seeds' script library: each script with its seed, section, quote, intent, pre-sales stage, teams, shortcut, category, and text (and questions) in zh-CN, en and ko",
    tags: ["faq"],
    access: "signed-in",
    handler: async () => {
      const library = scriptLibrary();
      return { locales: LIBRARY_LOCALES, categories: library.categories, scripts: library.scripts };
    },
  });

  route(app, {
    method: "POST",
    url: "/api/v1/knowledge/library/load",
    summary:
      "Load the script library into a shop in one language: every script becomes a team quick reply (a shortcut the team has already is kept), those answering a question an approved FAQ entry; loading again adds only what is missing",
    tags: ["faq"],
    access: "faq.manage",
    body: z.strictObject({ shopId: z.string().max(100), locale: z.enum(LIBRARY_LOCALES).default("zh-CN") }),
    response: z.object({ quickReplies: z.number().int(), faq: z.number().int() }),
    handler: async ({ auth, body }) => {
      const shop = await shopOf(db, auth, body.shopId);
      const result = await loadScriptLibrary(db, auth.agent.workspaceId, shop.id, body.locale);
      if (result.quickReplies + result.faq > 0) await recordAudit(db, auth, "knowledge.library_load", "shop", shop.id, { ...result, locale: body.locale });
      if (result.quickReplies > 0) {
        for (const team of ["presales", "aftersales"] as const) await publishQuickRepliesChanged(bus, auth.agent.workspaceId, { team });
      }
      return result;
    },
  });
}
