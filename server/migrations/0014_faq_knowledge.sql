CREATE TABLE "faq_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"status" text NOT NULL,
	"questions" jsonb NOT NULL,
	"answer" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"intent" text NOT NULL,
	"stage" text,
	"scope_type" text DEFAULT 'shop' NOT NULL,
	"scope_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"library_key" text,
	"source" jsonb,
	"proposed_by" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quick_replies" ADD COLUMN "intent" text;--> statement-breakpoint
CREATE INDEX "faq_entries_shop_idx" ON "faq_entries" USING btree ("workspace_id","shop_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "faq_entries_library_idx" ON "faq_entries" USING btree ("workspace_id","shop_id","library_key") WHERE "faq_entries"."library_key" is not null;