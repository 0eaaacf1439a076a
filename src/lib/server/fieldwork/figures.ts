import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
	addDays,
	ageAt,
	BELGIAN_ZONE,
	defineVerb,
	lastDayOfMonth,
	NotFoundError,
	startOfBelgianDay,
	todayInBelgium,
	type Ctx
} from '../core/index.ts';
import { grantedAreas, permission, scopeFilter, type ScopedPermission } from '../access/index.ts';
import { areasArea, listAreas } from '../areas/index.ts';
import { networkPartner } from '../network/index.ts';
import { audienceOf, lastTwelveMonths } from '../stats/index.ts';
import { THEMES } from '../../themes.ts';
import { CONTACT_TYPES, fieldworkContact, fieldworkContactParty, fieldworkQuestion, fieldworkReferral } from './schema.ts';
import { shapeFigures, type FieldworkFigures, type FigureRow } from './figures-shape.ts';

/*
 * The coordinator's fieldwork figures over whole months (Belgian time): contacts and hours by type,
 * theme, month and neighbourhood; the people reached; home visits per year against the target; the
 * questions and referrals raised in the period, by their status now. Filters: a neighbourhood, a
 * theme, a contact type (questions and referrals follow the theme and type of their question or
 * contact). One SQL statement, each part a GROUP BY over the scope index; the privacy rule is applied
 * afterwards in figures-shape.ts, so the page, the files and the API show the same cells.
 */

const READ = 'fieldwork.figures.read' satisfies ScopedPermission;
const MAX_YEARS = 5;

const day = z.iso.date('fw_figures_error_date').refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'fw_figures_error_date');
/** A form's "all" is an empty string; the API leaves the field out: both mean no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
	z
		.union([schema, z.literal(''), z.null()], { error: 'error_choice' })
		.optional()
		.transform((v) => (v || null) as z.infer<T> | null);

/** The query's fields as the page's form and the API take them (dates absent: the last 12 months). */
export const figuresQueryFields = z.object({
	from: day.optional(),
	to: day.optional(),
	areaId: optional(z.uuid('error_choice')),
	theme: optional(z.enum(THEMES, 'error_choice')),
	type: optional(z.enum(CONTACT_TYPES, 'error_choice'))
});

/** The query as the API takes it: no form habits (an absent filter is no filter, absent dates the last 12 months). */
export const figuresQuery = z.object({
	from: figuresQueryFields.shape.from.meta({
		description: 'First day, YYYY-MM-DD (Belgian time); moved to the first day of its month. Default: 11 months before this one.'
	}),
	to: figuresQueryFields.shape.to.meta({
		description: 'Last day, YYYY-MM-DD (Belgian time); moved to the last day of its month; under 5 years after from. Default: the end of this month.'
	}),
	areaId: z.uuid('error_choice').optional().meta({ description: 'One neighbourhood; absent: every neighbourhood in the caller’s scope.' }),
	theme: z.enum(THEMES, 'error_choice').optional().meta({ description: 'Only contacts with this theme (and questions and referrals about it).' }),
	type: z
		.enum(CONTACT_TYPES, 'error_choice')
		.optional()
		.meta({ description: 'Only contacts of this type (and questions and referrals raised on them).' })
});

export const figuresInput = figuresQueryFields
	.transform((v) => {
		const fallback = lastTwelveMonths(todayInBelgium());
		return { ...v, from: v.from ?? fallback.from, to: v.to ?? fallback.to };
	})
	.superRefine((v, ctx) => {
		if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'fw_figures_error_order' });
		else if (ageAt(v.from, v.to) >= MAX_YEARS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'fw_figures_error_span' });
	})
	// Whole months: two periods a day apart would tell, by subtraction, what happened on one day.
	.transform((v) => ({ ...v, from: `${v.from.slice(0, 7)}-01`, to: lastDayOfMonth(v.to) }));

export type FiguresInput = z.infer<typeof figuresInput>;
export type { FieldworkFigures };

type Scopes = { contact: SQL | undefined; question: SQL | undefined; referral: SQL | undefined };

export const getFieldworkFigures = defineVerb({
	name: 'fieldwork.figures.read',
	summary:
		'Fieldwork figures for a period of whole months (default the last 12), optionally one neighbourhood, theme and contact type; groups of 1 to 4 suppressed',
	permission: permission(READ),
	input: figuresInput,
	writes: false,
	// Deny by default: only the rows of the organisations and areas the actor may read figures for. A
	// neighbourhood outside that scope is answered exactly as an unknown one.
	access: async (ctx, input): Promise<Scopes> => {
		if (input.areaId) {
			const areas = grantedAreas(ctx.actor, READ);
			const [known] = await ctx.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, input.areaId));
			if (!known || (areas && !areas.includes(input.areaId))) throw new NotFoundError();
		}
		return {
			contact: scopeFilter(ctx.actor, READ, { organisation: fieldworkContact.organisationId, area: fieldworkContact.areaId }),
			question: scopeFilter(ctx.actor, READ, { organisation: fieldworkQuestion.organisationId, area: fieldworkQuestion.areaId }),
			referral: scopeFilter(ctx.actor, READ, { organisation: fieldworkReferral.organisationId, area: fieldworkReferral.areaId })
		};
	},
	// A token held outside the organisation (a city officer's) gets external figures, rounded to 5.
	run: async (ctx, input, scopes): Promise<FieldworkFigures> =>
		shapeFigures(input, await countRows(ctx, input, scopes), { audience: audienceOf(ctx.actor) })
});

