-- Speed for suggestMatches and the facilitator's queue on city-scale data (docs/performance.md).
-- 1. A link keeps its need's organisation and neighbourhood (the stalled-link count of a queue page is
--    then one index range); the composite foreign key makes sure the copy is the need's, and carries a
--    change of the need's place to its links.
ALTER TABLE "aid_need" ADD CONSTRAINT "aid_need_place" UNIQUE("id","organisation_id","area_id");--> statement-breakpoint
ALTER TABLE "aid_link" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "aid_link" ADD COLUMN "area_id" uuid;--> statement-breakpoint
UPDATE "aid_link" l SET "organisation_id" = n."organisation_id", "area_id" = n."area_id" FROM "aid_need" n WHERE n."id" = l."need_id";--> statement-breakpoint
ALTER TABLE "aid_link" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_link" ALTER COLUMN "area_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_link" ADD CONSTRAINT "aid_link_need_place" FOREIGN KEY ("need_id","organisation_id","area_id") REFERENCES "public"."aid_need"("id","organisation_id","area_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "aid_link_open_place_idx" ON "aid_link" USING btree ("organisation_id","area_id","changed_at") WHERE "aid_link"."status" in ('proposed', 'accepted', 'took_place');--> statement-breakpoint
-- 2. An offer keeps the union of its languages and its volunteer's, sorted, kept by two triggers.
ALTER TABLE "aid_offer" ADD COLUMN "volunteer_languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE FUNCTION aid_language_union(a text[], b text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce(array_agg(DISTINCT l ORDER BY l), '{}') FROM unnest(coalesce(a, '{}') || coalesce(b, '{}')) AS l
$$;--> statement-breakpoint
CREATE FUNCTION aid_offer_languages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- FOR SHARE waits for a change of the person's languages being written right now, and reads it:
	-- otherwise a new offer could keep the old languages (the person's trigger cannot see the offer yet).
	NEW.volunteer_languages := aid_language_union(NEW.languages, (SELECT p.languages FROM people_person p WHERE p.id = NEW.person_id FOR SHARE));
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER aid_offer_languages BEFORE INSERT OR UPDATE OF languages, person_id, volunteer_languages ON aid_offer
	FOR EACH ROW EXECUTE FUNCTION aid_offer_languages();--> statement-breakpoint
CREATE FUNCTION aid_person_languages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE aid_offer SET volunteer_languages = aid_language_union(languages, NEW.languages) WHERE person_id = NEW.id;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER aid_person_languages AFTER UPDATE OF languages ON people_person
	FOR EACH ROW WHEN (OLD.languages IS DISTINCT FROM NEW.languages) EXECUTE FUNCTION aid_person_languages();--> statement-breakpoint
UPDATE "aid_offer" o SET "volunteer_languages" = aid_language_union(o."languages", p."languages") FROM "people_person" p WHERE p."id" = o."person_id";--> statement-breakpoint
-- 3. Experience per volunteer, organisation, category and the age group of the person helped then.
CREATE TABLE "aid_experience" (
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"age_group" text NOT NULL,
	"links" integer NOT NULL,
	CONSTRAINT "aid_experience_person_id_category_organisation_id_age_group_pk" PRIMARY KEY("person_id","category","organisation_id","age_group")
);
--> statement-breakpoint
ALTER TABLE "aid_experience" ADD CONSTRAINT "aid_experience_organisation_id_people_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."people_organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aid_experience" ADD CONSTRAINT "aid_experience_person_id_people_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION aid_link_experience() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- took_place_at is set once (the help took place) and never cleared.
	IF NEW.took_place_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.took_place_at IS NULL) THEN
		INSERT INTO aid_experience AS e (organisation_id, person_id, category, age_group, links)
		SELECT o.organisation_id, o.person_id, o.category, coalesce(p.age_group, 'unknown'), 1
		FROM aid_offer o, aid_need n JOIN people_person p ON p.id = n.person_id
		WHERE o.id = NEW.offer_id AND n.id = NEW.need_id
		ON CONFLICT (person_id, category, organisation_id, age_group) DO UPDATE SET links = e.links + 1;
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER aid_link_experience AFTER INSERT OR UPDATE OF took_place_at ON aid_link
	FOR EACH ROW EXECUTE FUNCTION aid_link_experience();--> statement-breakpoint
INSERT INTO "aid_experience" ("organisation_id", "person_id", "category", "age_group", "links")
	SELECT o."organisation_id", o."person_id", o."category", coalesce(p."age_group", 'unknown'), count(*)::int
	FROM "aid_link" l JOIN "aid_offer" o ON o."id" = l."offer_id" JOIN "aid_need" n ON n."id" = l."need_id" JOIN "people_person" p ON p."id" = n."person_id"
	WHERE l."took_place_at" IS NOT NULL
	GROUP BY 1, 2, 3, 4;
