// POST /api/v1/import: the same file as `qindesk import`, as the request body
// (text/plain or application/x-ndjson), into the caller's workspace, all or nothing.
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { route } from "../../platform/http/route";
import { recordAudit } from "../../platform/audit/audit";
import { InterchangeError } from "./errors";
import { importInterchange } from "./import-service";
import { RECORD_TYPES } from "./records";

/** Uploads above the app's 4 MiB JSON limit are fine here; bigger files belong to the CLI, which streams. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const FILE_TYPES = ["text/plain", "application/x-ndjson", "application/jsonl"];

const counts = z.object(Object.fromEntries(RECORD_TYPES.map((type) => [type, z.number().int()])));

export function registerInterchangeRoutes(app: FastifyInstance, db: Db, hooks: { afterImport?: (workspaceId: string) => Promise<void> | void } = {}): void {
  // Its own scope, so the raw-text parser and the larger limit apply to this route only.
  void app.register(async (scope) => {
    for (const type of FILE_TYPES) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
    scope.addContentTypeParser(FILE_TYPES, { parseAs: "string", bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

    route(scope, {
      method: "POST",
      url: "/api/v1/import",
      summary: "Import an interchange file (JSON Lines, CONTRACTS §3) into the workspace; all or nothing, idempotent",
      tags: ["data"],
      access: "data.import",
      response: z.object({ workspaceId: z.string(), records: counts, created: counts, updated: counts }),
      handler: async ({ auth, request, reply }) => {
        const body = request.body;
        if (typeof body !== "string") {
          return reply.code(400).send({ error: { code: "invalid", message: `send the file as ${FILE_TYPES.join(" or ")}`, field: "content-type" } });
        }
        try {
          const result = await importInterchange(db, Readable.from([Buffer.from(body, "utf8")]), { workspaceId: auth.agent.workspaceId });
          await recordAudit(db, auth, "data.import", "workspace", auth.agent.workspaceId, { records: result.records });
          // Imported messages become searchable (in the background); imported reviews get follow-ups.
          await hooks.afterImport?.(auth.agent.workspaceId);
          return result;
        } catch (err) {
          if (!(err instanceof InterchangeError)) throw err;
          return reply.code(400).send({ error: { code: "invalid_file", message: err.message, field: err.field ?? "body", line: err.line } });
        }
      },
    });
  });
}