const all = (...parts: (SQL | undefined | false | null | '')[]) => sql.join([sql`true`, ...parts.filter((p): p is SQL => !!p)], sql` and `);

async function countRows(ctx: Ctx, q: FiguresInput, scopes: Scopes): Promise<FigureRow[]> {
	// The period as two instants: 00:00 on `from` to 00:00 after `to`, Belgian time.
	const s = sql`${startOfBelgianDay(q.from).toISOString()}::timestamptz`;
	const e = sql`${startOfBelgianDay(addDays(q.to, 1)).toISOString()}::timestamptz`;
	const c = fieldworkContact;
	const contactWhere = all(
		sql`${c.startedAt} >= ${s} and ${c.startedAt} < ${e}`,
		scopes.contact,
		q.areaId && sql`${c.areaId} = ${q.areaId}`,
		q.theme && sql`${q.theme} = any(${c.themes})`,
		q.type && sql`${c.type} = ${q.type}`
	);
	const qn = fieldworkQuestion;
	const questionWhere = all(
		sql`${qn.createdAt} >= ${s} and ${qn.createdAt} < ${e}`,
		scopes.question,
		q.areaId && sql`${qn.areaId} = ${q.areaId}`,
		q.theme && sql`${qn.theme} = ${q.theme}`,
		q.type && sql`qc.type = ${q.type}`
	);
	const r = fieldworkReferral;
	const referralWhere = all(
		sql`${r.createdAt} >= ${s} and ${r.createdAt} < ${e}`,
		scopes.referral,
		q.areaId && sql`${r.areaId} = ${q.areaId}`,
		q.theme && sql`(rq.theme = ${q.theme} or ${q.theme} = any(rc.themes))`,
		q.type && sql`rc.type = ${q.type}`
	);
	// One statement: the contacts in scope once (materialised: every part reads them), then only hash
	// aggregates. Months are Brussels months, whatever the server's zone.
	const result = await ctx.db.execute<FigureRow>(sql`
		with c as materialized (
			select ${c.id} as id, ${c.type} as type, ${c.areaId} as area_id, ${c.themes} as themes,
			       ${c.durationMinutes} as minutes, ${c.anonymousCount} as anonymous, ${c.recordedByUserId} as recorder,
			       to_char(date_trunc('month', ${c.startedAt} at time zone ${BELGIAN_ZONE}), 'YYYY-MM') as month
			from ${c} where ${contactWhere}
		),
		rf as (
			select ${r.status} as status, ${r.partnerId} as partner_id, ${r.overrideReason} is not null as overridden
			from ${r}
			left join ${qn} rq on rq.id = ${r.questionId}
			left join ${c} rc on rc.id = ${r.contactId}
			where ${referralWhere}
		)
		select 'total' as dim, '' as key, count(*)::int as n, coalesce(sum(minutes), 0)::int as minutes, null as name from c
		union all select 'type', type, count(*)::int, sum(minutes)::int, null from c group by type
		union all select 'month', month, count(*)::int, sum(minutes)::int, null from c group by month
		union all select 'theme', t, count(*)::int, sum(minutes)::int, null from c, unnest(themes) t group by t
		union all select 'area', coalesce(c.area_id::text, ''), count(*)::int, sum(minutes)::int, min(a.name)
			from c left join ${areasArea} a on a.id = c.area_id group by c.area_id
		union all select 'anonymous', '', coalesce(sum(anonymous), 0)::int, 0, null from c
		union all select 'people', '', count(*)::int, 0, null from (
			-- distinct people as a hash aggregate: count(distinct) sorts 200 000 rows on disk for a city
			select p.person_id from ${fieldworkContactParty} p join c on c.id = p.contact_id where p.role = 'with' group by p.person_id
		) people
		union all select 'home_year', left(month, 4), count(*)::int, 0, null from c where type = 'home_visit' group by 2
		union all select 'workers_year', left(month, 4), count(distinct recorder)::int, 0, null from c where type = 'home_visit' group by 2
		union all select 'question', ${qn.status}, count(*)::int, 0, null
			from ${qn} left join ${c} qc on qc.id = ${qn.contactId} where ${questionWhere} group by ${qn.status}
		union all select 'referral', status, count(*)::int, 0, null from rf group by status
		union all select 'partner', coalesce(rf.partner_id::text, ''), count(*)::int, 0, min(np.name)
			from rf left join ${networkPartner} np on np.id = rf.partner_id group by rf.partner_id
		union all select 'override', '', count(*) filter (where overridden)::int, 0, null from rf
	`);
	return result.rows;
}

/** The neighbourhoods the actor may see fieldwork figures for (the page's neighbourhood select). */
export const figuresAreaChoices = defineVerb({
	name: 'fieldwork.figures.area_choices',
	summary: 'The neighbourhoods the actor may see fieldwork figures for',
	permission: permission(READ),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => grantedAreas(ctx.actor, READ),
	run: async (ctx, _input, areaIds) => {
		const areas = await listAreas(ctx);
		return areaIds ? areas.filter((a) => areaIds.includes(a.id)) : areas;
	}
});
