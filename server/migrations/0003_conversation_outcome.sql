ALTER TABLE "conversations" ADD COLUMN "stage" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "lost_reason" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "outcome_note" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "escalated" boolean DEFAULT false NOT NULL;