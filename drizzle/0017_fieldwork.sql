CREATE TABLE "fieldwork_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"type" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place_id" uuid,
	"place_name" text,
	"lat" double precision,
	"lon" double precision,
	"themes" text[] NOT NULL,
	"anonymous_count" integer DEFAULT 0 NOT NULL,
	"anonymous_age_from" smallint,
	"anonymous_age_to" smallint,
	"note" text,
	"note_shareable" boolean DEFAULT false NOT NULL,
	"client_id" uuid,
	"request_hash" text,
	"recorded_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fieldwork_contact_duration" CHECK ("fieldwork_contact"."duration_minutes" between 1 and 720),
	CONSTRAINT "fieldwork_contact_anonymous" CHECK ("fieldwork_contact"."anonymous_count" between 0 and 500),
	CONSTRAINT "fieldwork_contact_ages" CHECK ("fieldwork_contact"."anonymous_age_from" is null or "fieldwork_contact"."anonymous_age_to" is null or "fieldwork_contact"."anonymous_age_from" <= "fieldwork_contact"."anonymous_age_to"),
	CONSTRAINT "fieldwork_contact_themes" CHECK (cardinality("fieldwork_contact"."themes") between 1 and 12),
	CONSTRAINT "fieldwork_contact_note" CHECK ("fieldwork_contact"."note" is null or length("fieldwork_contact"."note") <= 4000),
	CONSTRAINT "fieldwork_contact_point" CHECK (("fieldwork_contact"."lat" is null) = ("fieldwork_contact"."lon" is null))
);
--> statement-breakpoint
CREATE TABLE "fieldwork_contact_party" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" text,
	"person_id" uuid,
	"partner_id" uuid,
	CONSTRAINT "fieldwork_contact_party_one" CHECK (num_nonnulls("fieldwork_contact_party"."user_id", "fieldwork_contact_party"."person_id", "fieldwork_contact_party"."partner_id") <= 1),
	CONSTRAINT "fieldwork_contact_party_role" CHECK (("fieldwork_contact_party"."role" in ('recorder', 'must_act') and "fieldwork_contact_party"."person_id" is null and "fieldwork_contact_party"."partner_id" is null)
			 or ("fieldwork_contact_party"."role" = 'with' and "fieldwork_contact_party"."person_id" is not null)
			 or ("fieldwork_contact_party"."role" = 'partner_present' and "fieldwork_contact_party"."partner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "fieldwork_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"contact_id" uuid,
	"person_id" uuid,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"owner_user_id" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"status_class" text GENERATED ALWAYS AS (case when status in ('open', 'in_progress') then 'open' else 'closed' end) STORED,
	"closed_at" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fieldwork_question_title" CHECK (length("fieldwork_question"."title") between 1 and 300)
);
--> statement-breakpoint
CREATE TABLE "fieldwork_question_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "fieldwork_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"person_id" uuid NOT NULL,
	"question_id" uuid,
	"contact_id" uuid,
	"partner_id" uuid,
	"activity_id" uuid,
	"status" text DEFAULT 'referred' NOT NULL,
	"status_class" text GENERATED ALWAYS AS (case when status in ('referred', 'accepted', 'arrived') then 'open' else 'closed' end) STORED,
	"reason" text,
	"reason_text" text,
	"override_reason" text,
	"override_by_user_id" text,
	"shared" jsonb NOT NULL,
	"created_by_user_id" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fieldwork_referral_target" CHECK (num_nonnulls("fieldwork_referral"."partner_id", "fieldwork_referral"."activity_id") = 1),
	CONSTRAINT "fieldwork_referral_reason" CHECK (("fieldwork_referral"."status" = 'not_helped') = ("fieldwork_referral"."reason" is not null)),
	CONSTRAINT "fieldwork_referral_override" CHECK (("fieldwork_referral"."override_reason" is null) = ("fieldwork_referral"."override_by_user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "fieldwork_referral_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "fieldwork_signal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"theme" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'noted' NOT NULL,
	"status_class" text GENERATED ALWAYS AS (case when status = 'closed' then 'closed' else 'open' end) STORED,
	"escalated_to" text,
	"escalated_on" date,
	"answer" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fieldwork_signal_title" CHECK (length("fieldwork_signal"."title") between 1 and 200),
	CONSTRAINT "fieldwork_signal_escalated" CHECK ("fieldwork_signal"."status" not in ('escalated', 'answered') or ("fieldwork_signal"."escalated_to" is not null and "fieldwork_signal"."escalated_on" is not null)),
	CONSTRAINT "fieldwork_signal_answer" CHECK ("fieldwork_signal"."status" <> 'answered' or "fieldwork_signal"."answer" is not null)
);
--> statement-breakpoint
CREATE TABLE "fieldwork_signal_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "fieldwork_signal_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signal_id" uuid NOT NULL,
	"contact_id" uuid,
	"question_id" uuid,
	"linked_by_user_id" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fieldwork_signal_evidence_one" CHECK (num_nonnulls("fieldwork_signal_evidence"."contact_id", "fieldwork_signal_evidence"."question_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "fieldwork_worker" (
	"user_id" text PRIMARY KEY NOT NULL,
	"usual_minutes" integer DEFAULT 30 NOT NULL,
	"weekly_target_hours" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fieldwork_contact" ADD CONSTRAINT "fieldwork_contact_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact" ADD CONSTRAINT "fieldwork_contact_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact" ADD CONSTRAINT "fieldwork_contact_place_id_areas_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."areas_place"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact" ADD CONSTRAINT "fieldwork_contact_recorded_by_user_id_auth_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact_party" ADD CONSTRAINT "fieldwork_contact_party_contact_id_fieldwork_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."fieldwork_contact"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact_party" ADD CONSTRAINT "fieldwork_contact_party_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact_party" ADD CONSTRAINT "fieldwork_contact_party_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_contact_party" ADD CONSTRAINT "fieldwork_contact_party_partner_id_network_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question" ADD CONSTRAINT "fieldwork_question_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question" ADD CONSTRAINT "fieldwork_question_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question" ADD CONSTRAINT "fieldwork_question_contact_id_fieldwork_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."fieldwork_contact"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question" ADD CONSTRAINT "fieldwork_question_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question" ADD CONSTRAINT "fieldwork_question_owner_user_id_auth_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question" ADD CONSTRAINT "fieldwork_question_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question_event" ADD CONSTRAINT "fieldwork_question_event_question_id_fieldwork_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."fieldwork_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_question_event" ADD CONSTRAINT "fieldwork_question_event_by_user_id_auth_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_question_id_fieldwork_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."fieldwork_question"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_contact_id_fieldwork_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."fieldwork_contact"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_partner_id_network_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_override_by_user_id_auth_user_id_fk" FOREIGN KEY ("override_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral" ADD CONSTRAINT "fieldwork_referral_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral_event" ADD CONSTRAINT "fieldwork_referral_event_referral_id_fieldwork_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."fieldwork_referral"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_referral_event" ADD CONSTRAINT "fieldwork_referral_event_by_user_id_auth_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal" ADD CONSTRAINT "fieldwork_signal_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal" ADD CONSTRAINT "fieldwork_signal_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal" ADD CONSTRAINT "fieldwork_signal_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal_event" ADD CONSTRAINT "fieldwork_signal_event_signal_id_fieldwork_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."fieldwork_signal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal_event" ADD CONSTRAINT "fieldwork_signal_event_by_user_id_auth_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal_evidence" ADD CONSTRAINT "fieldwork_signal_evidence_signal_id_fieldwork_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."fieldwork_signal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal_evidence" ADD CONSTRAINT "fieldwork_signal_evidence_contact_id_fieldwork_contact_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."fieldwork_contact"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal_evidence" ADD CONSTRAINT "fieldwork_signal_evidence_question_id_fieldwork_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."fieldwork_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_signal_evidence" ADD CONSTRAINT "fieldwork_signal_evidence_linked_by_user_id_auth_user_id_fk" FOREIGN KEY ("linked_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_worker" ADD CONSTRAINT "fieldwork_worker_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fieldwork_contact_client_idx" ON "fieldwork_contact" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "fieldwork_contact_scope_idx" ON "fieldwork_contact" USING btree ("organisation_id","area_id","started_at");--> statement-breakpoint
CREATE INDEX "fieldwork_contact_recorder_idx" ON "fieldwork_contact" USING btree ("recorded_by_user_id","started_at");--> statement-breakpoint
CREATE INDEX "fieldwork_contact_party_contact_idx" ON "fieldwork_contact_party" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "fieldwork_contact_party_person_idx" ON "fieldwork_contact_party" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "fieldwork_contact_party_user_idx" ON "fieldwork_contact_party" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fieldwork_contact_party_person_once" ON "fieldwork_contact_party" USING btree ("contact_id","person_id");--> statement-breakpoint
CREATE INDEX "fieldwork_question_scope_idx" ON "fieldwork_question" USING btree ("organisation_id","area_id","created_at");--> statement-breakpoint
CREATE INDEX "fieldwork_question_owner_idx" ON "fieldwork_question" USING btree ("owner_user_id","due_on");--> statement-breakpoint
CREATE INDEX "fieldwork_question_contact_idx" ON "fieldwork_question" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "fieldwork_question_person_idx" ON "fieldwork_question" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "fieldwork_question_event_question_idx" ON "fieldwork_question_event" USING btree ("question_id","at");--> statement-breakpoint
CREATE INDEX "fieldwork_referral_scope_idx" ON "fieldwork_referral" USING btree ("organisation_id","area_id","created_at");--> statement-breakpoint
CREATE INDEX "fieldwork_referral_creator_idx" ON "fieldwork_referral" USING btree ("created_by_user_id","status");--> statement-breakpoint
CREATE INDEX "fieldwork_referral_person_idx" ON "fieldwork_referral" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "fieldwork_referral_partner_idx" ON "fieldwork_referral" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "fieldwork_referral_event_referral_idx" ON "fieldwork_referral_event" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "fieldwork_signal_scope_idx" ON "fieldwork_signal" USING btree ("organisation_id","area_id","status");--> statement-breakpoint
CREATE INDEX "fieldwork_signal_event_signal_idx" ON "fieldwork_signal_event" USING btree ("signal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "fieldwork_signal_evidence_contact_once" ON "fieldwork_signal_evidence" USING btree ("signal_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fieldwork_signal_evidence_question_once" ON "fieldwork_signal_evidence" USING btree ("signal_id","question_id");--> statement-breakpoint
CREATE INDEX "fieldwork_signal_evidence_contact_idx" ON "fieldwork_signal_evidence" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "fieldwork_signal_evidence_question_idx" ON "fieldwork_signal_evidence" USING btree ("question_id");