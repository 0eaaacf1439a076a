import { intl } from '#lib/intl.ts';
// Weekday and time helpers shared by the office-hour pages. Pure (Intl only).

/** Minutes since midnight → "HH:MM", the value an <input type="time"> shows. */
export function timeValue(minutes: number): string {
	const m = Math.min(Math.max(minutes, 0), 1439);
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The weekday names of a locale, Monday first (for a select). */
export function weekdayNames(locale: string): string[] {
	const fmt = intl('DateTimeFormat', locale, { weekday: 'long', timeZone: 'UTC' });
	return WEEKDAYS.map((_, i) => fmt.format(Date.UTC(2024, 0, 1 + i)));
}

type Slot = { id: string; day: number; start: number; end: number };

/** The office hour most likely on duty now: running now, else the next one today, else today's, else the first. */
export function onDuty<T extends Slot>(hours: T[], now: { day: number; minute: number }): T | null {
	const today = hours.filter((h) => h.day === now.day);
	return (
		today.find((h) => h.start <= now.minute && now.minute < h.end) ??
		today.filter((h) => h.start > now.minute).sort((a, b) => a.start - b.start)[0] ??
		today[0] ??
		hours[0] ??
		null
	);
}
