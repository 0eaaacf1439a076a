CREATE TABLE "rights_erasure_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by_user_id" text,
	"outcome" text,
	"outcome_reason" text
);
--> statement-breakpoint
ALTER TABLE "rights_erasure_request" ADD CONSTRAINT "rights_erasure_request_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_erasure_request" ADD CONSTRAINT "rights_erasure_request_handled_by_user_id_auth_user_id_fk" FOREIGN KEY ("handled_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rights_erasure_request_open" ON "rights_erasure_request" USING btree ("person_id") WHERE "rights_erasure_request"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "rights_erasure_request_asked_idx" ON "rights_erasure_request" USING btree ("asked_at");