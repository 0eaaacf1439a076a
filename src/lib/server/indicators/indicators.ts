import { audienceOf } from '../stats/index.ts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, defineVerb, ForbiddenError, InvalidError, NotFoundError, todayInBelgium, type Ctx } from '../core/index.ts';
import { can, permission, scopeFilter } from '../access/index.ts';
import { activitiesActivity } from '../activities/index.ts';
import { areasArea } from '../areas/index.ts';
import { authUser } from '../auth/index.ts';
import { indicatorsIndicator, indicatorsValue, type IndicatorRow } from './schema.ts';
import { defineIndicatorInput, indicatorValuesInput, listIndicatorsInput, recordValueInput } from './validation.ts';
import { countsWords } from './describe.ts';
import { periodsOf, type Period } from './periods.ts';
import { metricOf } from './registry.ts';
import { shapeValues, type PeriodValue } from './values.ts';
import type { Measure, MetricFilters } from '../../measures.ts';

// Indicators (issue 15): definitions with a target, values computed from live data when asked (never
// stored, no nightly rebuild), or entered per period for a manual indicator. Scoped like every record:
// an indicator outside the actor's organisations and neighbourhoods is answered as an unknown one.

const READ = 'indicators.indicator.read' as const;
const MANAGE = 'indicators.indicator.manage' as const;
const RECORD = 'indicators.value.record' as const;

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };
function unknownPlace(e: unknown): never {
	const pg = (e as PgFailure).cause ?? (e as PgFailure);
	if (pg.code === '23503' && pg.constraint?.includes('area')) throw new InvalidError({ areaId: 'error_choice' });
	if (pg.code === '23503' && pg.constraint?.includes('organisation')) throw new InvalidError({ organisationId: 'error_choice' });
	throw e;
}

/** The indicator's range as a period: its first day to the day after its last. */
export const rangeOf = (row: Pick<IndicatorRow, 'startsOn' | 'endsOn'>): Period => ({ from: row.startsOn, to: addDays(row.endsOn, 1) });

export const periodsOfIndicator = (row: IndicatorRow): Period[] =>
	periodsOf(row.startsOn, addDays(row.endsOn, 1), row.periodType, row.programmeStartMonth);

const localeOf = (ctx: Ctx, locale?: string) => locale ?? ctx.actor.locale ?? 'nl';

async function activityTitles(ctx: Ctx, row: IndicatorRow): Promise<string[]> {
	const ids = (row.filters as MetricFilters).activityIds ?? [];
	if (!ids.length) return [];
	const rows = await ctx.db.select({ title: activitiesActivity.title }).from(activitiesActivity).where(inArray(activitiesActivity.id, ids));
	return rows.map((r) => r.title).sort();
}

/** The values of the periods, computed (one statement for all of them) or as entered, shaped with the target. */
async function valuesOf(ctx: Ctx, row: IndicatorRow, periods: Period[]): Promise<{ values: PeriodValue[]; entries: Map<string, Entry> }> {
	const entries = new Map<string, Entry>();
	let raw: (number | null)[];
	if (row.metric) {
		const metric = metricOf(row.metric);
		raw = metric
			? await metric.compute(
					ctx.db,
					{ organisationId: row.organisationId, areaId: row.areaId },
					periods,
					row.measure as Measure,
					row.filters as MetricFilters
				)
			: periods.map(() => null);
	} else {
		const got = periods.length
			? await ctx.db
					.select({
						periodStart: indicatorsValue.periodStart,
						value: indicatorsValue.value,
						note: indicatorsValue.note,
						enteredAt: indicatorsValue.enteredAt,
						by: authUser.name
					})
					.from(indicatorsValue)
					.leftJoin(authUser, eq(authUser.id, indicatorsValue.enteredByUserId))
					.where(
						and(
							eq(indicatorsValue.indicatorId, row.id),
							inArray(
								indicatorsValue.periodStart,
								periods.map((p) => p.from)
							)
						)
					)
			: [];
		for (const g of got) entries.set(g.periodStart, { value: g.value, note: g.note, enteredAt: g.enteredAt.toISOString(), enteredBy: g.by ?? null });
		raw = periods.map((p) => entries.get(p.from)?.value ?? null);
	}
	const values = shapeValues({ measure: row.measure, perWeek: row.perWeek, target: row.target }, periods, raw, rangeOf(row), todayInBelgium(), {
		audience: audienceOf(ctx.actor)
	});
	return { values, entries };
}

type Entry = { value: number; note: string | null; enteredAt: string; enteredBy: string | null };

