-- Written by hand (drizzle-kit does not make these): the search extensions and the name folding the
-- generated column people_person.search_name uses. unaccent() is only STABLE (its dictionary could
-- change); naming the dictionary makes the call immutable, which a generated column and an index need.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.people_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;--> statement-breakpoint
CREATE TABLE "people_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"given" boolean NOT NULL,
	"method" text NOT NULL,
	"recorded_by_user_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"name" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_household_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"head" boolean DEFAULT false NOT NULL,
	"joined_on" date,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_household_member_dates" CHECK ("people_household_member"."left_on" is null or "people_household_member"."joined_on" is null or "people_household_member"."left_on" >= "people_household_member"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "people_purpose" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"partner_id" uuid,
	"lawful_basis" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"retention_days" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_purpose_org_code" UNIQUE NULLS NOT DISTINCT("organisation_id","code","partner_id"),
	CONSTRAINT "people_purpose_partner" CHECK (("people_purpose"."code" = 'share_partner') = ("people_purpose"."partner_id" is not null)),
	CONSTRAINT "people_purpose_retention" CHECK ("people_purpose"."retention_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "people_purpose_text" (
	"purpose_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"texts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_purpose_text_purpose_id_version_pk" PRIMARY KEY("purpose_id","version")
);
--> statement-breakpoint
CREATE TABLE "network_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"person_id" uuid NOT NULL,
	"worker_person_id" uuid NOT NULL,
	"starts_on" date DEFAULT now() NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_assignment_not_self" CHECK ("network_assignment"."person_id" <> "network_assignment"."worker_person_id")
);
--> statement-breakpoint
CREATE TABLE "network_partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_partner_area" (
	"partner_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "network_partner_area_partner_id_area_id_pk" PRIMARY KEY("partner_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "network_relationship" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"area_id" uuid,
	"type" text NOT NULL,
	"from_kind" text NOT NULL,
	"from_person_id" uuid,
	"from_household_id" uuid,
	"from_partner_id" uuid,
	"to_kind" text NOT NULL,
	"to_person_id" uuid,
	"to_household_id" uuid,
	"to_partner_id" uuid,
	"from_key" text GENERATED ALWAYS AS (from_kind || ':' || coalesce(from_person_id, from_household_id, from_partner_id)::text) STORED,
	"to_key" text GENERATED ALWAYS AS (to_kind || ':' || coalesce(to_person_id, to_household_id, to_partner_id)::text) STORED,
	"role" text,
	"note" text,
	"access" text DEFAULT 'none' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_relationship_from_one" CHECK (num_nonnulls("network_relationship"."from_person_id", "network_relationship"."from_household_id", "network_relationship"."from_partner_id") = 1 and ("network_relationship"."from_kind" = 'person') = ("network_relationship"."from_person_id" is not null) and ("network_relationship"."from_kind" = 'household') = ("network_relationship"."from_household_id" is not null)),
	CONSTRAINT "network_relationship_to_one" CHECK (num_nonnulls("network_relationship"."to_person_id", "network_relationship"."to_household_id", "network_relationship"."to_partner_id") = 1 and ("network_relationship"."to_kind" = 'person') = ("network_relationship"."to_person_id" is not null) and ("network_relationship"."to_kind" = 'household') = ("network_relationship"."to_household_id" is not null)),
	CONSTRAINT "network_relationship_not_self" CHECK ("network_relationship"."from_key" <> "network_relationship"."to_key"),
	CONSTRAINT "network_relationship_dates" CHECK ("network_relationship"."ends_on" is null or "network_relationship"."starts_on" is null or "network_relationship"."ends_on" >= "network_relationship"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "birth_year" integer;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "preferred_channel" text;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "country_of_origin" text;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "search_name" text GENERATED ALWAYS AS (people_fold(first_name || ' ' || coalesce(last_name, ''))) STORED;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people_person" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people_consent" ADD CONSTRAINT "people_consent_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_consent" ADD CONSTRAINT "people_consent_purpose_id_people_purpose_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."people_purpose"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_consent" ADD CONSTRAINT "people_consent_recorded_by_user_id_auth_user_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household" ADD CONSTRAINT "people_household_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household" ADD CONSTRAINT "people_household_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household" ADD CONSTRAINT "people_household_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household_member" ADD CONSTRAINT "people_household_member_household_id_people_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."people_household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_household_member" ADD CONSTRAINT "people_household_member_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_purpose" ADD CONSTRAINT "people_purpose_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_purpose" ADD CONSTRAINT "people_purpose_partner_id_network_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_purpose_text" ADD CONSTRAINT "people_purpose_text_purpose_id_people_purpose_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."people_purpose"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assignment" ADD CONSTRAINT "network_assignment_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assignment" ADD CONSTRAINT "network_assignment_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assignment" ADD CONSTRAINT "network_assignment_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assignment" ADD CONSTRAINT "network_assignment_worker_person_id_people_person_id_fk" FOREIGN KEY ("worker_person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner" ADD CONSTRAINT "network_partner_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner" ADD CONSTRAINT "network_partner_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_area" ADD CONSTRAINT "network_partner_area_partner_id_network_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."network_partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_partner_area" ADD CONSTRAINT "network_partner_area_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_from_person_id_people_person_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_from_household_id_people_household_id_fk" FOREIGN KEY ("from_household_id") REFERENCES "public"."people_household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_from_partner_id_network_partner_id_fk" FOREIGN KEY ("from_partner_id") REFERENCES "public"."network_partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_to_person_id_people_person_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_to_household_id_people_household_id_fk" FOREIGN KEY ("to_household_id") REFERENCES "public"."people_household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_to_partner_id_network_partner_id_fk" FOREIGN KEY ("to_partner_id") REFERENCES "public"."network_partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relationship" ADD CONSTRAINT "network_relationship_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_consent_person_idx" ON "people_consent" USING btree ("person_id","purpose_id","recorded_at");--> statement-breakpoint
CREATE INDEX "people_household_org_idx" ON "people_household" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "people_household_area_idx" ON "people_household" USING btree ("area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_household_member_current" ON "people_household_member" USING btree ("person_id") WHERE "people_household_member"."left_on" is null;--> statement-breakpoint
CREATE INDEX "people_household_member_household_idx" ON "people_household_member" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "network_assignment_worker_idx" ON "network_assignment" USING btree ("worker_person_id","ends_on");--> statement-breakpoint
CREATE INDEX "network_assignment_person_idx" ON "network_assignment" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "network_partner_org_idx" ON "network_partner" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "network_partner_area_area_idx" ON "network_partner_area" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "network_relationship_from_idx" ON "network_relationship" USING btree ("from_key");--> statement-breakpoint
CREATE INDEX "network_relationship_to_idx" ON "network_relationship" USING btree ("to_key");--> statement-breakpoint
CREATE INDEX "network_relationship_place_idx" ON "network_relationship" USING btree ("organisation_id","area_id");--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_merged_into_id_people_person_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."people_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_person_search_idx" ON "people_person" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_birth_year" CHECK ("people_person"."birth_year" between 1900 and 2100);--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_country" CHECK ("people_person"."country_of_origin" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "people_person" ADD CONSTRAINT "people_person_not_merged_into_self" CHECK ("people_person"."merged_into_id" <> "people_person"."id");