ALTER TABLE "aid_need" ADD COLUMN "dates" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_offer" ADD COLUMN "dates" jsonb DEFAULT '[]'::jsonb NOT NULL;