CREATE TABLE "aftersales_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"shop_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"order_id" text,
	"conversation_id" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'opened' NOT NULL,
	"reason" text NOT NULL,
	"retention" text,
	"retention_offer" text,
	"tracking_number" text,
	"refund_cents" integer,
	"note" text DEFAULT '' NOT NULL,
	"eligibility" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"opened_by" text,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "aftersales_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"case_id" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"agent_id" text,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "aftersales_steps" ADD CONSTRAINT "aftersales_steps_case_id_aftersales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."aftersales_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aftersales_cases_customer_idx" ON "aftersales_cases" USING btree ("workspace_id","customer_id");--> statement-breakpoint
CREATE INDEX "aftersales_cases_order_idx" ON "aftersales_cases" USING btree ("workspace_id","order_id");--> statement-breakpoint
CREATE INDEX "aftersales_cases_status_idx" ON "aftersales_cases" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "aftersales_steps_case_idx" ON "aftersales_steps" USING btree ("case_id","at");