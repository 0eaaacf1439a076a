import { intl } from '#lib/intl.ts';
import type { Locale } from '#lib/paraglide/runtime.js';
import { formatWindow } from './reasons.ts';

// How the public needs board says "since when" and "when in the week", in the page's language.
// Pure (Intl only). Ages are in whole weeks on purpose: the board never gives an exact date.

/** 0 → "this week", 3 → "3 weeks ago", 10 → "2 months ago". */
export function formatSince(weeks: number, locale: Locale): string {
	const w = Math.max(0, Math.floor(weeks));
	if (w === 0) return intl('RelativeTimeFormat', locale, { numeric: 'auto' }).format(0, 'week');
	const rtf = intl('RelativeTimeFormat', locale, { numeric: 'always' });
	if (w < 9) return rtf.format(-w, 'week');
	return rtf.format(-Math.floor((w * 7) / 30.44), 'month');
}

/** Any of the weekly windows: "Tuesday 10:00–12:00 or Thursday 14:00–16:00". */
export function formatWindows(windows: { day: number; start: number; end: number }[], locale: Locale): string {
	return intl('ListFormat', locale, { type: 'disjunction' }).format(windows.map((w) => formatWindow(w, locale)));
}
