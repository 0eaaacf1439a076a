import { sql, type SQL } from 'drizzle-orm';
import { BELGIAN_ZONE } from '../core/index.ts';
import { peoplePerson } from '../people/index.ts';
import { inOrder, periodTable, textArray, type Metric } from '../stats/index.ts';
import type { MetricFilters } from '../../measures.ts';
import { CONTACT_TYPES, fieldworkContact, fieldworkContactParty } from './schema.ts';
import { isDirectContact } from './hours.ts';

// Fieldwork's contribution to the indicators registry (issue 15): contacts counted per period, from the
// contact log as it is now. Rules, the same as the rest of fieldwork:
// - a contact belongs to the period it STARTS in (events, people); its HOURS are cut at the instant a
//   period ends, as hours.ts cuts a contact across the end of a week (the home page's weekly hours);
// - a person's AGE at a contact is the contact's Belgian calendar year minus their birth year (only a
//   birth year is kept); no birth year: age unknown, never in an age band;
// - with an age band, a contact counts when one of the people it was with is in the band, or it has an
//   anonymous group whose stated ages ("about 16–20"; one end may be missing) overlap the band; its
//   hours count whole (a street contact with young people is time spent with young people);
// - "people" are the distinct people the contacts were with (role 'with'); anonymous groups cannot be
//   made distinct and are left out, as on the figures page.
// Hours and contacts are not counts of people: the privacy rule on 1–4 applies to `people` only.

/** The contact types of "direct contact where people are": all but those at a distance (hours.ts's rule). */
export const DIRECT_CONTACT_TYPES: readonly string[] = CONTACT_TYPES.filter(isDirectContact);

const c = fieldworkContact;

function ageOfAt(birthYear: SQL, at: SQL): SQL {
	return sql`(extract(year from (${at} at time zone ${BELGIAN_ZONE}))::int - ${birthYear})`;
}

function contactWhere(scope: { organisationId: string; areaId: string | null }, f: MetricFilters): SQL {
	const parts: SQL[] = [sql`${c.organisationId} = ${scope.organisationId}`];
	if (scope.areaId) parts.push(sql`${c.areaId} = ${scope.areaId}`);
	if (f.contactTypes?.length) parts.push(sql`${c.type} = any(${textArray(f.contactTypes)})`);
	if (f.themes?.length) parts.push(sql`${c.themes}::text[] && ${textArray(f.themes)}`);
	if (f.ageBand) {
		const { from, to } = f.ageBand;
		parts.push(sql`(exists (
			select 1 from ${fieldworkContactParty} w join ${peoplePerson} pp on pp.id = w.person_id
			where w.contact_id = ${c.id} and w.role = 'with' and ${ageOfAt(sql`pp.birth_year`, sql`${c.startedAt}`)} between ${from}::int and ${to}::int
		) or (${c.anonymousCount} > 0 and coalesce(${c.anonymousAgeFrom}, ${c.anonymousAgeTo}) is not null
			and coalesce(${c.anonymousAgeTo}, ${c.anonymousAgeFrom}) >= ${from}::int and coalesce(${c.anonymousAgeFrom}, ${c.anonymousAgeTo}) <= ${to}::int))`);
	}
	return sql.join(parts, sql` and `);
}

export const contactsMetric: Metric = {
	code: 'fieldwork.contacts',
	label: 'ind_metric_fieldwork_contacts',
	explains: 'ind_metric_fieldwork_contacts_explains',
	measures: ['events', 'people', 'hours'],
	filters: ['contactTypes', 'themes', 'ageBand'],
	async compute(db, scope, periods, measure, filters) {
		if (!periods.length) return [];
		const p = periodTable(periods);
		// A contact lasts at most 12 hours (CONTACT_LIMITS): one that started before the first period may still reach into it.
		const rows = sql`select ${c.id} as id, ${c.startedAt} as st, ${c.startedAt} + ${c.durationMinutes} * interval '1 minute' as en
			from ${c} where ${contactWhere(scope, filters)} and ${c.startedAt} >= ${p.from} - interval '12 hours' and ${c.startedAt} < ${p.to}`;
		if (measure === 'people') {
			const band = filters.ageBand
				? sql`and ${ageOfAt(sql`pp.birth_year`, sql`x.st`)} between ${filters.ageBand.from}::int and ${filters.ageBand.to}::int`
				: sql``;
			const result = await db.execute<{ i: number; v: number }>(sql`
				with p as (select * from ${p.table}), x as materialized (${rows})
				select p.i, count(distinct pw.person_id)::int as v
				from p left join (x join ${fieldworkContactParty} pw on pw.contact_id = x.id and pw.role = 'with'
					join ${peoplePerson} pp on pp.id = pw.person_id ${band}) on x.st >= p.s and x.st < p.e
				group by p.i`);
			return inOrder(p.count, result.rows);
		}
		const value =
			measure === 'hours'
				? sql`coalesce(sum(extract(epoch from least(x.en, p.e) - greatest(x.st, p.s))), 0) / 3600.0`
				: sql`count(x.id) filter (where x.st >= p.s)`;
		const result = await db.execute<{ i: number; v: number }>(sql`
			with p as (select * from ${p.table}), x as materialized (${rows})
			select p.i, (${value})::float8 as v from p left join x on x.st < p.e and x.en > p.s group by p.i`);
		return inOrder(p.count, result.rows);
	}
};

export const FIELDWORK_METRICS: readonly Metric[] = [contactsMetric];
