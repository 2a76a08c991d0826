CREATE TABLE "review_follow_up_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"follow_up_id" text NOT NULL,
	"action" text NOT NULL,
	"agent_id" text,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"review_id" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"rating" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"outcome_note" text,
	"assignee_id" text,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_follow_up_steps" ADD CONSTRAINT "review_follow_up_steps_follow_up_id_review_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."review_follow_ups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_follow_ups" ADD CONSTRAINT "review_follow_ups_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_follow_up_steps_idx" ON "review_follow_up_steps" USING btree ("follow_up_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_follow_ups_review_idx" ON "review_follow_ups" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_follow_ups_open_idx" ON "review_follow_ups" USING btree ("workspace_id","status","due_at");