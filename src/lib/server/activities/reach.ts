import { and, asc, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, BELGIAN_ZONE, defineVerb, NotFoundError, startOfBelgianDay, type Ctx } from '../core/index.ts';
import { grantedAreas, permission, scopeFilter, type ScopedPermission } from '../access/index.ts';
import { listAreas } from '../areas/index.ts';
import { audienceOf } from '../stats/index.ts';
import { consentGiven, peopleHouseholdMember, peoplePerson } from '../people/index.ts';
import { activitiesActivity, activitiesAttendance, activitiesSession } from './schema.ts';
import { activityReachInput, REACH_MAX_ACTIVITIES, type ActivityReachQuery } from './reach-validation.ts';
import { CHILD_UNDER } from './reach-rules.ts';
import { shapeReach, type ActivityReach, type ReachCounts } from './reach-shape.ts';

/*
 * The reach of activities over whole months (docs/architecture.md "Reach"). Counted from attendance rows
 * only: distinct people and households, however many sessions they came to; the anonymous headcount of
 * the sessions is its own figure, never added in. One statement: the attendance rows of the period in
 * scope once (materialised; one range of the attendance indexes), then hash aggregates over them.
 * - AGE: the Belgian calendar year of the session minus the birth year; a child is under 18 at their
 *   first session of the period (age only grows, so that is "at some session").
 * - FAMILY: the household the person belonged to on the session's Belgian date, or themselves alone.
 * - NEW: the person's first attendance ever in the organisation is in the period; RETURNING: before it.
 * - Country of origin only where an origin purpose covers the person; the situation flags only where
 *   'social_situation' does (people/consent.ts consentGiven: basis, or the latest answer a yes).
 */

const READ = 'activities.reach.read' satisfies ScopedPermission;

type Scope = { att: SQL | undefined; session: SQL | undefined };

export const getActivityReach = defineVerb({
	name: 'activities.reach.read',
	summary:
		'Reach of activities for a period of whole months (from and to are moved to their months’ first and last days) and a set of activities, a neighbourhood or the whole scope: distinct participants, families, children, countries, new and returning, shares, sessions, attendances, the anonymous headcount beside; groups under 5 suppressed',
	permission: permission(READ),
	input: activityReachInput,
	writes: false,
	access: async (ctx, q): Promise<Scope> => {
		const scope: Scope = {
			att: scopeFilter(ctx.actor, READ, { organisation: activitiesAttendance.organisationId, area: activitiesAttendance.areaId }),
			session: scopeFilter(ctx.actor, READ, { organisation: activitiesSession.organisationId, area: activitiesSession.areaId })
		};
		// A neighbourhood outside the actor's areas is answered as an unknown one.
		const areas = grantedAreas(ctx.actor, READ);
		if (q.areaId && areas && !areas.includes(q.areaId)) throw new NotFoundError();
		if (q.activityIds.length) {
			const own = scopeFilter(ctx.actor, READ, { organisation: activitiesActivity.organisationId, area: activitiesActivity.areaId });
			const found = await ctx.db.execute<{ n: number }>(
				sql`select count(*)::int as n from ${activitiesActivity} where ${activitiesActivity.id} in ${q.activityIds} and ${own ?? sql`true`}`
			);
			if (found.rows[0]!.n !== q.activityIds.length) throw new NotFoundError();
		}
		return scope;
	},
	run: async (ctx, q, scope): Promise<ActivityReach> => shapeReach(q, await counts(ctx, q, scope), { audience: audienceOf(ctx.actor) })
});

