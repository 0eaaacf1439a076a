CREATE TABLE "people_link_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" text,
	"requested_by_user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_link_request_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "people_link_request" ADD CONSTRAINT "people_link_request_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_link_request" ADD CONSTRAINT "people_link_request_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_link_request" ADD CONSTRAINT "people_link_request_requested_by_user_id_auth_user_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_link_request_person_idx" ON "people_link_request" USING btree ("person_id","created_at");