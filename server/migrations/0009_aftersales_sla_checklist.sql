ALTER TABLE "aftersales_cases" ADD COLUMN "checklist" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "aftersales_cases" ADD COLUMN "promised_by" text;--> statement-breakpoint
CREATE INDEX "aftersales_cases_due_idx" ON "aftersales_cases" USING btree ("workspace_id","due_at");