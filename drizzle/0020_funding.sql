CREATE TABLE "funding_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_organisation_id" uuid,
	"owner_user_id" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"requested_cents" bigint DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"granted_cents" bigint,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_application_granted" CHECK ("funding_application"."granted_cents" is null or "funding_application"."granted_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_application_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_application_version" (
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"submitted_by_user_id" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_application_version_application_id_version_pk" PRIMARY KEY("application_id","version")
);
--> statement-breakpoint
CREATE TABLE "funding_budget_version" (
	"project_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"proposed_by_user_id" text,
	"decided_by_user_id" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_budget_version_project_id_version_pk" PRIMARY KEY("project_id","version")
);
--> statement-breakpoint
CREATE TABLE "funding_call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"template" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"rules" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_call_window" CHECK ("funding_call"."closes_at" > "funding_call"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "funding_conflict" (
	"application_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_conflict_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "funding_editor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" text,
	"invited_by_user_id" text,
	"accepted_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_expense" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"line_id" text NOT NULL,
	"year" integer NOT NULL,
	"spent_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"supplier" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_expense_amount" CHECK ("funding_expense"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"call_id" uuid,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_file_size" CHECK ("funding_file"."size" between 1 and 5242880)
);
--> statement-breakpoint
CREATE TABLE "funding_juror" (
	"call_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"assigned_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_juror_call_id_user_id_pk" PRIMARY KEY("call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "funding_programme" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"granted_cents" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_review" (
	"application_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"motivation" text,
	"final_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"reopened_by_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_review_application_id_user_id_pk" PRIMARY KEY("application_id","user_id"),
	CONSTRAINT "funding_review_final" CHECK ("funding_review"."final_at" is null or length(trim("funding_review"."motivation")) > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_score" (
	"application_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"criterion" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_score_application_id_user_id_criterion_pk" PRIMARY KEY("application_id","user_id","criterion")
);
--> statement-breakpoint
CREATE TABLE "funding_tranche" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"planned_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"condition" text DEFAULT '' NOT NULL,
	"paid_on" date,
	"paid_cents" bigint,
	"created_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_tranche_amount" CHECK ("funding_tranche"."amount_cents" > 0 and ("funding_tranche"."paid_cents" is null or "funding_tranche"."paid_cents" > 0))
);
--> statement-breakpoint
ALTER TABLE "funding_application" ADD CONSTRAINT "funding_application_call_id_funding_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application" ADD CONSTRAINT "funding_application_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application" ADD CONSTRAINT "funding_application_applicant_organisation_id_people_organisation_id_fk" FOREIGN KEY ("applicant_organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application" ADD CONSTRAINT "funding_application_owner_user_id_auth_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application" ADD CONSTRAINT "funding_application_decided_by_user_id_auth_user_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_event" ADD CONSTRAINT "funding_application_event_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_event" ADD CONSTRAINT "funding_application_event_actor_user_id_auth_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_version" ADD CONSTRAINT "funding_application_version_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_version" ADD CONSTRAINT "funding_application_version_submitted_by_user_id_auth_user_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budget_version" ADD CONSTRAINT "funding_budget_version_project_id_funding_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budget_version" ADD CONSTRAINT "funding_budget_version_proposed_by_user_id_auth_user_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budget_version" ADD CONSTRAINT "funding_budget_version_decided_by_user_id_auth_user_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call" ADD CONSTRAINT "funding_call_programme_id_funding_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programme"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call" ADD CONSTRAINT "funding_call_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_call" ADD CONSTRAINT "funding_call_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_conflict" ADD CONSTRAINT "funding_conflict_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_conflict" ADD CONSTRAINT "funding_conflict_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_editor" ADD CONSTRAINT "funding_editor_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_editor" ADD CONSTRAINT "funding_editor_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_editor" ADD CONSTRAINT "funding_editor_invited_by_user_id_auth_user_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expense" ADD CONSTRAINT "funding_expense_project_id_funding_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expense" ADD CONSTRAINT "funding_expense_file_id_funding_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."funding_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expense" ADD CONSTRAINT "funding_expense_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_file" ADD CONSTRAINT "funding_file_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_file" ADD CONSTRAINT "funding_file_call_id_funding_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_file" ADD CONSTRAINT "funding_file_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_juror" ADD CONSTRAINT "funding_juror_call_id_funding_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_juror" ADD CONSTRAINT "funding_juror_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_juror" ADD CONSTRAINT "funding_juror_assigned_by_user_id_auth_user_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programme" ADD CONSTRAINT "funding_programme_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programme" ADD CONSTRAINT "funding_programme_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_project" ADD CONSTRAINT "funding_project_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_project" ADD CONSTRAINT "funding_project_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_review" ADD CONSTRAINT "funding_review_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_review" ADD CONSTRAINT "funding_review_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_review" ADD CONSTRAINT "funding_review_reopened_by_user_id_auth_user_id_fk" FOREIGN KEY ("reopened_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_score" ADD CONSTRAINT "funding_score_application_id_funding_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_score" ADD CONSTRAINT "funding_score_user_id_auth_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_tranche" ADD CONSTRAINT "funding_tranche_project_id_funding_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."funding_project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_tranche" ADD CONSTRAINT "funding_tranche_created_by_user_id_auth_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."auth_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_application_call_idx" ON "funding_application" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "funding_application_owner_idx" ON "funding_application" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "funding_application_org_idx" ON "funding_application" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "funding_application_event_app_idx" ON "funding_application_event" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "funding_call_programme_idx" ON "funding_call" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "funding_call_org_idx" ON "funding_call" USING btree ("organisation_id","closes_at");--> statement-breakpoint
CREATE INDEX "funding_call_public_idx" ON "funding_call" USING btree ("closes_at") WHERE "funding_call"."status" <> 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "funding_editor_token_idx" ON "funding_editor" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "funding_editor_user_idx" ON "funding_editor" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "funding_expense_project_idx" ON "funding_expense" USING btree ("project_id","line_id");--> statement-breakpoint
CREATE INDEX "funding_file_call_idx" ON "funding_file" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "funding_juror_user_idx" ON "funding_juror" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "funding_programme_org_idx" ON "funding_programme" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_project_application_idx" ON "funding_project" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "funding_project_org_idx" ON "funding_project" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "funding_tranche_project_idx" ON "funding_tranche" USING btree ("project_id","planned_on");