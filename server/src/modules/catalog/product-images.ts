// Product pictures uploaded from the workbench. The upload is the file itself; its bytes
// must be a PNG, JPEG, GIF or WebP (the chat's image check, conversations/image-check.ts),
// whatever type was declared, so an SVG or HTML file renamed .png is refused. Pictures are
// served with the type their bytes proved, publicly (the shop page and the buyer's widget
// show them; ids carry 80 random bits) and cached for good, since a picture never changes.
import type { FastifyInstance } from "fastify";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/database";
import { newId } from "../../platform/db/ids";
import { HttpError, notFound } from "../../platform/http/errors";
import { route } from "../../platform/http/route";
import { checkImageDataUrl } from "../conversations/image-check";
import { findShop } from "../workspace";
import { productImages } from "./catalog.schema";

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const TYPES = ["png", "jpeg", "gif", "webp"] as const;
const UPLOAD_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/octet-stream"];

/** Which allowed picture type these bytes are, by their signature; null for anything else. */
export function pictureType(bytes: Buffer): (typeof TYPES)[number] | null {
  const head = bytes.subarray(0, 16).toString("base64");
  return TYPES.find((type) => checkImageDataUrl(`data:image/${type};base64,${head}`, MAX_IMAGE_BYTES).ok) ?? null;
}

export function registerProductImageRoutes(app: FastifyInstance, db: Db): void {
  route(app, {
    method: "GET",
    url: "/api/product-images/:id",
    summary: "An uploaded product picture (public: the shop page and the widget show it)",
    tags: ["catalog"],
    access: "public",
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    handler: async ({ params, reply }) => {
      const [row] = await db.select().from(productImages).where(eq(productImages.id, params.id)).limit(1);
      if (!row) throw notFound("picture");
      return reply
        .type(row.contentType)
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("content-disposition", "inline")
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(row.data, "base64"));
    },
  });

  // Its own scope, so the raw image body parser applies to the upload only.
  void app.register(async (scoped) => {
    for (const type of UPLOAD_TYPES) if (scoped.hasContentTypeParser(type)) scoped.removeContentTypeParser(type);
    scoped.addContentTypeParser(UPLOAD_TYPES, { parseAs: "buffer", bodyLimit: MAX_IMAGE_BYTES }, (_request, body, done) => done(null, body));

    route(scoped, {
      method: "POST",
      url: "/api/v1/products/images",
      summary: "Upload a product picture (the file as the body: PNG, JPEG, GIF or WebP, 2 MB at most) → its imageUrl",
      tags: ["catalog"],
      access: "products.manage",
      status: 201,
      query: z.strictObject({ shopId: z.string().min(1).max(100) }),
      response: z.object({ imageUrl: z.string(), bytes: z.number().int() }),
      handler: async ({ auth, query, request }) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new HttpError(400, "invalid", "Send the picture file as the body (image/png, image/jpeg, image/gif or image/webp)", "content-type");
        const shop = await findShop(db, auth.agent.workspaceId, query.shopId);
        if (!shop) throw new HttpError(400, "invalid", "No such shop", "shopId");
        const type = pictureType(request.body);
        if (!type) throw new HttpError(400, "image_type", "A picture must be a PNG, JPEG, GIF or WebP file", "body");
        const id = newId("img");
        await db.insert(productImages).values({
          id,
          workspaceId: auth.agent.workspaceId,
          shopId: shop.id,
          contentType: `image/${type}`,
          data: request.body.toString("base64"),
          bytes: request.body.length,
          uploadedBy: auth.agent.id,
        });
        await recordAudit(db, auth, "catalog.image_upload", "product_image", id, { bytes: request.body.length });
        return { imageUrl: `/api/product-images/${id}`, bytes: request.body.length };
      },
    });
  });
}
