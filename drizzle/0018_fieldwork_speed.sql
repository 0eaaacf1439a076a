-- Speed of issue 14's fieldwork on city-scale data (docs/performance.md, "Fieldwork"). Written by hand
-- (drizzle-kit generate --custom): drizzle's index builder has no INCLUDE, so these two indexes are not
-- in src/lib/server/fieldwork/schema.ts; a later generate does not see them and leaves them alone.
-- 1. The figures read a year of an organisation's contacts: with every column they count in the index,
--    that year is one index-only range instead of a sequential scan of the whole table.
CREATE INDEX "fieldwork_contact_figures_idx" ON "fieldwork_contact" ("organisation_id", "started_at") INCLUDE ("id", "area_id", "type", "duration_minutes", "anonymous_count", "recorded_by_user_id", "themes");--> statement-breakpoint
-- 2. "Known people" counts the people met on those contacts: the 'with' party rows, contact → person,
--    read from the index alone.
CREATE INDEX "fieldwork_contact_party_with_idx" ON "fieldwork_contact_party" ("contact_id") INCLUDE ("person_id") WHERE "role" = 'with';
