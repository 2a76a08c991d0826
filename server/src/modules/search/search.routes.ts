// GET /api/v1/search/messages: find a message in any conversation the caller may see.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../platform/db/database";
import { route } from "../../platform/http/route";
import { searchMessages } from "./search.service";

export function registerSearchRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/v1/search/messages",
    summary: "Search messages (Chinese, English, Korean) in the conversations I may see, newest first",
    tags: ["search"],
    access: "conversations.view_team",
    query: z.strictObject({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(100).default(20) }),
    handler: async ({ auth, query }) => ({ items: await searchMessages(db, auth, query.q, query.limit) }),
  });
}
