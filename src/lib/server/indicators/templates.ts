import { DIRECT_CONTACT_TYPES } from '../fieldwork/index.ts';
import type { Measure, MetricFilters, PeriodType } from '../../measures.ts';

// The built-in definitions a coordinator picks from (issue 15; the Ghent proposal's indicators). Each
// one is a metric, what it counts, its filters, a period and a target to start from; the coordinator
// may change the name, target, period and range. `asks`: what the template needs chosen (a theme, the
// activities). Data only: the page lists them, defineIndicator resolves them.

export type Template = {
	code: string;
	/** Null: a manual indicator (a number entered per period). */
	metric: string | null;
	measure: Measure | null;
	perWeek: boolean;
	filters: MetricFilters;
	periodType: PeriodType;
	target: number;
	asks?: 'theme' | 'activities';
};

// Direct contact: every contact type but those at a distance (fieldwork/hours.ts's rule, not a second one).
const DIRECT = [...DIRECT_CONTACT_TYPES];

export const TEMPLATES: readonly Template[] = [
	{
		code: 'participants_per_month',
		metric: 'activities.attendance',
		measure: 'people',
		perWeek: false,
		filters: {},
		periodType: 'month',
		target: 70
	},
	{
		code: 'young_contact_hours',
		metric: 'fieldwork.contacts',
		measure: 'hours',
		perWeek: false,
		filters: { contactTypes: DIRECT, ageBand: { from: 12, to: 25 } },
		periodType: 'week',
		target: 30
	},
	// A training activity: a session held of an activity with the theme "work and training".
	{
		code: 'training_per_month',
		metric: 'activities.sessions',
		measure: 'events',
		perWeek: false,
		filters: { themes: ['work_training'] },
		periodType: 'month',
		target: 1
	},
	{
		code: 'home_visits_per_year',
		metric: 'fieldwork.contacts',
		measure: 'events',
		perWeek: false,
		filters: { contactTypes: ['home_visit'] },
		periodType: 'year',
		target: 60
	},
	{
		code: 'contacts_per_theme',
		metric: 'fieldwork.contacts',
		measure: 'events',
		perWeek: false,
		filters: {},
		periodType: 'month',
		target: 10,
		asks: 'theme'
	},
	{
		code: 'grocery_families',
		metric: 'activities.attendance',
		measure: 'households',
		perWeek: false,
		filters: {},
		periodType: 'month',
		target: 120,
		asks: 'activities'
	},
	{ code: 'aid_links_made', metric: 'aid.links_made', measure: 'events', perWeek: false, filters: {}, periodType: 'month', target: 10 },
	{ code: 'aid_links_completed', metric: 'aid.links_completed', measure: 'events', perWeek: false, filters: {}, periodType: 'month', target: 10 },
	{ code: 'manual', metric: null, measure: null, perWeek: false, filters: {}, periodType: 'year', target: 1 }
];

export const TEMPLATE_CODES = TEMPLATES.map((t) => t.code) as [string, ...string[]];

export function templateOf(code: string | null | undefined): Template | undefined {
	return TEMPLATES.find((t) => t.code === code);
}
