import { addDays, BELGIAN_ZONE, dayOfWeek } from '../core/index.ts';
// A small iCalendar (RFC 5545) writer for weekly office hours. Pure: no I/O, no clock.
// Times are local to the Belgian zone (with its VTIMEZONE), so an office hour at 10:00 stays at 10:00
// across the change to and from summer time; a UTC time would drift by an hour twice a year.

export const TZID = BELGIAN_ZONE;

export type WeeklyEvent = {
	/** Stable across feeds: calendars update the event instead of adding a copy. */
	uid: string;
	/** When the event last changed (DTSTAMP). */
	stamp: Date;
	/** First possible date (YYYY-MM-DD); the first occurrence is the first `day` on or after it. */
	from: string;
	/** 0 = Monday … 6 = Sunday. */
	day: number;
	/** Minutes since midnight, local time; end may be 1440 (midnight). */
	start: number;
	end: number;
	summary: string;
	location?: string | null;
	description?: string | null;
};

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

// The Central European rules in force since 1996: summer time from the last Sunday of March at
// 02:00 to the last Sunday of October at 03:00.
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${TZID}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0200',
	'TZNAME:CEST',
	'DTSTART:19700329T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0100',
	'TZNAME:CET',
	'DTSTART:19701025T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
	if (encoder.encode(line).length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	let limit = 75;
	for (const ch of line) {
		const n = encoder.encode(ch).length;
		if (size + n > limit) {
			parts.push(current);
			current = '';
			size = 0;
			limit = 74; // continuation lines start with a space, which counts
		}
		current += ch;
		size += n;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function utcStamp(d: Date): string {
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** A local date-time: `day` plus `minutes` (1440 is midnight at the end of the day). */
function localDateTime(day: string, minutes: number): string {
	const d = addDays(day, Math.floor(minutes / 1440)).replaceAll('-', '');
	const m = minutes % 1440;
	return `${d}T${pad(Math.floor(m / 60))}${pad(m % 60)}00`;
}

/** The first day ('YYYY-MM-DD') on or after `from` that falls on `day` (0 = Monday). */
export function firstOn(from: string, day: number): string {
	return addDays(from, (day + 1 - dayOfWeek(from) + 7) % 7);
}

function event(e: WeeklyEvent): string[] {
	const first = firstOn(e.from, e.day);
	const lines = [
		'BEGIN:VEVENT',
		`UID:${e.uid}`,
		`DTSTAMP:${utcStamp(e.stamp)}`,
		`DTSTART;TZID=${TZID}:${localDateTime(first, e.start)}`,
		`DTEND;TZID=${TZID}:${localDateTime(first, e.end)}`,
		`RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[e.day]}`,
		`SUMMARY:${escapeText(e.summary)}`
	];
	if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
	if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
	lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
	return lines;
}

/** A whole calendar: CRLF line ends, folded lines, one VTIMEZONE, one VEVENT per office hour. */
export function weeklyCalendar(opts: { name: string; events: WeeklyEvent[] }): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Wijkweb//Office hours//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(opts.name)}`,
		`X-WR-TIMEZONE:${TZID}`,
		...VTIMEZONE,
		...opts.events.flatMap(event),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
