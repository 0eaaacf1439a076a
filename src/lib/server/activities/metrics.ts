import { sql, type SQL } from 'drizzle-orm';
import { BELGIAN_ZONE } from '../core/index.ts';
import { peopleHouseholdMember, peoplePerson } from '../people/index.ts';
import { inOrder, periodTable, textArray, type Metric, type MetricScope } from '../stats/index.ts';
import type { MetricFilters } from '../../measures.ts';
import { activitiesActivity, activitiesAttendance, activitiesSession } from './schema.ts';

// The activities' contribution to the indicators registry (issue 15), from attendance rows and
// sessions as they are now (the indicators part owns this file). Rules shared with the reach page:
// - a session is HELD when it was not cancelled and has started; it counts in the period it starts in,
//   its hours whole (ends − starts);
// - attendance is one person at one session: `events` are attendances, `people` distinct people,
//   `households` distinct FAMILIES — the household a person was a member of on the session's Belgian
//   date (joined on or before it, not yet left), a person without one then being a family of their own;
// - a person's AGE at a session is its Belgian calendar year minus their birth year; unknown without one;
// - anonymous headcounts are never added into these distinct counts (the reach page shows them beside).
// People and households are counts of people: the indicators apply the rule on 1–4 to them.

const s = activitiesSession;
const a = activitiesActivity;
const t = activitiesAttendance;

function activityWhere(f: MetricFilters): SQL[] {
	const parts: SQL[] = [];
	if (f.activityIds?.length) parts.push(sql`${a.id}::text = any(${textArray(f.activityIds)})`);
	if (f.activityKinds?.length) parts.push(sql`${a.kind} = any(${textArray(f.activityKinds)})`);
	if (f.themes?.length) parts.push(sql`${a.themes} && ${textArray(f.themes)}`);
	return parts;
}

function placeWhere(scope: MetricScope, organisation: SQL, area: SQL): SQL[] {
	const parts = [sql`${organisation} = ${scope.organisationId}`];
	if (scope.areaId) parts.push(sql`${area} = ${scope.areaId}`);
	return parts;
}

export const sessionsMetric: Metric = {
	code: 'activities.sessions',
	label: 'ind_metric_activities_sessions',
	explains: 'ind_metric_activities_sessions_explains',
	measures: ['events', 'hours'],
	filters: ['activityKinds', 'activityIds', 'themes'],
	async compute(db, scope, periods, measure, filters) {
		if (!periods.length) return [];
		const p = periodTable(periods);
		const where = sql.join(
			[
				...placeWhere(scope, sql`${s.organisationId}`, sql`${s.areaId}`),
				...activityWhere(filters),
				sql`${s.cancelledAt} is null and ${s.startsAt} <= now() and ${s.startsAt} >= ${p.from} and ${s.startsAt} < ${p.to}`
			],
			sql` and `
		);
		const value = measure === 'hours' ? sql`coalesce(sum(extract(epoch from x.en - x.st)), 0) / 3600.0` : sql`count(x.st)`;
		const result = await db.execute<{ i: number; v: number }>(sql`
			with p as (select * from ${p.table}),
			x as materialized (select ${s.startsAt} as st, ${s.endsAt} as en from ${s} join ${a} on ${a.id} = ${s.activityId} where ${where})
			select p.i, (${value})::float8 as v from p left join x on x.st >= p.s and x.st < p.e group by p.i`);
		return inOrder(p.count, result.rows);
	}
};

export const attendanceMetric: Metric = {
	code: 'activities.attendance',
	label: 'ind_metric_activities_attendance',
	explains: 'ind_metric_activities_attendance_explains',
	measures: ['events', 'people', 'households'],
	filters: ['activityKinds', 'activityIds', 'themes', 'ageBand'],
	async compute(db, scope, periods, measure, filters) {
		if (!periods.length) return [];
		const p = periodTable(periods);
		const parts = [
			...placeWhere(scope, sql`${t.organisationId}`, sql`${t.areaId}`),
			sql`${t.sessionStartsAt} >= ${p.from} and ${t.sessionStartsAt} < ${p.to}`
		];
		const activity = activityWhere(filters);
		if (activity.length) parts.push(sql`exists (select 1 from ${a} where ${a.id} = ${t.activityId} and ${sql.join(activity, sql` and `)})`);
		if (filters.ageBand)
			parts.push(sql`exists (select 1 from ${peoplePerson} pp where pp.id = ${t.personId}
				and extract(year from (${t.sessionStartsAt} at time zone ${BELGIAN_ZONE}))::int - pp.birth_year between ${filters.ageBand.from}::int and ${filters.ageBand.to}::int)`);
		const who =
			measure === 'households'
				? sql`coalesce((select min(hm.household_id::text) from ${peopleHouseholdMember} hm where hm.person_id = ${t.personId}
					and (hm.joined_on is null or hm.joined_on <= x_day.d) and (hm.left_on is null or hm.left_on > x_day.d)), 'person:' || ${t.personId}::text)`
				: sql`${t.personId}::text`;
		const value = measure === 'events' ? sql`count(x.who)` : sql`count(distinct x.who)`;
		const result = await db.execute<{ i: number; v: number }>(sql`
			with p as (select * from ${p.table}),
			x as materialized (
				select ${t.sessionStartsAt} as st, ${who} as who
				from ${t}, lateral (select (${t.sessionStartsAt} at time zone ${BELGIAN_ZONE})::date as d) x_day
				where ${sql.join(parts, sql` and `)}
			)
			select p.i, (${value})::int as v from p left join x on x.st >= p.s and x.st < p.e group by p.i`);
		return inOrder(p.count, result.rows);
	}
};

export const ACTIVITY_METRICS: readonly Metric[] = [sessionsMetric, attendanceMetric];
