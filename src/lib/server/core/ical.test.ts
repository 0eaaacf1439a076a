import { describe, expect, it } from 'vitest';
import { calendar, type CalendarEvent } from './ical.ts';

// A small RFC 5545 reader, to check what the writer writes by reading it back: unfold (CRLF + space or
// tab), split each line into name, parameters and value, unescape TEXT values, group into components.
type Prop = { name: string; params: Record<string, string>; value: string };
type Component = { type: string; props: Prop[]; children: Component[] };

function unescape(v: string) {
	return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
function parse(ics: string): Component {
	expect(ics.endsWith('\r\n')).toBe(true);
	expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // only CRLF line ends
	const lines = ics
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
	const root: Component = { type: 'ROOT', props: [], children: [] };
	const stack = [root];
	for (const line of lines) {
		const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
		const [head, value] = [line.slice(0, colon), line.slice(colon + 1)];
		const [name, ...params] = head.split(';');
		if (name === 'BEGIN') {
			const c: Component = { type: value, props: [], children: [] };
			stack.at(-1)!.children.push(c);
			stack.push(c);
		} else if (name === 'END') expect(stack.pop()!.type).toBe(value);
		else stack.at(-1)!.props.push({ name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value });
	}
	expect(stack).toHaveLength(1);
	return root.children[0]!;
}
const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);

const base: CalendarEvent = {
	uid: 'activity-session-1@wijkweb',
	stamp: new Date('2026-11-30T08:00:00Z'),
	// Wednesday 9 December 2026, 14:00–16:00 in Brussels (winter: UTC+1).
	start: new Date('2026-12-09T13:00:00Z'),
	end: new Date('2026-12-09T15:00:00Z'),
	summary: 'Naaiatelier; stof, naald\\draad',
	location: 'Wijkhuis Rabot, Opgeëistenlaan 1',
	description: 'Breng je eigen kledij mee.\nKoffie staat klaar.',
	url: 'https://wijkweb.example/areas/rabot/activities/1'
};

describe('the iCalendar writer', () => {
	it('writes a VCALENDAR with a Europe/Brussels VTIMEZONE that a reader reads back', () => {
		const cal = parse(calendar({ name: 'Wijkagenda Rabot, Gent', events: [base] }));
		expect(cal.type).toBe('VCALENDAR');
		expect(prop(cal, 'VERSION')!.value).toBe('2.0');
		expect(unescape(prop(cal, 'X-WR-CALNAME')!.value)).toBe('Wijkagenda Rabot, Gent');
		const tz = cal.children.find((c) => c.type === 'VTIMEZONE')!;
		expect(prop(tz, 'TZID')!.value).toBe('Europe/Brussels');
		expect(tz.children.map((c) => c.type)).toEqual(['DAYLIGHT', 'STANDARD']);
	});

	it('writes an instant on the Belgian clock, in winter and in summer, with the text unescaped intact', () => {
		const summer = { ...base, uid: 'b@wijkweb', start: new Date('2026-07-01T12:00:00Z'), end: new Date('2026-07-01T14:00:00Z'), cancelled: true };
		const cal = parse(calendar({ name: 'x', events: [base, summer] }));
		const [winter, july] = cal.children.filter((c) => c.type === 'VEVENT');
		expect(prop(winter!, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Brussels' }, value: '20261209T140000' });
		expect(prop(winter!, 'DTEND')!.value).toBe('20261209T160000');
		expect(prop(july!, 'DTSTART')!.value).toBe('20260701T140000'); // summer: UTC+2
		expect(prop(winter!, 'DTSTAMP')!.value).toBe('20261130T080000Z');
		expect(prop(winter!, 'UID')!.value).toBe('activity-session-1@wijkweb');
		expect(unescape(prop(winter!, 'SUMMARY')!.value)).toBe(base.summary);
		expect(unescape(prop(winter!, 'LOCATION')!.value)).toBe(base.location);
		expect(unescape(prop(winter!, 'DESCRIPTION')!.value)).toBe(base.description);
		expect(prop(winter!, 'URL')!.value).toBe(base.url);
		expect(prop(winter!, 'STATUS')).toBeUndefined();
		expect(prop(july!, 'STATUS')!.value).toBe('CANCELLED');
		expect(prop(winter!, 'TRANSP')!.value).toBe('OPAQUE');
	});

	it('writes local times with a weekly rule, and folds long lines at 75 octets without splitting a character', () => {
		const long = 'ورشة الخياطة في بيت الحي — كل أسبوع مع الجيران والمتطوعين '.repeat(4);
		const ics = calendar({
			name: 'x',
			events: [
				{
					...base,
					start: { day: '2026-12-09', minute: 840 },
					end: { day: '2026-12-09', minute: 1440 },
					rrule: 'FREQ=WEEKLY;BYDAY=WE',
					summary: long,
					transparent: true
				}
			]
		});
		for (const l of ics.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
		const ev = parse(ics).children.find((c) => c.type === 'VEVENT')!;
		expect(unescape(prop(ev, 'SUMMARY')!.value)).toBe(long);
		expect(prop(ev, 'DTSTART')!.value).toBe('20261209T140000');
		expect(prop(ev, 'DTEND')!.value).toBe('20261210T000000'); // midnight rolls over to the next day
		expect(prop(ev, 'RRULE')!.value).toBe('FREQ=WEEKLY;BYDAY=WE');
		expect(prop(ev, 'TRANSP')!.value).toBe('TRANSPARENT');
	});
});
