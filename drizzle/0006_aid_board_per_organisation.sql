-- The public needs board per organisation and neighbourhood instead of per neighbourhood (see aid/schema.ts).
CREATE TABLE "aid_board" (
	"organisation_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"switched_on_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aid_board_area_id_organisation_id_pk" PRIMARY KEY("area_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "aid_board" ADD CONSTRAINT "aid_board_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_board" ADD CONSTRAINT "aid_board_area_id_areas_area_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas_area"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A board that was on is NOT carried over: the old switch may have been set by another organisation
-- than the one whose needs it showed, and no organisation's needs go public without its own choice.
-- Each organisation switches its own back on (office-hours page); the audit keeps who had switched what.
ALTER TABLE "areas_area" DROP COLUMN "aid_board";