// The built workbench (web/dist: index.html, assets/, widget.js). Any GET that is not an
// API call and not a file gets index.html, so the workbench's own routes survive a reload.
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HttpError, errorBody } from "./errors";

export const WEB_DIST = fileURLToPath(new URL("../../../../web/dist", import.meta.url));

export async function registerWebAssets(app: FastifyInstance): Promise<void> {
  const built = existsSync(WEB_DIST + "/index.html");
  if (built) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: "/",
      index: false,
      wildcard: true,
      setHeaders: (res, path) => {
        // Hashed assets never change; index.html and widget.js must be fresh.
        res.setHeader("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  // The workbench itself (static serving refuses directories).
  app.get("/", (_request, reply) =>
    built ? reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").sendFile("index.html") : reply.code(404).send(errorBody(new HttpError(404, "not_found", "The web app is not built: run npm run build"))),
  );
  app.setNotFoundHandler((request, reply) => {
    // A missing script or asset must not come back as the page (a blank screen after a rebuild).
    const isFile = request.url.startsWith("/assets/") || /\.(js|css|map|png|svg|ico)(\?|$)/.test(request.url);
    if (request.url.startsWith("/api/") || request.method !== "GET" || !built || isFile) {
      return reply.code(404).send(errorBody(new HttpError(404, "not_found", built ? "No such endpoint" : "The web app is not built: run npm run build")));
    }
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").sendFile("index.html");
  });
}
