CREATE TABLE "delivery_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"note" text,
	"asked_by" text,
	"asked_at" timestamp with time zone,
	"conversation_id" text,
	"case_id" text,
	"done_by" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_follow_ups_order_idx" ON "delivery_follow_ups" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "delivery_follow_ups_due_idx" ON "delivery_follow_ups" USING btree ("workspace_id","state","due_at");