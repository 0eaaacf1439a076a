import { addDays, calendar, dayOfWeek, type CalendarEvent } from '../core/index.ts';
// Weekly office hours as iCalendar events, written by core's one iCalendar writer (core/ical.ts).

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

/** The first day ('YYYY-MM-DD') on or after `from` that falls on `day` (0 = Monday). */
export function firstOn(from: string, day: number): string {
	return addDays(from, (day + 1 - dayOfWeek(from) + 7) % 7);
}

/** An office hour as a weekly recurring event, transparent (it does not block the visitor's agenda). */
export function weeklyEvent(e: WeeklyEvent): CalendarEvent {
	const first = firstOn(e.from, e.day);
	return {
		uid: e.uid,
		stamp: e.stamp,
		start: { day: first, minute: e.start },
		end: { day: first, minute: e.end },
		rrule: `FREQ=WEEKLY;BYDAY=${BYDAY[e.day]}`,
		summary: e.summary,
		location: e.location,
		description: e.description,
		transparent: true
	};
}

/** A calendar of office hours only (the office-hours.ics feed). */
export function weeklyCalendar(opts: { name: string; events: WeeklyEvent[] }): string {
	return calendar({ name: opts.name, events: opts.events.map(weeklyEvent) });
}
