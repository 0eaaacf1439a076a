import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../core/index.ts';
import { firstOn, weeklyCalendar, type WeeklyEvent } from './ical.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
const base: WeeklyEvent = {
	uid: '0b8e5a34-1111-4111-8111-111111111111@wijkweb',
	stamp: new Date('2026-03-02T08:30:00Z'),
	from: '2026-03-04', // a Wednesday
	day: 1, // Tuesday
	start: 9 * 60 + 30,
	end: 12 * 60,
	summary: 'Permanentie Rabot',
	location: 'Buurthuis, Wondelgemstraat 1; ingang links'
};

// Unfolds per RFC 5545 §3.1: a CRLF followed by one space or tab is removed.
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('iCalendar feed of office hours', () => {
	const ics = weeklyCalendar({ name: 'Rabot, Gent', events: [base, { ...base, uid: 'b@wijkweb', day: 6, start: 1380, end: 1440, location: null }] });
	const lines = unfold(ics).split('\r\n');

	it('is a VCALENDAR with CRLF line ends and a Europe/Brussels VTIMEZONE', () => {
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(lines).toContain('TZID:Europe/Brussels');
		expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
		expect(lines).toContain('X-WR-CALNAME:Rabot\\, Gent');
	});

	it('writes a weekly recurring event in local time with a stable UID', () => {
		expect(lines).toContain('UID:0b8e5a34-1111-4111-8111-111111111111@wijkweb');
		expect(lines).toContain('DTSTAMP:20260302T083000Z');
		// The first Tuesday on or after Wednesday 4 March 2026 is 10 March.
		expect(lines).toContain('DTSTART;TZID=Europe/Brussels:20260310T093000');
		expect(lines).toContain('DTEND;TZID=Europe/Brussels:20260310T120000');
		expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
		// Sunday until midnight: the end rolls over to Monday 00:00.
		expect(lines).toContain('DTSTART;TZID=Europe/Brussels:20260308T230000');
		expect(lines).toContain('DTEND;TZID=Europe/Brussels:20260309T000000');
		expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
		expect(lines.filter((l) => l.startsWith('LOCATION:'))).toHaveLength(1);
	});

	it('escapes commas, semicolons, backslashes and newlines in text', () => {
		expect(lines).toContain('LOCATION:Buurthuis\\, Wondelgemstraat 1\\; ingang links');
		expect(escapeText('a\\b\nc,d;e')).toBe('a\\\\b\\nc\\,d\\;e');
	});

	it('keeps every line within 75 octets, folding long and multi-byte text without splitting a character', () => {
		const long = weeklyCalendar({
			name: 'x',
			events: [{ ...base, summary: 'مكتب الاستقبال في الحي — ساعات العمل الأسبوعية للمتطوعين والجيران '.repeat(3), location: 'é'.repeat(200) }]
		});
		for (const l of long.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
		const summary = unfold(long)
			.split('\r\n')
			.find((l) => l.startsWith('SUMMARY:'))!;
		expect(summary).toBe('SUMMARY:' + 'مكتب الاستقبال في الحي — ساعات العمل الأسبوعية للمتطوعين والجيران '.repeat(3));
		expect(foldLine('short')).toBe('short');
		expect(foldLine('a'.repeat(76))).toBe('a'.repeat(75) + '\r\n a');
	});

	it('finds the first occurrence on or after a date', () => {
		expect(firstOn('2026-03-02', 0)).toBe('2026-03-02'); // a Monday itself
		expect(firstOn('2026-03-02', 6)).toBe('2026-03-08');
		expect(firstOn('2026-03-03', 0)).toBe('2026-03-09');
	});
});
