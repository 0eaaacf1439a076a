import { intl } from '../../intl.ts';
// Dates of good-conduct certificates, as whole days ('YYYY-MM-DD') on the neighbourhood house's
// clock: a check recorded in Ghent at 00:30 is "today" there, while UTC still says yesterday. Pure.

/** The longest validity we accept: Belgian extracts are asked fresh; five years is already generous. */
export const CERTIFICATE_MAX_YEARS = 5;
/** What the form proposes when nothing else is known. */
export const CERTIFICATE_USUAL_YEARS = 3;
/** From how close to its end a certificate is shown as expiring. */
export const EXPIRY_WARNING_DAYS = 30;

export const CERTIFICATE_STATUSES = ['valid', 'expiring', 'expired', 'none'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

const TIME_ZONE = 'Europe/Brussels';

/** The day it is at `at` in Belgium. */
export function belgianDay(at: Date = new Date()): string {
	const parts = intl('DateTimeFormat', 'en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

export function addDays(day: string, n: number): string {
	const [y, m, d] = parts(day);
	return toIso(Date.UTC(y, m - 1, d + n));
}

/** The same day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(day: string, n: number): string {
	const [y, m, d] = parts(day);
	const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
	return toIso(Date.UTC(y + n, m - 1, Math.min(d, last)));
}

/** A certificate is valid up to and including its last day (as matching reads it). */
export function certificateStatus(validUntil: string | null, today: string): CertificateStatus {
	if (!validUntil) return 'none';
	if (validUntil < today) return 'expired';
	if (validUntil <= addDays(today, EXPIRY_WARNING_DAYS)) return 'expiring';
	return 'valid';
}
