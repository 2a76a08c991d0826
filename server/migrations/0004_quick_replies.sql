CREATE TABLE "quick_replies" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"scope" text NOT NULL,
	"team" text,
	"owner_id" text,
	"category" text DEFAULT '' NOT NULL,
	"shortcut" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "quick_replies_team_shortcut_idx" ON "quick_replies" USING btree ("workspace_id","team","shortcut") WHERE "quick_replies"."scope" = 'team';--> statement-breakpoint
CREATE UNIQUE INDEX "quick_replies_owner_shortcut_idx" ON "quick_replies" USING btree ("workspace_id","owner_id","shortcut") WHERE "quick_replies"."scope" = 'personal';--> statement-breakpoint
CREATE INDEX "quick_replies_workspace_idx" ON "quick_replies" USING btree ("workspace_id");