import { addDays, BELGIAN_ZONE, belgianClock } from './time.ts';
// The one iCalendar (RFC 5545) writer: mutual aid's office hours and the activities' sessions both
// write their feeds with it. Pure: no I/O, no clock. Times are local to the Belgian zone (with its
// VTIMEZONE), so a weekly 10:00 stays at 10:00 across the change to and from summer time.

export const TZID = BELGIAN_ZONE;

/** A local Belgian moment: a day and minutes since its midnight (1440 is the next day's midnight). */
export type LocalTime = { day: string; minute: number };

export type CalendarEvent = {
	/** Stable across feeds: calendars update the event instead of adding a copy. */
	uid: string;
	/** When the event last changed (DTSTAMP). */
	stamp: Date;
	start: LocalTime | Date;
	end: LocalTime | Date;
	/** An RRULE value, e.g. FREQ=WEEKLY;BYDAY=TU. */
	rrule?: string;
	summary: string;
	location?: string | null;
	description?: string | null;
	url?: string | null;
	cancelled?: boolean;
	/** Office hours do not block the visitor's agenda; an activity one goes to does. */
	transparent?: boolean;
};

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

/** A local date-time value; an instant is first read on the Belgian wall clock. */
function localDateTime(t: LocalTime | Date): string {
	const { day, minute } = t instanceof Date ? { day: belgianClock(t).day, minute: belgianClock(t).minute } : t;
	const d = addDays(day, Math.floor(minute / 1440)).replaceAll('-', '');
	const m = minute % 1440;
	return `${d}T${pad(Math.floor(m / 60))}${pad(m % 60)}00`;
}

function event(e: CalendarEvent): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${e.uid}`,
		`DTSTAMP:${utcStamp(e.stamp)}`,
		`DTSTART;TZID=${TZID}:${localDateTime(e.start)}`,
		`DTEND;TZID=${TZID}:${localDateTime(e.end)}`
	];
	if (e.rrule) lines.push(`RRULE:${e.rrule}`);
	lines.push(`SUMMARY:${escapeText(e.summary)}`);
	if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
	if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
	if (e.url) lines.push(`URL:${e.url}`);
	if (e.cancelled) lines.push('STATUS:CANCELLED');
	lines.push(`TRANSP:${e.transparent ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
	return lines;
}

/** A whole calendar: CRLF line ends, folded lines, one VTIMEZONE, one VEVENT per event. */
export function calendar(opts: { name: string; events: CalendarEvent[] }): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Wijkweb//Neighbourhood calendar//EN',
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
