// The HTTP application shell: logging without personal data, sessions, CSRF, deny by
// default, one error shape. Modules add their routes with `route` afterwards.
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { randomUUID } from "node:crypto";
import type { SessionResolver } from "../auth/auth-context";
import { safeEqual } from "../auth/tokens";
import { HttpError, errorBody } from "./errors";
import { openApiDocument } from "./openapi";
import { route } from "./route";

export const SESSION_COOKIE = "qd_session";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface HttpAppOptions {
  sessions: SessionResolver;
  trustProxy: boolean | string;
  logLevel: string;
  /** Answers /api/health: true once the database is reachable. */
  healthy: () => Promise<boolean>;
  /** Where logs go (stdout unless a test captures them). */
  logStream?: NodeJS.WritableStream;
}

export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    trustProxy: options.trustProxy,
    bodyLimit: 4 * 1024 * 1024,
    genReqId: () => randomUUID(),
    logger: {
      level: options.logLevel,
      // Only what is needed to follow a request: no query strings (widget tokens),
      // no headers (cookies), no addresses, no bodies.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ["req.headers", "body", "password", "phone", "address"],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  });
  app.decorate("routeDocs", []);
  app.decorateRequest("auth", null);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        // https: for product pictures a shop links from its own CDN (catalog image_url);
        // a picture cannot run script, and uploads are served from 'self'.
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "connect-src": ["'self'", "ws:", "wss:"],
        // antd writes its styles at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
      },
    },
    // widget.js and the widget API are used from shops' own sites.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await options.sessions.resolve(token);
  });

  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const access = request.routeOptions.config.access;
    // Deny by default: an /api route that did not declare who may call it answers nothing.
    if (access === undefined) throw new HttpError(404, "not_found", "No such endpoint");
    // Cookie-authenticated writes must carry the session's CSRF token.
    if (request.auth && UNSAFE.has(request.method) && access !== "public") {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, request.auth.csrfToken)) {
        throw new HttpError(403, "csrf", "Missing or wrong x-csrf-token header");
      }
    }
  });

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send(errorBody(err));
    const fastifyError = err as { statusCode?: number; code?: string; message: string };
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      const field = fastifyError.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "content-type" : "body";
      return reply
        .code(fastifyError.statusCode)
        .send(errorBody(new HttpError(fastifyError.statusCode, "invalid", fastifyError.message, field)));
    }
    request.log.error({ err }, "request failed");
    return reply.code(500).send(errorBody(new HttpError(500, "internal", "Something went wrong on our side")));
  });

  route(app, {
    method: "GET",
    url: "/api/health",
    summary: "Liveness: ok once the database answers",
    access: "public",
    handler: async ({ reply }) => {
      if (await options.healthy()) return { status: "ok" };
      return reply.code(503).send({ status: "unavailable" });
    },
  });
  route(app, {
    method: "GET",
    url: "/api/openapi.json",
    summary: "This API's OpenAPI document",
    access: "public",
    handler: async () => openApiDocument(app),
  });
  return app;
}
