import type { Locale } from '#lib/aid/reach-labels.ts';
import { FIGURE_LABELS } from '#lib/aid/reach-labels.ts';
import { categoryLabelIn } from '#lib/labels.ts';
import { m } from '#lib/paraglide/messages.js';
import { isLocale, baseLocale } from '#lib/paraglide/runtime.js';
import { lastTwelveMonths, REACH_FIGURES, type ReachFigure, type ReachSheetLabels } from '#lib/server/aid/index.ts';
import { todayInBelgium } from '#lib/server/core/index.ts';

// What the reach page and its downloads share: the query string they read, and the words of a file.

/** The query as typed: a missing period falls back to the 12 whole months up to this one; the verb validates. */
export function reachQuery(url: URL) {
	const sp = url.searchParams;
	const defaults = lastTwelveMonths(todayInBelgium());
	const text = (k: string, fallback: string) => (sp.get(k) ?? fallback).slice(0, 40);
	return { areaId: text('areaId', ''), from: text('from', defaults.from), to: text('to', defaults.to) };
}

export const localeOf = (l: string): Locale => (isLocale(l) ? l : baseLocale);

export function sheetLabels(locale: Locale, areaName: string): ReachSheetLabels {
	const o = { locale };
	return {
		title: m.reach_title({}, o),
		period: m.reach_period_label({}, o),
		area: m.reach_area({}, o),
		areaName,
		figure: m.reach_figure({}, o),
		value: m.reach_value({}, o),
		figures: Object.fromEntries(REACH_FIGURES.map((k) => [k, FIGURE_LABELS[k].label({}, o)])) as Record<ReachFigure, string>,
		byCategory: m.reach_by_category({}, o),
		monthly: m.reach_monthly({}, o),
		category: m.reach_category({}, o),
		categoryName: (code) => categoryLabelIn(code, locale),
		month: m.reach_month({}, o),
		made: m.reach_made({}, o),
		completed: m.reach_completed({}, o),
		suppressed: m.reach_suppressed({}, o),
		note: `${m.reach_intro({}, o)} ${m.reach_suppressed_note({}, o)}`
	};
}
