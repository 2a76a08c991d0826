// Every API endpoint is declared through `route`: its access rule is required (deny by
// default), its zod schemas give the handler's types, the validation (400 naming the
// field; unknown fields refused) and the OpenAPI entry, from one source.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Ability } from "../auth/abilities";
import type { AuthContext } from "../auth/auth-context";
import { HttpError, unauthorized } from "./errors";

/** "public": anyone; "signed-in": any agent with a session; an ability: agents holding it. */
export type Access = "public" | "signed-in" | Ability;

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<A extends Access, B, Q, P> {
  method: Method;
  url: string;
  summary: string;
  tags?: string[];
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  response?: Schema;
  /** Status of a successful answer (200 unless said). */
  status?: number;
  handler(input: {
    body: Out<B>;
    query: Out<Q>;
    params: Out<P>;
    auth: A extends "public" ? AuthContext | null : AuthContext;
    request: FastifyRequest;
    reply: FastifyReply;
  }): Promise<unknown>;
}

export interface RouteDoc {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: Schema;
  query?: Schema;
  params?: Schema;
  response?: Schema;
  status: number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Set only by `route` (and the socket routes); requests to /api routes without it are refused. */
    access?: Access;
  }
  interface FastifyInstance {
    routeDocs: RouteDoc[];
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function parseInput<S extends Schema>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? (where === "body" ? {} : value));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  const path = [...issue.path.map(String), ...keys.slice(0, 1)];
  const field = path.length > 0 ? path.join(".") : where;
  const message = issue.code === "unrecognized_keys" ? `unknown field "${field}"` : `${field}: ${issue.message}`;
  throw new HttpError(400, "invalid", message, field);
}

export function route<A extends Access, B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  app: FastifyInstance,
  spec: RouteSpec<A, B, Q, P>,
): void {
  app.routeDocs.push({
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tags: spec.tags ?? [],
    access: spec.access,
    body: spec.body,
    query: spec.query,
    params: spec.params,
    response: spec.response,
    status: spec.status ?? 200,
  });
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access },
    handler: async (request, reply) => {
      const auth = request.auth;
      if (spec.access !== "public") {
        if (!auth) throw unauthorized();
        if (spec.access !== "signed-in" && !auth.abilities.has(spec.access)) {
          // Deny without telling whether the thing exists.
          throw new HttpError(403, "forbidden", "Your role may not do this");
        }
      }
      const input = {
        params: (spec.params ? parseInput(spec.params, request.params, "params") : undefined) as Out<P>,
        query: (spec.query ? parseInput(spec.query, request.query, "query") : undefined) as Out<Q>,
        body: (spec.body ? parseInput(spec.body, request.body, "body") : undefined) as Out<B>,
        auth: auth as A extends "public" ? AuthContext | null : AuthContext,
        request,
        reply,
      };
      const result = await spec.handler(input);
      if (reply.sent) return reply;
      if (result === undefined) return reply.code(spec.status ?? 204).send();
      return reply.code(spec.status ?? 200).send(result);
    },
  });
}