export type IndicatorView = ReturnType<typeof definition> & { counts: string };

function definition(row: IndicatorRow, areaName: string | null) {
	return {
		id: row.id,
		organisationId: row.organisationId,
		areaId: row.areaId,
		areaName,
		name: row.name,
		description: row.description,
		template: row.template,
		metric: row.metric,
		measure: row.measure,
		manual: !row.metric,
		perWeek: row.perWeek,
		filters: row.filters as MetricFilters,
		target: row.target,
		periodType: row.periodType,
		programmeStartMonth: row.programmeStartMonth,
		startsOn: row.startsOn,
		endsOn: row.endsOn
	};
}

async function view(ctx: Ctx, row: IndicatorRow, locale: string): Promise<IndicatorView> {
	const [area] = row.areaId ? await ctx.db.select({ name: areasArea.name }).from(areasArea).where(eq(areasArea.id, row.areaId)) : [];
	const counts = countsWords({ ...row, filters: row.filters as MetricFilters }, locale, await activityTitles(ctx, row));
	return { ...definition(row, area?.name ?? null), counts };
}

export const defineIndicator = defineVerb({
	name: 'indicators.indicator.define',
	summary:
		'Define an indicator: what it counts (a built-in template, a metric with filters, or manual), a target, a period type and a range of whole periods',
	permission: permission(MANAGE),
	input: defineIndicatorInput,
	writes: true,
	access: async (ctx, input) => {
		const place = { organisationId: input.organisationId, areaId: input.areaId };
		if (!can(ctx.actor, MANAGE, place)) throw new ForbiddenError(MANAGE);
		// Chosen activities must be the organisation's own (and the neighbourhood's, for a neighbourhood's indicator).
		const ids = input.filters.activityIds ?? [];
		if (ids.length) {
			const found = await ctx.db
				.select({ id: activitiesActivity.id, organisationId: activitiesActivity.organisationId, areaId: activitiesActivity.areaId })
				.from(activitiesActivity)
				.where(inArray(activitiesActivity.id, ids));
			const fits = found.filter((a) => a.organisationId === input.organisationId && (!input.areaId || a.areaId === input.areaId));
			if (fits.length !== new Set(ids).size) throw new InvalidError({ filters: 'ind_error_activities' });
		}
		return place;
	},
	run: async (ctx, input, place) => {
		const [row] = await ctx.db
			.insert(indicatorsIndicator)
			.values({
				...place,
				name: input.name,
				description: input.description ?? null,
				template: input.template ?? null,
				metric: input.metric,
				measure: input.measure,
				perWeek: input.perWeek,
				filters: input.filters,
				target: input.target,
				periodType: input.periodType,
				programmeStartMonth: input.programmeStartMonth,
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: indicatorsIndicator.id })
			.catch(unknownPlace);
		return { id: row!.id };
	},
	audit: (input, out) => ({
		action: 'create',
		entity: 'indicators_indicator',
		entityId: out.id,
		details: { metric: input.metric, template: input.template ?? null }
	})
});

/** How many periods the dashboard shows per indicator (its small chart): the last ones started. */
export const RECENT = 6;

export const listIndicators = defineVerb({
	name: 'indicators.indicator.list',
	summary: 'The indicators in the caller’s scope, each with what it counts and its latest periods against the target',
	permission: permission(READ),
	input: listIndicatorsInput.and(z.object({ locale: z.string().max(10).optional() })),
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, READ, { organisation: indicatorsIndicator.organisationId, area: indicatorsIndicator.areaId }),
	run: async (ctx, input, scope) => {
		const rows = await ctx.db
			.select()
			.from(indicatorsIndicator)
			.where(and(scope, isNull(indicatorsIndicator.archivedAt), input.areaId ? eq(indicatorsIndicator.areaId, input.areaId) : undefined))
			.orderBy(asc(indicatorsIndicator.name));
		const today = todayInBelgium();
		return Promise.all(
			rows.map(async (row) => {
				const started = periodsOfIndicator(row).filter((p) => p.from <= today);
				const { values } = await valuesOf(ctx, row, started.slice(-RECENT));
				// The latest period that is over (a month just begun says little), else the current one.
				return {
					...(await view(ctx, row, localeOf(ctx, input.locale))),
					recent: values,
					latest: values.filter((v) => !v.current).at(-1) ?? values.at(-1) ?? null
				};
			})
		);
	}
});

