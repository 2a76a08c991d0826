// The OpenAPI document is built from the same zod schemas that validate requests.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { RouteDoc } from "./route";

function jsonSchema(schema: z.ZodType): unknown {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function parameters(doc: RouteDoc): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ["path", doc.params],
    ["query", doc.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

export function openApiDocument(app: FastifyInstance): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of app.routeDocs) {
    const path = doc.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const operation: Record<string, unknown> = {
      summary: doc.summary,
      tags: doc.tags,
      parameters: parameters(doc),
      responses: {
        [String(doc.status)]: doc.response
          ? { description: "OK", content: { "application/json": { schema: jsonSchema(doc.response) } } }
          : { description: "OK" },
        "400": { description: "Bad input; error.field names the field" },
        ...(doc.access === "public" ? {} : { "401": { description: "Not signed in" }, "403": { description: "Not allowed" } }),
      },
      ...(doc.access === "public" ? { security: [] } : {}),
      "x-qindesk-access": doc.access,
    };
    if (doc.body) operation.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(doc.body) } } };
    (paths[path] ??= {})[doc.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: { title: "QinDesk API", version: "1" },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "qd_session" },
        csrf: { type: "apiKey", in: "header", name: "x-csrf-token" },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}
