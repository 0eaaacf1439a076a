CREATE TABLE "aid_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"checked_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_feedback_rating" CHECK ("aid_feedback"."rating" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "aid_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"need_accepted_at" timestamp with time zone,
	"offer_accepted_at" timestamp with time zone,
	"score" integer DEFAULT 0 NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"proposed_by_user_id" text,
	"took_place_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"nudged_at" timestamp with time zone,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"frequency" text DEFAULT 'once' NOT NULL,
	"safeguarded" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assisted" boolean DEFAULT false NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" smallint NOT NULL,
	"active_links" smallint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"assisted" boolean DEFAULT false NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_offer_capacity" CHECK ("aid_offer"."capacity" between 1 and 20),
	CONSTRAINT "aid_offer_no_overbooking" CHECK ("aid_offer"."active_links" >= 0 and "aid_offer"."active_links" <= "aid_offer"."capacity")
);
--> statement-breakpoint
CREATE TABLE "aid_office_hour" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"place" text NOT NULL,
	"day" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_office_hour_time" CHECK ("aid_office_hour"."day" between 0 and 6 and "aid_office_hour"."start_minute" >= 0 and "aid_office_hour"."end_minute" <= 1440 and "aid_office_hour"."end_minute" > "aid_office_hour"."start_minute")
);
--> statement-breakpoint
CREATE TABLE "aid_visit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"office_hour_id" uuid,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"person_id" uuid,
	"counted_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "age_group" text;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "student" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "intercultural_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "origin_group" text;--> statement-breakpoint
ALTER TABLE "aid_certificate" ADD CONSTRAINT "aid_certificate_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_certificate" ADD CONSTRAINT "aid_certificate_checked_by_user_id_auth_user_id_fk" FOREIGN KEY ("checked_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_feedback" ADD CONSTRAINT "aid_feedback_link_id_aid_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."aid_link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_feedback" ADD CONSTRAINT "aid_feedback_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_link" ADD CONSTRAINT "aid_link_need_id_aid_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."aid_need"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_link" ADD CONSTRAINT "aid_link_offer_id_aid_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."aid_offer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_link" ADD CONSTRAINT "aid_link_proposed_by_user_id_auth_user_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_need" ADD CONSTRAINT "aid_need_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_need" ADD CONSTRAINT "aid_need_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_need" ADD CONSTRAINT "aid_need_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_need" ADD CONSTRAINT "aid_need_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_offer" ADD CONSTRAINT "aid_offer_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_offer" ADD CONSTRAINT "aid_offer_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_offer" ADD CONSTRAINT "aid_offer_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_offer" ADD CONSTRAINT "aid_offer_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_office_hour" ADD CONSTRAINT "aid_office_hour_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_office_hour" ADD CONSTRAINT "aid_office_hour_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_visit" ADD CONSTRAINT "aid_visit_office_hour_id_aid_office_hour_id_fk" FOREIGN KEY ("office_hour_id") REFERENCES "public"."aid_office_hour"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_visit" ADD CONSTRAINT "aid_visit_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_visit" ADD CONSTRAINT "aid_visit_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_visit" ADD CONSTRAINT "aid_visit_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_visit" ADD CONSTRAINT "aid_visit_counted_by_user_id_auth_user_id_fk" FOREIGN KEY ("counted_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aid_certificate_person_idx" ON "aid_certificate" USING btree ("person_id","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "aid_feedback_once" ON "aid_feedback" USING btree ("link_id","person_id");--> statement-breakpoint
CREATE INDEX "aid_link_need_idx" ON "aid_link" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "aid_link_offer_idx" ON "aid_link" USING btree ("offer_id","status");--> statement-breakpoint
CREATE INDEX "aid_link_changed_idx" ON "aid_link" USING btree ("status","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "aid_link_open_pair" ON "aid_link" USING btree ("need_id","offer_id") WHERE "aid_link"."status" in ('proposed', 'accepted', 'took_place');--> statement-breakpoint
CREATE INDEX "aid_need_queue_idx" ON "aid_need" USING btree ("organisation_id","area_id","status","created_at");--> statement-breakpoint
CREATE INDEX "aid_need_person_idx" ON "aid_need" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "aid_offer_match_idx" ON "aid_offer" USING btree ("organisation_id","category","status");--> statement-breakpoint
CREATE INDEX "aid_offer_person_idx" ON "aid_offer" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "aid_visit_area_idx" ON "aid_visit" USING btree ("area_id","created_at");