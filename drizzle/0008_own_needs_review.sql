ALTER TABLE "access_role_grant" ADD COLUMN "reviewed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_need" ADD COLUMN "status_reason" text;