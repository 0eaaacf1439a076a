import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { REACH_FIGURES, type ReachFigure } from '../../aid/types.ts';
import { addDays, addMonths, ageAt, BELGIAN_ZONE, defineVerb, lastDayOfMonth, startOfBelgianDay, type Ctx } from '../core/index.ts';
import { grantedAreas, permission, scopeFilter, type ScopedPermission } from '../access/index.ts';
import { listAreas } from '../areas/index.ts';
import { peoplePerson, AGE_GROUPS, consentGiven } from '../people/index.ts';
import { aidLink, aidNeed, aidOffer } from './schema.ts';
import { CATEGORY_CODES } from './categories.ts';
import { audienceOf, monthsOf, suppressNested, suppressTable, type Cell, type FigureOptions } from '../stats/index.ts';

/*
 * The coordinator's success figures of mutual aid over a period of whole months (from is moved to the
 * first day of its month, to to the last day of its; days in Belgian time). The definitions, as the page explains them:
 * - a link is MADE when both sides said yes, at the later of the two yeses; a later cancellation does
 *   not unmake it. It is COMPLETED when it took place, counted on that day.
 * - intergenerational: made links whose two persons' age bands are both known and at least two bands
 *   apart (0–17, 18–29, 30–49, 50–64, 65+).
 * - intercultural: made links where BOTH persons agreed to be counted for this, and their origin
 *   groups are both known and differ, or both have languages and share none.
 * - repeat links: made links that are not the first link ever made between the same two persons.
 * - volunteers still active after 12 months: volunteers (offer side) whose first made link is at least
 *   12 months before the end of the period, and who made a link in the period or still held one
 *   (accepted or took place, not yet ended) at its end; out of the volunteers eligible (first made
 *   link at least 12 months before the end).
 * - students involved: distinct persons marked as student on either side of a link made in the period.
 * - new residents reached: distinct persons helped (need side) in the period whose first made link
 *   ever (either side) falls in the period.
 * - network: distinct persons (either side) with at least one made link before the period / by its end.
 * "Ever" and "first" look only at the links the figures are drawn from (the actor's scope and the
 * chosen area), so no figure depends on rows the actor may not read. Every count goes through the
 * privacy rule of stats/ before it leaves this file.
 */

const MAX_YEARS = 5;
const READ = 'aid.reach.read' satisfies ScopedPermission;

// Years from 1900: JavaScript's Date reads years 0–99 as 1900–1999, and PostgreSQL has no year 0.
const day = z.iso.date('reach_error_date').refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'reach_error_date');
const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

/** The query's fields, as the API documents them (reachInput adds whole months and the period's rules). */
export const reachQueryFields = z.object({
	// Empty (a form's "all areas") or absent: every area in the actor's scope.
	areaId: z
		.union([z.uuid('error_choice'), z.literal(''), z.null()], { error: 'error_choice' })
		.optional()
		.transform((v) => v || null),
	from: day,
	to: day
});

export const reachInput = reachQueryFields
	// The rules on the dates as typed…
	.superRefine((v, ctx) => {
		if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reach_error_order' });
		// Whole years between the two days, counted as an age (from 29 February, a year ends on 1 March);
		// a day refused by its own field (it does not exist, or is out of range) is not measured.
		else if (day.safeParse(v.from).success && day.safeParse(v.to).success && ageAt(v.from, v.to) >= MAX_YEARS)
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'reach_error_span' });
	})
	// …then whole months: two periods a day apart would otherwise tell, by subtraction, what happened on
	// one day, which can point at one person. The answer says the period it used.
	.transform((v) => ({ ...v, from: monthStart(v.from), to: lastDayOfMonth(v.to) }));

export { REACH_FIGURES, type ReachFigure };

export type Reach = {
	period: { from: string; to: string };
	areaId: string | null;
	figures: Record<ReachFigure, Cell>;
	byCategory: { category: string; made: Cell; completed: Cell }[];
	monthly: { month: string; made: Cell; completed: Cell }[];
};

type Row = Record<ReachFigure, number> & {
	by_category: { category: string; made: number; completed: number }[];
	monthly: { month: string; made: number; completed: number }[];
};

