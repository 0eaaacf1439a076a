import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import { contactTypeLabel, figuresMonth, questionStatusLabel, referralStatusLabel, themeName } from '#lib/fieldwork/figures-labels.ts';
import type { FiguresSheetLabels, getFieldworkFigures } from '#lib/server/fieldwork/index.ts';

// What the figures page and its downloads share: the query string they read, and the words of a file.

const FIELDS = ['from', 'to', 'areaId', 'theme', 'type'] as const;

/** The query as typed (cut short: it is echoed into the form); absent dates: the verb's default period. */
export function figuresQuery(url: URL): Record<(typeof FIELDS)[number], string> {
	return Object.fromEntries(FIELDS.map((k) => [k, (url.searchParams.get(k) ?? '').slice(0, 40)])) as Record<(typeof FIELDS)[number], string>;
}

/** The verb's input from the query as typed: an empty date is no date (the default period); the verb validates the rest. */
export function figuresInputOf(values: Record<(typeof FIELDS)[number], string>) {
	return { ...values, from: values.from || undefined, to: values.to || undefined } as Parameters<typeof getFieldworkFigures>[1];
}

export const localeOf = (l: string): Locale => (isLocale(l) ? l : baseLocale);

export function sheetLabels(locale: Locale, filterText: string, homeTarget: number): FiguresSheetLabels {
	const o = { locale };
	return {
		title: m.fw_figures_title({}, o),
		period: m.fw_figures_period_label({}, o),
		filters: m.fw_figures_filters_label({}, o),
		filterText,
		figure: m.fw_figures_figure({}, o),
		value: m.fw_figures_value({}, o),
		contacts: m.fw_figures_contacts({}, o),
		hours: m.fw_figures_hours({}, o),
		knownPeople: m.fw_figures_known_people({}, o),
		anonymousPeople: m.fw_figures_anonymous({}, o),
		homeVisits: m.fw_figures_home_visits({}, o),
		byType: m.fw_figures_by_type({}, o),
		byTheme: m.fw_figures_by_theme({}, o),
		byMonth: m.fw_figures_by_month({}, o),
		byArea: m.fw_figures_by_area({}, o),
		type: m.fw_figures_type_col({}, o),
		theme: m.fw_figures_theme_col({}, o),
		month: m.fw_figures_month({}, o),
		area: m.fw_figures_area_col({}, o),
		noArea: m.fw_figures_no_area({}, o),
		homeVisitsPerYear: m.fw_figures_home_per_year({}, o),
		year: m.fw_figures_year({}, o),
		target: m.fw_figures_target({}, o),
		workers: m.fw_figures_workers({}, o),
		perWorker: m.fw_figures_per_worker({}, o),
		questions: m.fw_figures_questions({}, o),
		referrals: m.fw_figures_referrals({}, o),
		byPartner: m.fw_figures_by_partner({}, o),
		partner: m.fw_figures_partner({}, o),
		toActivity: m.fw_figures_to_activity({}, o),
		overrides: m.fw_figures_overrides({}, o),
		status: m.fw_figures_status({}, o),
		count: m.fw_figures_count({}, o),
		typeName: (c) => contactTypeLabel(c, locale),
		themeName: (c) => themeName(c, locale),
		monthName: (mo) => figuresMonth(mo, locale),
		questionStatus: (c) => questionStatusLabel(c, locale),
		referralStatus: (c) => referralStatusLabel(c, locale),
		suppressed: m.fw_figures_suppressed({}, o),
		notes: [
			m.fw_figures_whole_months({}, o),
			m.fw_figures_suppressed_note({}, o),
			m.fw_figures_theme_note({}, o),
			m.fw_figures_anonymous_help({}, o),
			m.fw_figures_home_visits_help({ target: String(homeTarget) }, o),
			m.fw_figures_filters_note({}, o)
		]
	};
}
