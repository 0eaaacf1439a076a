CREATE TABLE "activities_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"organiser_user_id" text,
	"place_id" uuid,
	"place_name" text,
	"lat" double precision,
	"lon" double precision,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"recurrence" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"start_time" time,
	"duration_minutes" integer,
	"archived_at" timestamp with time zone,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_activity_capacity" CHECK ("activities_activity"."capacity" between 0 and 10000),
	CONSTRAINT "activities_activity_dates" CHECK ("activities_activity"."ends_on" is null or "activities_activity"."ends_on" >= "activities_activity"."starts_on"),
	CONSTRAINT "activities_activity_duration" CHECK ("activities_activity"."duration_minutes" is null or "activities_activity"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "activities_attendance" (
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"session_starts_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_attendance_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "activities_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"session_id" uuid,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"user_id" text,
	"first_name" text,
	"phone" text,
	"callback_consent_at" timestamp with time zone,
	"status" text NOT NULL,
	"status_class" text GENERATED ALWAYS AS (case status when 'registered' then 'positive' when 'waiting' then 'waiting' else 'negative' end) STORED,
	"counted" boolean GENERATED ALWAYS AS (status = 'registered') STORED,
	"recorded_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_registration_who" CHECK ("activities_registration"."person_id" is not null or "activities_registration"."user_id" is not null or "activities_registration"."first_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "activities_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place_id" uuid,
	"place_name" text,
	"anonymous_count" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_session_order" CHECK ("activities_session"."ends_at" > "activities_session"."starts_at"),
	CONSTRAINT "activities_session_anonymous" CHECK ("activities_session"."anonymous_count" between 0 and 5000)
);
--> statement-breakpoint
CREATE TABLE "indicators_indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"template" text,
	"metric" text,
	"measure" text,
	"per_week" boolean DEFAULT false NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"target" numeric NOT NULL,
	"period_type" text NOT NULL,
	"programme_start_month" smallint,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by_user_id" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_indicator_target" CHECK ("indicators_indicator"."target" >= 0),
	CONSTRAINT "indicators_indicator_range" CHECK ("indicators_indicator"."ends_on" > "indicators_indicator"."starts_on"),
	CONSTRAINT "indicators_indicator_manual" CHECK (("indicators_indicator"."metric" is null) = ("indicators_indicator"."measure" is null)),
	CONSTRAINT "indicators_indicator_programme" CHECK (("indicators_indicator"."period_type" = 'programme_year') = ("indicators_indicator"."programme_start_month" is not null) and coalesce("indicators_indicator"."programme_start_month", 1) between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "indicators_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"value" numeric NOT NULL,
	"note" text,
	"entered_by_user_id" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_value_period" UNIQUE("indicator_id","period_start"),
	CONSTRAINT "indicators_value_positive" CHECK ("indicators_value"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "vulnerable" boolean;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "social_service_client" boolean;--> statement-breakpoint
ALTER TABLE "activities_activity" ADD CONSTRAINT "activities_activity_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_activity" ADD CONSTRAINT "activities_activity_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_activity" ADD CONSTRAINT "activities_activity_organiser_user_id_auth_user_id_fk" FOREIGN KEY ("organiser_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_activity" ADD CONSTRAINT "activities_activity_place_id_areas_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."areas_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_activity" ADD CONSTRAINT "activities_activity_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_attendance" ADD CONSTRAINT "activities_attendance_session_id_activities_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."activities_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_attendance" ADD CONSTRAINT "activities_attendance_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_attendance" ADD CONSTRAINT "activities_attendance_activity_id_activities_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_attendance" ADD CONSTRAINT "activities_attendance_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_attendance" ADD CONSTRAINT "activities_attendance_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_attendance" ADD CONSTRAINT "activities_attendance_recorded_by_user_id_auth_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_activity_id_activities_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_session_id_activities_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."activities_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_household_id_people_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."people_household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_registration" ADD CONSTRAINT "activities_registration_recorded_by_user_id_auth_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_session" ADD CONSTRAINT "activities_session_activity_id_activities_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_session" ADD CONSTRAINT "activities_session_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_session" ADD CONSTRAINT "activities_session_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_session" ADD CONSTRAINT "activities_session_place_id_areas_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."areas_place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities_session" ADD CONSTRAINT "activities_session_closed_by_user_id_auth_user_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators_indicator" ADD CONSTRAINT "indicators_indicator_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators_indicator" ADD CONSTRAINT "indicators_indicator_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators_indicator" ADD CONSTRAINT "indicators_indicator_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators_value" ADD CONSTRAINT "indicators_value_indicator_id_indicators_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators_indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators_value" ADD CONSTRAINT "indicators_value_entered_by_user_id_auth_user_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_activity_org_idx" ON "activities_activity" USING btree ("organisation_id","starts_on");--> statement-breakpoint
CREATE INDEX "activities_activity_area_idx" ON "activities_activity" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "activities_activity_public_idx" ON "activities_activity" USING btree ("area_id") WHERE "activities_activity"."public" and "activities_activity"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "activities_attendance_org_idx" ON "activities_attendance" USING btree ("organisation_id","session_starts_at");--> statement-breakpoint
CREATE INDEX "activities_attendance_area_idx" ON "activities_attendance" USING btree ("area_id","session_starts_at");--> statement-breakpoint
CREATE INDEX "activities_attendance_person_idx" ON "activities_attendance" USING btree ("person_id","session_starts_at");--> statement-breakpoint
CREATE INDEX "activities_registration_activity_idx" ON "activities_registration" USING btree ("activity_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_registration_person" ON "activities_registration" USING btree ("activity_id",coalesce("session_id", '00000000-0000-0000-0000-000000000000'::uuid),"person_id") WHERE "activities_registration"."person_id" is not null and "activities_registration"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "activities_session_activity_idx" ON "activities_session" USING btree ("activity_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_session_org_idx" ON "activities_session" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_session_area_idx" ON "activities_session" USING btree ("area_id","starts_at");--> statement-breakpoint
CREATE INDEX "indicators_indicator_org_idx" ON "indicators_indicator" USING btree ("organisation_id");