CREATE TABLE "product_images" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"content_type" text NOT NULL,
	"data" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_tokens" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_key" text;--> statement-breakpoint
ALTER TABLE "skus" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "product_images_shop_idx" ON "product_images" USING btree ("workspace_id","shop_id");--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin (to_tsvector('simple', coalesce("search_tokens", '')));