/** The figures for an area (or all areas in scope) and a period, every count already suppressed. */
export const getMutualAidReach = defineVerb({
	name: 'aid.reach.read',
	summary:
		'Mutual-aid figures for an area and a period of whole months (from and to are moved to their months’ first and last days; the answer says the period used); groups under 5 suppressed',
	permission: permission(READ),
	input: reachInput,
	writes: false,
	// Only the links of the organisations and areas the actor may read figures for.
	access: (ctx) => ({ scope: scopeFilter(ctx.actor, READ, { organisation: aidNeed.organisationId, area: aidNeed.areaId }) }),
	// A token held outside the organisation (a city officer's, a funder's) gets external figures: rounded to 5.
	run: async (ctx, { areaId, from, to }, { scope }): Promise<Reach> =>
		shape({ areaId, from, to }, await figures(ctx, { areaId, from, to, scope }), { audience: audienceOf(ctx.actor) })
});

/** The areas the actor may see figures for (the area select of the page). */
export const reachAreaChoices = defineVerb({
	name: 'aid.reach.area_choices',
	summary: 'The neighbourhoods the actor may see mutual-aid figures for',
	permission: permission(READ),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => grantedAreas(ctx.actor, READ),
	run: async (ctx, _input, areaIds) => {
		const areas = await listAreas(ctx);
		return areaIds ? areas.filter((a) => areaIds.includes(a.id)) : areas;
	}
});

async function figures(ctx: Ctx, q: { areaId: string | null; from: string; to: string; scope: ReturnType<typeof scopeFilter> }): Promise<Row> {
	// The period as two instants: from 00:00 on `from` to 00:00 after `to`, Belgian time; e12 is 00:00
	// Belgian time twelve months before the end, as a Belgian day rather than the end minus 12 months
	// of UTC, which only agree because a period ends on the first of a month, never a clock-change day.
	const end = addDays(q.to, 1);
	const b = { s: startOfBelgianDay(q.from), e: startOfBelgianDay(end), e12: startOfBelgianDay(addMonths(end, -12)) };
	const s = sql`${b.s}::timestamptz`;
	const e = sql`${b.e}::timestamptz`;
	const inPeriod = (col: string) => sql`${sql.identifier(col)} >= ${s} and ${sql.identifier(col)} < ${e}`;
	const where = sql.join([sql`true`, q.scope ?? sql`true`, q.areaId ? sql`${aidNeed.areaId} = ${q.areaId}` : sql`true`], sql` and `);
	const ages = sql.raw(`array[${AGE_GROUPS.map((a) => `'${a}'`).join(',')}]::text[]`);
	// One statement: the links in scope once (materialised, it is used several times), then only hash
	// aggregates over it — no sort, no correlated subquery — so 100 000 links take well under a second.
	const result = await ctx.db.execute<Row>(sql`
		with scoped as materialized (
			select ${aidNeed}.person_id as np, ${aidOffer}.person_id as op, ${aidNeed}.category,
			       case when ${aidLink}.need_accepted_at is not null and ${aidLink}.offer_accepted_at is not null
			            then greatest(${aidLink}.need_accepted_at, ${aidLink}.offer_accepted_at) end as made_at,
			       ${aidLink}.took_place_at, ${aidLink}.closed_at
			from ${aidLink}
			join ${aidNeed} on ${aidNeed}.id = ${aidLink}.need_id
			join ${aidOffer} on ${aidOffer}.id = ${aidLink}.offer_id
			where ${where}
		),
		-- Each made link once per side: what every person-based figure is counted from.
		sides as (
			select np as p, true as helped, made_at, closed_at from scoped where made_at is not null
			union all
			select op, false, made_at, closed_at from scoped where made_at is not null
		),
		persons as (
			select p,
			       min(made_at) as first_at,
			       min(made_at) filter (where not helped) as first_offer_at,
			       bool_or(${inPeriod('made_at')}) as linked,
			       bool_or(helped and ${inPeriod('made_at')}) as helped_in,
			       -- A volunteer is active who made a link in the period or held one at its end.
			       bool_or(not helped and made_at < ${e} and (made_at >= ${s} or closed_at is null or closed_at >= ${e})) as active
			from sides group by p
		),
		pairs as (
			select min(made_at) as first_at, count(*) filter (where ${inPeriod('made_at')}) as n
			from scoped where made_at is not null group by np, op
		)
		select
			(select count(*) filter (where ${inPeriod('made_at')}) from scoped)::int as "linksMade",
			(select count(*) filter (where ${inPeriod('took_place_at')}) from scoped)::int as "linksCompleted",
			x.*, y.*,
			(select coalesce(sum(n), 0) - count(*) filter (where ${inPeriod('first_at')}) from pairs)::int as "repeatLinks",
			(select coalesce(json_agg(c), '[]') from (
				select category, count(*) filter (where ${inPeriod('made_at')})::int as made,
				       count(*) filter (where ${inPeriod('took_place_at')})::int as completed
				from scoped group by category) c) as by_category,
			(select coalesce(json_agg(json_build_object('month', to_char(month, 'YYYY-MM'), 'made', made, 'completed', completed)), '[]') from (
				select coalesce(a.month, b.month) as month, coalesce(a.n, 0) as made, coalesce(b.n, 0) as completed
				from (select date_trunc('month', made_at at time zone ${BELGIAN_ZONE}) as month, count(*)::int as n
				      from scoped where ${inPeriod('made_at')} group by 1) a
				full join (select date_trunc('month', took_place_at at time zone ${BELGIAN_ZONE}) as month, count(*)::int as n
				      from scoped where ${inPeriod('took_place_at')} group by 1) b using (month)) m) as monthly
		from (
			select count(*) filter (where abs(array_position(${ages}, pn.age_group) - array_position(${ages}, po.age_group)) >= 2)::int as "intergenerational",
			       -- The cheap comparison first: consent (one indexed lookup per side) only for the pairs it lets through.
			       count(*) filter (where ((pn.origin_group <> po.origin_group)
			                               or (cardinality(pn.languages) > 0 and cardinality(po.languages) > 0 and not (pn.languages && po.languages)))
			                          and ${consentGiven('intercultural', sql`pn.id`)} and ${consentGiven('intercultural', sql`po.id`)})::int as "intercultural"
			from scoped
			join ${peoplePerson} pn on pn.id = scoped.np
			join ${peoplePerson} po on po.id = scoped.op
			where ${inPeriod('made_at')}
		) x, (
			select count(*) filter (where first_offer_at <= ${b.e12}::timestamptz and active)::int as "volunteersStillActive12m",
			       count(*) filter (where first_offer_at <= ${b.e12}::timestamptz)::int as "volunteersEligible12m",
			       count(*) filter (where linked and pp.student)::int as "studentsInvolved",
			       count(*) filter (where helped_in and first_at >= ${s})::int as "newResidentsReached",
			       count(*) filter (where first_at < ${s})::int as "networkAtStart",
			       count(*) filter (where first_at < ${e})::int as "networkAtEnd"
			from persons join ${peoplePerson} pp on pp.id = persons.p
		) y
	`);
	return result.rows[0]!;
}

