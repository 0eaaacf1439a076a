CREATE TABLE "api_idempotency" (
	"token_id" uuid NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"body_hash" text NOT NULL,
	"claim" uuid NOT NULL,
	"status" integer,
	"headers" jsonb,
	"body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "api_idempotency_token_id_key_pk" PRIMARY KEY("token_id","key")
);
--> statement-breakpoint
CREATE TABLE "api_rate_limit" (
	"token_id" uuid PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "api_idempotency_expires_idx" ON "api_idempotency" USING btree ("expires_at");--> statement-breakpoint
-- hand-written
-- The token owns its rows: revoking keeps them (they expire), deleting the token (or its account) removes them.
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_token_id_fk" FOREIGN KEY ("token_id") REFERENCES "auth_api_token"("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "api_rate_limit" ADD CONSTRAINT "api_rate_limit_token_id_fk" FOREIGN KEY ("token_id") REFERENCES "auth_api_token"("id") ON DELETE CASCADE;
