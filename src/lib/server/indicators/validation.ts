import { z } from 'zod';
import { addDays, addYears, line, optionalLine } from '../core/index.ts';
import { ACTIVITY_KINDS } from '../activities/index.ts';
import { CATEGORY_CODES } from '../aid/index.ts';
import { CONTACT_TYPES } from '../fieldwork/index.ts';
import { FILTER_NAMES, MEASURES, PERIOD_TYPES, type FilterName, type MetricFilters } from '../../measures.ts';
import { THEMES } from '../../themes.ts';
import { isWholePeriods } from './periods.ts';
import { metricOf } from './registry.ts';
import { TEMPLATE_CODES, templateOf } from './templates.ts';

// What an indicator may be: one schema for the page's form (indicators/form.ts turns the fields into
// this) and the API. Every refusal is a 422 with the field and a message in the reader's language,
// before anything is written.

const day = z.iso.date('ind_error_date');
export const EARLIEST = '1900-01-01';
export const MAX_YEARS = 10;

/** Codes a filter may name, by filter (ageBand and activityIds are checked by shape). */
const KNOWN: Partial<Record<FilterName, readonly string[]>> = {
	contactTypes: CONTACT_TYPES,
	themes: THEMES,
	activityKinds: ACTIVITY_KINDS,
	aidCategories: CATEGORY_CODES
};

const codes = z.array(z.string().max(60, 'error_too_long'), 'ind_error_filter').max(40, 'error_too_long');
export const filtersInput = z.strictObject(
	{
		contactTypes: codes.optional(),
		themes: codes.optional(),
		activityKinds: codes.optional(),
		aidCategories: codes.optional(),
		activityIds: z.array(z.uuid('ind_error_filter'), 'ind_error_filter').max(40, 'error_too_long').optional(),
		ageBand: z
			.object({
				from: z.int('ind_error_age_band').min(0, 'ind_error_age_band').max(120, 'ind_error_age_band'),
				to: z.int('ind_error_age_band').min(0, 'ind_error_age_band').max(120, 'ind_error_age_band')
			})
			.refine((b) => b.from <= b.to, 'ind_error_age_band')
			.optional()
	},
	{ error: 'ind_error_filter' }
);

/** The first error of a metric's filters, or null: a filter it does not understand, a code it does not know. */
export function filterError(accepted: readonly FilterName[], filters: MetricFilters): string | null {
	for (const name of FILTER_NAMES) {
		const value = filters[name];
		if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
		if (!accepted.includes(name)) return 'ind_error_filter';
		const known = KNOWN[name];
		if (known && (value as string[]).some((v) => !known.includes(v))) return name === 'themes' ? 'ind_error_theme' : 'ind_error_filter_value';
	}
	return null;
}

/** Drops empty lists, so "no filter" is stored one way. */
function tidy(filters: MetricFilters): MetricFilters {
	return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as MetricFilters;
}

/** The fields as sent (the API document's request); defineIndicatorInput resolves and checks them. */
export const defineIndicatorFields = z.object({
	organisationId: z.uuid('error_required'),
	areaId: z.uuid('error_choice').nullish(),
	name: line(2, 120),
	description: optionalLine(500),
	template: z.enum(TEMPLATE_CODES, 'error_choice').nullish(),
	metric: z.string().max(60, 'error_choice').nullish(),
	measure: z.enum(MEASURES, 'ind_error_measure').nullish(),
	perWeek: z.boolean('error_choice').default(false),
	filters: filtersInput.default({}),
	target: z.number('ind_error_target').min(0, 'ind_error_target').max(1_000_000_000, 'ind_error_target'),
	periodType: z.enum(PERIOD_TYPES, 'ind_error_period_type'),
	programmeStartMonth: z.int('ind_error_programme_month').min(1, 'ind_error_programme_month').max(12, 'ind_error_programme_month').nullish(),
	startsOn: day,
	/** The last day of the range, included. */
	endsOn: day
});

export const defineIndicatorInput = defineIndicatorFields
	// A template says what is counted; the coordinator's own filters only add what it asks (a theme, the activities).
	.transform((v) => {
		const t = templateOf(v.template);
		const base = t ? { metric: t.metric, measure: t.measure, perWeek: t.perWeek, filters: { ...t.filters, ...tidy(v.filters) } } : {};
		const out = { ...v, ...base, filters: tidy(base.filters ?? v.filters) };
		return {
			...out,
			metric: out.metric || null,
			measure: out.metric ? (out.measure ?? null) : null,
			perWeek: out.metric ? out.perWeek : false,
			programmeStartMonth: out.periodType === 'programme_year' ? (out.programmeStartMonth ?? null) : null,
			areaId: out.areaId ?? null
		};
	})
	.superRefine((v, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (v.metric) {
			const metric = metricOf(v.metric);
			if (!metric) issue('metric', 'ind_error_metric');
			else {
				if (!v.measure || !metric.measures.includes(v.measure)) issue('measure', 'ind_error_measure');
				const bad = filterError(metric.filters, v.filters);
				if (bad) issue('filters', bad);
			}
		} else if (Object.keys(v.filters).length) issue('filters', 'ind_error_filter');
		const asks = templateOf(v.template)?.asks;
		if (asks === 'theme' && !v.filters.themes?.length) issue('filters', 'ind_error_theme');
		if (asks === 'activities' && !v.filters.activityIds?.length) issue('filters', 'ind_error_activities');
		if (v.periodType === 'programme_year' && !v.programmeStartMonth) issue('programmeStartMonth', 'ind_error_programme_month');
		const to = addDays(v.endsOn, 1);
		if (v.startsOn < EARLIEST || v.endsOn > '2999-12-31') issue('startsOn', 'ind_error_range_early');
		else if (v.endsOn < v.startsOn) issue('endsOn', 'ind_error_range_order');
		else if (addYears(v.startsOn, MAX_YEARS) < to) issue('endsOn', 'ind_error_range_long');
		else if (!isWholePeriods(v.startsOn, to, v.periodType, v.programmeStartMonth)) issue('endsOn', 'ind_error_range_periods');
	});

/** A range of periods to read (absent: the indicator's whole range); whole periods overlapping it are answered. */
export const indicatorValuesInput = z
	.object({
		id: z.uuid('error_not_found'),
		from: day.optional(),
		to: day.optional().describe('The last day, included.')
	})
	.superRefine((v, ctx) => {
		if (v.from && v.from < EARLIEST) ctx.addIssue({ code: 'custom', path: ['from'], message: 'ind_error_range_early' });
		if (v.to && v.to < EARLIEST) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ind_error_range_early' });
		if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'ind_error_range_order' });
		else if (v.from && v.to && addYears(v.from, MAX_YEARS) < addDays(v.to, 1))
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'ind_error_range_long' });
	});

export const recordValueInput = z.object({
	id: z.uuid('error_not_found'),
	periodStart: day,
	value: z.number('ind_error_value').min(0, 'ind_error_value').max(1_000_000_000, 'ind_error_value'),
	note: optionalLine(300)
});

export const listIndicatorsInput = z.object({ areaId: z.uuid('error_choice').optional() }).default({});
