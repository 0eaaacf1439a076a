import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { Measure, MetricFilters, PeriodType } from '../../measures.ts';

// What an indicator counts, in words a steering group understands (the known indicator system's users
// kept confusing events, enrolments and distinct people: every indicator says which it is). Pure: the
// message functions only pick texts. E.g. "hours of contact with people aged 12–25, average per week".

type Msg = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;
const table = m as unknown as Record<string, Msg | undefined>;

export type Counted = {
	metric: string | null;
	measure: Measure | null;
	perWeek: boolean;
	filters: MetricFilters;
	periodType: PeriodType;
	programmeStartMonth: number | null;
};

function say(key: string, locale: Locale, inputs: Record<string, unknown> = {}): string {
	const fn = table[key];
	return fn ? fn(inputs, { locale }) : key;
}

const list = (codes: readonly string[], prefix: string, locale: Locale) =>
	codes.map((c) => say(`${prefix}${c}`, locale)).join(locale === 'ar' ? '، ' : ', ');

/** The sentence for an indicator, in `locale` (nl when unknown). */
export function countsWords(c: Counted, localeName: string, activityTitles: readonly string[] = []): string {
	const locale: Locale = isLocale(localeName) ? localeName : baseLocale;
	if (!c.metric || !c.measure) return say('ind_counts_manual', locale, { period: say(`ind_per_${c.periodType}`, locale) });
	const parts = [say(`ind_counts_${c.metric.replace('.', '_')}_${c.measure}`, locale)];
	const f = c.filters;
	if (f.ageBand) parts.push(say('ind_counts_age', locale, { from: f.ageBand.from, to: f.ageBand.to }));
	if (f.contactTypes?.length) parts.push(say('ind_counts_types', locale, { list: list(f.contactTypes, 'fw_contact_type_', locale) }));
	if (f.themes?.length) parts.push(say('ind_counts_themes', locale, { list: list(f.themes, 'theme_', locale) }));
	if (f.activityKinds?.length) parts.push(say('ind_counts_kinds', locale, { list: list(f.activityKinds, 'ind_kind_', locale) }));
	if (f.activityIds?.length)
		parts.push(
			activityTitles.length
				? say('ind_counts_activities', locale, { list: activityTitles.join(', ') })
				: say('ind_counts_activities_n', locale, { count: f.activityIds.length })
		);
	if (f.aidCategories?.length) parts.push(say('ind_counts_categories', locale, { list: list(f.aidCategories, 'aid_cat_', locale) }));
	const every =
		c.periodType === 'programme_year'
			? say('ind_per_programme_year_from', locale, { month: say(`ind_month_${c.programmeStartMonth ?? 1}`, locale) })
			: say(`ind_per_${c.periodType}`, locale);
	parts.push(c.perWeek ? say('ind_counts_per_week', locale, { period: every }) : every);
	// Arabic writes its own comma.
	return parts.join(locale === 'ar' ? '، ' : ', ');
}
