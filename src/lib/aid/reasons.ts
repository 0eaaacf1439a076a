import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Reason } from './types.ts';
import { intl } from '#lib/intl.ts';

// The reasons of a match score, as a person reads them in their own language. Pure (Intl only), so
// pages, the API and exports all say the same thing.

const MONDAY = Date.UTC(2024, 0, 1); // 1 January 2024 was a Monday

export function languageName(code: string, locale: Locale): string {
	try {
		return intl('DisplayNames', locale, { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

export function formatDistance(metres: number, locale: Locale): string {
	if (metres < 1000) {
		return intl('NumberFormat', locale, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(Math.round(metres / 10) * 10);
	}
	return intl('NumberFormat', locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }).format(metres / 1000);
}

// formatRange is slow (a queue page of 50 needs spent a tenth of its time in it) and windows repeat
// (half hours of seven days), so each text is made once per language.
const windowTexts = new Map<string, string>();

/** "dinsdag 10:00–12:00": a weekly window in the locale's words. */
export function formatWindow(w: { day: number; start: number; end: number }, locale: Locale): string {
	const key = `${locale}|${w.day}|${w.start}|${w.end}`;
	const known = windowTexts.get(key);
	if (known) return known;
	const day = intl('DateTimeFormat', locale, { weekday: 'long', timeZone: 'UTC' }).format(MONDAY + w.day * 86_400_000);
	const time = intl('DateTimeFormat', locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
	const text = `${day} ${time.formatRange(MONDAY + w.start * 60_000, MONDAY + w.end * 60_000)}`;
	if (windowTexts.size < 20_000) windowTexts.set(key, text);
	return text;
}

const dayMs = (date: string) => {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d);
};

/**
 * "dinsdag 8 december, 09:00–12:00", or "dinsdag 8 december" without times: a specific day in the
 * locale's words (no year: days lie at most a year ahead, and the weekday tells them apart).
 */
export function formatDate(d: { date: string; start?: number; end?: number }, locale: Locale): string {
	const day = dayMs(d.date);
	if (d.start === undefined || d.end === undefined) {
		return intl('DateTimeFormat', locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day);
	}
	// Until 24:00 is shown as 23:59: as a range into the next day it would name that day too.
	const end = Math.min(d.end, 1439);
	return intl('DateTimeFormat', locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'UTC'
	}).formatRange(day + d.start * 60_000, day + end * 60_000);
}

/** Weekly windows and specific days together, as one line for a card. */
export function formatWhen(
	item: { windows: { day: number; start: number; end: number }[]; dates?: { date: string; start?: number; end?: number }[] },
	locale: Locale
): string {
	return [...item.windows.map((w) => formatWindow(w, locale)), ...(item.dates ?? []).map((d) => formatDate(d, locale))].join(' · ');
}

export function reasonText(r: Reason, locale: Locale): string {
	const o = { locale };
	switch (r.code) {
		case 'language':
			return m.aid_reason_language({ language: languageName(r.language, locale) }, o);
		case 'distance':
			return m.aid_reason_distance({ distance: formatDistance(r.metres, locale) }, o);
		case 'same_area':
			return m.aid_reason_same_area({}, o);
		case 'time':
			return m.aid_reason_time({ when: formatWindow(r, locale) }, o);
		case 'date':
			return m.aid_reason_date({ when: formatDate(r, locale) }, o);
		case 'experience':
			return m.aid_reason_experience({ count: r.count }, o);
		case 'load':
			return m.aid_reason_load({ count: r.activeLinks }, o);
	}
}

/** "+30", "−5": a reason's points as the API has them, signed so the parts visibly add up to the score. */
export function formatPoints(points: number, locale: Locale): string {
	return intl('NumberFormat', locale, { signDisplay: 'exceptZero' }).format(points);
}
