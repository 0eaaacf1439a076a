ALTER TABLE "people_organisation" ADD COLUMN "accent_color" text;--> statement-breakpoint
ALTER TABLE "people_organisation" ADD COLUMN "logo" "bytea";--> statement-breakpoint
ALTER TABLE "people_organisation" ADD COLUMN "logo_type" text;--> statement-breakpoint
ALTER TABLE "people_organisation" ADD CONSTRAINT "people_organisation_accent_hex" CHECK ("people_organisation"."accent_color" ~ '^#[0-9a-f]{6}$');--> statement-breakpoint
ALTER TABLE "people_organisation" ADD CONSTRAINT "people_organisation_logo_typed" CHECK (("people_organisation"."logo" is null) = ("people_organisation"."logo_type" is null));--> statement-breakpoint
ALTER TABLE "people_organisation" ADD CONSTRAINT "people_organisation_logo_size" CHECK (octet_length("people_organisation"."logo") <= 102400);