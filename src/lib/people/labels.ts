import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/paraglide/runtime.js';
import { COUNTRIES, countryName } from '#lib/countries.ts';

// Words for a person's record, shared by its pages. Pure: no server code.

export const CHANNEL_CODES = ['phone', 'sms', 'email', 'visit', 'letter'] as const;

const CHANNEL: Record<string, () => string> = {
	phone: m.people_channel_phone,
	sms: m.people_channel_sms,
	email: m.people_channel_email,
	visit: m.people_channel_visit,
	letter: m.people_channel_letter
};
export const channelLabel = (code: string) => CHANNEL[code]?.() ?? code;

const REASON: Record<string, () => string> = {
	same_name: m.people_reason_same_name,
	similar_name: m.people_reason_similar_name,
	same_area: m.people_reason_same_area,
	same_birth_year: m.people_reason_same_birth_year,
	near_birth_year: m.people_reason_near_birth_year
};
export const duplicateReasonLabel = (code: string) => REASON[code]?.() ?? code;

/** Every country, labelled in the page's language and sorted by that label (so "Marokko" is under M in Dutch). */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
	const collator = new Intl.Collator(locale);
	return COUNTRIES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}
