import { intl } from '#lib/intl.ts';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import type { Cell } from '#lib/stats.ts';

// The words of the fieldwork figures, for the page and the downloads alike: each takes an optional
// locale (pages use the request's language, the download routes pass it). Unknown codes show as-is.

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, Msg | undefined>;
const label = (key: string, code: string, locale?: Locale) => messages[key]?.({}, { locale }) ?? code;

export const contactTypeLabel = (code: string, locale?: Locale) => label(`fw_figures_type_${code}`, code, locale);
export const themeName = (code: string, locale?: Locale) => label(`theme_${code}`, code, locale);
export const questionStatusLabel = (code: string, locale?: Locale) => label(`fw_figures_q_${code}`, code, locale);
export const referralStatusLabel = (code: string, locale?: Locale) => label(`fw_figures_r_${code}`, code, locale);

/** A cell as text: the number in the locale's format, or "<5" when it is suppressed. */
export function figureText(c: Cell, locale?: Locale): string {
	if (c.suppressed || c.value === null) return m.fw_figures_suppressed({}, { locale });
	return intl('NumberFormat', locale, { maximumFractionDigits: 1 }).format(c.value);
}

/** "2025-03" as "Mar 2025" in the locale (a calendar month: no time zone shift). */
export function figuresMonth(month: string, locale?: Locale): string {
	const [y, mo] = month.split('-').map(Number) as [number, number];
	return intl('DateTimeFormat', locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, mo - 1, 1));
}