async function counts(ctx: Ctx, q: ActivityReachQuery, scope: Scope): Promise<ReachCounts> {
	const s = sql`${startOfBelgianDay(q.from)}::timestamptz`;
	const e = sql`${startOfBelgianDay(addDays(q.to, 1))}::timestamptz`;
	// The same choice of activities for attendance rows and sessions (both carry activity and area).
	const chosen = (t: typeof activitiesAttendance | typeof activitiesSession, own: SQL | undefined) =>
		sql.join(
			[
				own ?? sql`true`,
				q.areaId ? sql`${t.areaId} = ${q.areaId}` : sql`true`,
				q.activityIds.length ? sql`${t.activityId} in ${q.activityIds}` : sql`true`,
				q.kind
					? sql`${t.activityId} in (select ${activitiesActivity.id} from ${activitiesActivity} where ${activitiesActivity.kind} = ${q.kind})`
					: sql`true`
			],
			sql` and `
		);
	const origin = sql`(${consentGiven('origin_statistics', sql`ppl_p.id`)} or ${consentGiven('intercultural', sql`ppl_p.id`)})`;
	const situation = consentGiven('social_situation', sql`ppl_p.id`);
	const result = await ctx.db.execute<ReachCounts>(sql`
		with att as materialized (
			select ${activitiesAttendance.personId} as person_id, ${activitiesAttendance.activityId} as activity_id,
			       ${activitiesAttendance.organisationId} as organisation_id,
			       (${activitiesAttendance.sessionStartsAt} at time zone ${BELGIAN_ZONE})::date as day
			from ${activitiesAttendance}
			where ${activitiesAttendance.sessionStartsAt} >= ${s} and ${activitiesAttendance.sessionStartsAt} < ${e}
			  and ${chosen(activitiesAttendance, scope.att)}
		),
		-- Each person once, with what is counted of them.
		ppl as materialized (
			select f.person_id, f.first_day,
			       extract(year from f.first_day)::int - ppl_p.birth_year < ${CHILD_UNDER} as child,
			       exists (select 1 from ${activitiesAttendance} before
			               where before.person_id = f.person_id and before.organisation_id = f.organisation_id
			                 and before.session_starts_at < ${s}) as came_before,
			       case when ${origin} then ppl_p.country_of_origin end as country,
			       ${situation} as situation, ppl_p.vulnerable, ppl_p.social_service_client
			from (select person_id, min(day) as first_day, (array_agg(organisation_id))[1] as organisation_id
			      from att group by person_id) f
			join ${peoplePerson} ppl_p on ppl_p.id = f.person_id
		),
		sess as materialized (
			select ${activitiesSession.activityId} as activity_id, ${activitiesSession.anonymousCount} as anonymous
			from ${activitiesSession}
			where ${activitiesSession.startsAt} >= ${s} and ${activitiesSession.startsAt} < ${e}
			  and ${activitiesSession.startsAt} < now() and ${activitiesSession.cancelledAt} is null
			  and ${chosen(activitiesSession, scope.session)}
		)
		select
			x.*,
			(select count(*)::int from att) as "attendances",
			(select count(*)::int from sess) as "sessions",
			(select coalesce(sum(anonymous), 0)::int from sess) as "anonymous",
			-- A household, or the person alone, on each day they came.
			(select count(distinct coalesce(m.household_id, d.person_id))::int
			 from (select distinct person_id, day from att) d
			 left join ${peopleHouseholdMember} m on m.person_id = d.person_id
			      and (m.joined_on is null or m.joined_on <= d.day) and (m.left_on is null or m.left_on > d.day)) as "families",
			(select coalesce(json_agg(json_build_object('country', country, 'people', n)), '[]')
			 from (select country, count(*)::int as n from ppl where country is not null group by country) c) as countries,
			(select coalesce(json_agg(json_build_object('month', month, 'newcomers', newcomers, 'returning', back)), '[]') from (
				select to_char(att.day, 'YYYY-MM') as month,
				       count(distinct att.person_id) filter (where not ppl.came_before and to_char(ppl.first_day, 'YYYY-MM') = to_char(att.day, 'YYYY-MM'))::int as newcomers,
				       count(distinct att.person_id) filter (where ppl.came_before or to_char(ppl.first_day, 'YYYY-MM') <> to_char(att.day, 'YYYY-MM'))::int as back
				from att join ppl using (person_id) group by 1) mm) as monthly,
			(select coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'kind', a.kind,
			        'sessions', coalesce(se.n, 0), 'anonymous', coalesce(se.anonymous, 0),
			        'attendances', coalesce(ta.n, 0), 'participants', coalesce(ta.people, 0))), '[]')
			 from (select activity_id, count(*)::int as n, count(distinct person_id)::int as people from att group by activity_id) ta
			 full join (select activity_id, count(*)::int as n, sum(anonymous)::int as anonymous from sess group by activity_id) se using (activity_id)
			 join ${activitiesActivity} a on a.id = activity_id) as activities
		from (
			select count(*)::int as "participants",
			       count(*) filter (where child)::int as "children",
			       count(*) filter (where not came_before)::int as "newcomers",
			       count(*) filter (where came_before)::int as "returning",
			       count(*) filter (where country is not null and country <> 'BE')::int as "foreignOrigin",
			       count(*) filter (where country is null)::int as "originUnknown",
			       count(*) filter (where situation and vulnerable)::int as "vulnerable",
			       count(*) filter (where situation and social_service_client)::int as "socialServiceClients"
			from ppl
		) x
	`);
	return result.rows[0]!;
}

/** What the reach page offers to choose from: the neighbourhoods and the activities in the actor's scope. */
export const activityReachChoices = defineVerb({
	name: 'activities.reach.choices',
	summary: 'The neighbourhoods and activities the actor may see the reach of (the filters of the reach page)',
	permission: permission(READ),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ({
		areaIds: grantedAreas(ctx.actor, READ),
		scope: scopeFilter(ctx.actor, READ, { organisation: activitiesActivity.organisationId, area: activitiesActivity.areaId })
	}),
	run: async (ctx, _input, { areaIds, scope }) => {
		const areas = (await listAreas(ctx))
			.filter((a) => !areaIds || areaIds.includes(a.id))
			.map((a) => ({ id: a.id, name: a.name, city: a.city, code: a.code }));
		const activities = await ctx.db
			.select({ id: activitiesActivity.id, title: activitiesActivity.title, kind: activitiesActivity.kind, areaId: activitiesActivity.areaId })
			.from(activitiesActivity)
			.where(and(scope ?? sql`true`, isNull(activitiesActivity.archivedAt)))
			.orderBy(asc(activitiesActivity.title), asc(activitiesActivity.id))
			.limit(REACH_MAX_ACTIVITIES);
		return { areas, activities };
	}
});
