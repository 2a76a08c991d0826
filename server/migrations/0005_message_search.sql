CREATE TABLE "message_search" (
	"message_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"tokens" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "message_search_tokens_idx" ON "message_search" USING gin (to_tsvector('simple', "tokens"));--> statement-breakpoint
CREATE INDEX "message_search_conversation_idx" ON "message_search" USING btree ("conversation_id");