/** Figures that count part of another one: their difference must not give away a small group. */
const NESTED = [
	['volunteersEligible12m', 'volunteersStillActive12m'],
	['networkAtEnd', 'networkAtStart'],
	['linksMade', 'repeatLinks'],
	['linksMade', 'intergenerational'],
	['linksMade', 'intercultural']
] as const satisfies ReadonlyArray<readonly [ReachFigure, ReachFigure]>;

/** Rows in a fixed order (every category, every month of the period, zeros included), then suppressed. */
function shape(q: { areaId: string | null; from: string; to: string }, row: Row, opts: FigureOptions): Reach {
	const figures = suppressNested<ReachFigure>(Object.fromEntries(REACH_FIGURES.map((k) => [k, row[k]])) as Record<ReachFigure, number>, NESTED, opts);
	const byCat = new Map(row.by_category.map((r) => [r.category, r]));
	const categories = [...CATEGORY_CODES, ...[...byCat.keys()].filter((c) => !(CATEGORY_CODES as string[]).includes(c)).sort()];
	const byMonth = new Map(row.monthly.map((r) => [r.month, r]));
	const months = monthsOf(q.from, q.to);
	const table = <K extends string>(keys: K[], get: (k: K) => { made: number; completed: number } | undefined) => {
		const made = suppressTable(
			keys.map((k) => get(k)?.made ?? 0),
			opts
		);
		const completed = suppressTable(
			keys.map((k) => get(k)?.completed ?? 0),
			opts
		);
		return keys.map((k, i) => ({ key: k, made: made[i]!, completed: completed[i]! }));
	};
	return {
		period: { from: q.from, to: q.to },
		areaId: q.areaId,
		figures,
		byCategory: table(categories, (c) => byCat.get(c)).map(({ key, made, completed }) => ({ category: key, made, completed })),
		monthly: table(months, (m) => byMonth.get(m)).map(({ key, made, completed }) => ({ month: key, made, completed }))
	};
}
