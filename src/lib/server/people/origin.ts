import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';

// Country of origin is least data (DOMAIN.md "Privacy first"): kept only while the person's
// organisation has an active purpose that needs it, and — when that purpose rests on consent — while
// the person's latest answer for it is yes. One query, so a form and the verb ask the same thing.

/**
 * Whether the organisation may keep a country of origin (for this person, when given): an active
 * origin purpose whose lawful basis (or the organisation's, when the purpose names none) is not
 * consent, or one the person's latest consent row says yes to. Without a person, only a purpose that
 * needs no consent counts: a person just met has not answered yet.
 */
export async function originAllowed(db: Db, organisationId: string, personId?: string | null): Promise<boolean> {
	const person = personId ?? null;
	const rows = await db.execute<{ allowed: boolean }>(sql`
		select exists (
			select 1
			from people_purpose pp
			join people_organisation o on o.id = pp.organisation_id
			where pp.organisation_id = ${organisationId} and pp.active
				and pp.code in ('origin_statistics', 'intercultural')
				and (coalesce(pp.lawful_basis, o.lawful_basis) <> 'consent'
					or (select c.given from people_consent c
						where c.person_id = ${person}::uuid and c.purpose_id = pp.id
						order by c.recorded_at desc, c.id desc limit 1) is true)
		) as allowed`);
	return rows.rows[0]?.allowed === true;
}

/** The organisations, among these, where a new person's country of origin may be kept. */
export async function originOrganisations(db: Db, organisationIds: string[]): Promise<string[]> {
	const allowed = await Promise.all(organisationIds.map(async (id) => ((await originAllowed(db, id)) ? id : null)));
	return allowed.filter((id): id is string => id !== null);
}
