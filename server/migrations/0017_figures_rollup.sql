CREATE TABLE "conversation_timelines" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"first_buyer_at" timestamp with time zone,
	"last_buyer_at" timestamp with time zone,
	"packed" text
);
--> statement-breakpoint
CREATE INDEX "conversation_timelines_buyer_idx" ON "conversation_timelines" USING btree ("workspace_id","last_buyer_at");