async function readable(ctx: Ctx, id: string, lock = false): Promise<IndicatorRow> {
	const q = ctx.db.select().from(indicatorsIndicator).where(eq(indicatorsIndicator.id, id));
	const [row] = lock ? await q.for('update') : await q;
	if (!row || !can(ctx.actor, READ, row)) throw new NotFoundError();
	return row;
}

export const getIndicatorValues = defineVerb({
	name: 'indicators.value.list',
	summary: 'An indicator’s values per period (default its whole range): value, target, traffic-light status and what it counts, from live data',
	permission: permission(READ),
	input: indicatorValuesInput.and(z.object({ locale: z.string().max(10).optional() })),
	writes: false,
	access: (ctx, { id }) => readable(ctx, id),
	run: async (ctx, input, row) => {
		const range = rangeOf(row);
		const from = input.from && input.from > range.from ? input.from : range.from;
		const to = input.to && addDays(input.to, 1) < range.to ? addDays(input.to, 1) : range.to;
		const periods = periodsOf(from, to, row.periodType, row.programmeStartMonth).filter((p) => p.to > range.from && p.from < range.to);
		const { values, entries } = await valuesOf(ctx, row, periods);
		return {
			indicator: await view(ctx, row, localeOf(ctx, input.locale)),
			mayRecord: !row.metric && can(ctx.actor, RECORD, row),
			periods: values.map((v) => ({ ...v, entry: entries.get(v.from) ?? null }))
		};
	}
});

export const recordIndicatorValue = defineVerb({
	name: 'indicators.value.record',
	summary: 'Enter a manual indicator’s value for one period (replaces an earlier one, audited, with who entered it)',
	permission: permission(RECORD),
	input: recordValueInput,
	writes: true,
	access: async (ctx, { id }) => {
		const row = await readable(ctx, id, true);
		if (!can(ctx.actor, RECORD, row)) throw new ForbiddenError(RECORD);
		return row;
	},
	run: async (ctx, input, row) => {
		if (row.metric) throw new InvalidError({ value: 'ind_error_computed' });
		if (!periodsOfIndicator(row).some((p) => p.from === input.periodStart)) throw new InvalidError({ periodStart: 'ind_error_period' });
		const [before] = await ctx.db
			.select({ value: indicatorsValue.value })
			.from(indicatorsValue)
			.where(and(eq(indicatorsValue.indicatorId, row.id), eq(indicatorsValue.periodStart, input.periodStart)));
		const values = { value: input.value, note: input.note ?? null, enteredByUserId: ctx.actor.userId, enteredAt: new Date() };
		const [saved] = await ctx.db
			.insert(indicatorsValue)
			.values({ indicatorId: row.id, periodStart: input.periodStart, ...values })
			.onConflictDoUpdate({ target: [indicatorsValue.indicatorId, indicatorsValue.periodStart], set: values })
			.returning({ id: indicatorsValue.id });
		return { id: saved!.id, indicatorId: row.id, periodStart: input.periodStart, value: input.value, previous: before?.value ?? null };
	},
	audit: (_input, out) => ({
		action: out.previous === null ? 'create' : 'update',
		entity: 'indicators_value',
		entityId: out.id,
		details: { indicatorId: out.indicatorId, periodStart: out.periodStart, value: out.value, previous: out.previous }
	})
});

/** The choices of the new-indicator form: the organisations and neighbourhoods the actor may define for, and their activities. */
export const indicatorChoices = defineVerb({
	name: 'indicators.indicator.choices',
	summary: 'Where the actor may define indicators, and the activities they may count',
	permission: permission(MANAGE),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, MANAGE, { organisation: activitiesActivity.organisationId, area: activitiesActivity.areaId }),
	run: async (ctx, _input, scope) => {
		const grants = ctx.actor.grants.filter((g) => can(ctx.actor, MANAGE, { organisationId: g.organisationId, areaId: g.areaId }));
		const areas = await ctx.db.select({ id: areasArea.id, name: areasArea.name }).from(areasArea).orderBy(asc(areasArea.name));
		const activities = await ctx.db
			.select({ id: activitiesActivity.id, title: activitiesActivity.title, organisationId: activitiesActivity.organisationId })
			.from(activitiesActivity)
			.where(and(scope, isNull(activitiesActivity.archivedAt)))
			.orderBy(asc(activitiesActivity.title))
			.limit(500);
		const orgWide = grants.some((g) => g.areaId === null || g.role === 'admin');
		return {
			organisationIds: [...new Set(grants.map((g) => g.organisationId))],
			orgWide,
			areas: orgWide ? areas : areas.filter((a) => grants.some((g) => g.areaId === a.id)),
			activities
		};
	}
});
