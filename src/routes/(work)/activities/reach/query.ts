import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import { countryName } from '#lib/countries.ts';
import { REACH_FIGURE_LABELS } from '#lib/activities/reach-labels.ts';
import { ACTIVITY_REACH_FIGURES, type ActivityReachFigure, type ActivityReachSheetLabels } from '#lib/server/activities/index.ts';
import { todayInBelgium } from '#lib/server/core/index.ts';
import { lastTwelveMonths } from '#lib/server/stats/index.ts';

// What the reach page and its downloads share: the query string they read, and the words of a file.

/** The query as typed: a missing period is the 12 whole months up to this one; the verb validates. */
export function reachQuery(url: URL) {
	const sp = url.searchParams;
	const defaults = lastTwelveMonths(todayInBelgium());
	const text = (k: string, fallback = '') => (sp.get(k) ?? fallback).slice(0, 40);
	return {
		from: text('from', defaults.from),
		to: text('to', defaults.to),
		areaId: text('areaId'),
		kind: text('kind'),
		activityIds: sp.getAll('activity').map((v) => v.slice(0, 40))
	};
}

/** The same query for a link (the downloads), as the verb answered it (whole months). */
export function queryString(r: { period: { from: string; to: string }; areaId: string | null; kind: string | null; activityIds: string[] }) {
	const sp = new URLSearchParams({ from: r.period.from, to: r.period.to, areaId: r.areaId ?? '', kind: r.kind ?? '' });
	for (const id of r.activityIds) sp.append('activity', id);
	return sp.toString();
}

export const localeOf = (l: string): Locale => (isLocale(l) ? l : baseLocale);

export function sheetLabels(locale: Locale, scopeName: string): ActivityReachSheetLabels {
	const o = { locale };
	return {
		title: m.reach_act_title({}, o),
		period: m.reach_act_period_label({}, o),
		scope: m.reach_act_scope({}, o),
		scopeName,
		figure: m.reach_act_figure({}, o),
		value: m.reach_act_value({}, o),
		figures: Object.fromEntries(ACTIVITY_REACH_FIGURES.map((k) => [k, REACH_FIGURE_LABELS[k]({}, o)])) as unknown as Record<
			ActivityReachFigure,
			string
		>,
		countries: m.reach_act_countries({}, o),
		country: m.reach_act_country({}, o),
		countryName: (code) => countryName(code, locale),
		unknown: m.reach_act_unknown({}, o),
		people: m.reach_act_people({}, o),
		monthly: m.reach_act_monthly({}, o),
		month: m.reach_act_month({}, o),
		participants: m.reach_act_participants({}, o),
		newcomers: m.reach_act_newcomers({}, o),
		returning: m.reach_act_returning({}, o),
		perActivity: m.reach_act_per_activity({}, o),
		activity: m.reach_act_activity({}, o),
		sessions: m.reach_act_sessions({}, o),
		attendances: m.reach_act_attendances({}, o),
		anonymous: m.reach_act_anonymous({}, o),
		suppressed: m.reach_act_suppressed({}, o),
		note: `${m.reach_act_intro({}, o)} ${m.reach_act_suppressed_note({}, o)}`
	};
}
