import { addDays } from '../core/index.ts';
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

/** A certificate is valid up to and including its last day (as matching reads it). */
export function certificateStatus(validUntil: string | null, today: string): CertificateStatus {
	if (!validUntil) return 'none';
	if (validUntil < today) return 'expired';
	if (validUntil <= addDays(today, EXPIRY_WARNING_DAYS)) return 'expiring';
	return 'valid';
}
