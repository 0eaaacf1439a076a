import { intl } from '#lib/intl.ts';
// How a public page writes a session's day and hours: on the Belgian clock, in the reader's language.

const ZONE = 'Europe/Brussels';

/** "Wednesday 9 December, 14:00–16:00" (the end's day left out when it is the same day). */
export function formatSession(s: { startsAt: Date; endsAt: Date }, locale: string): string {
	return intl('DateTimeFormat', locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: ZONE
	}).formatRange(s.startsAt, s.endsAt);
}
