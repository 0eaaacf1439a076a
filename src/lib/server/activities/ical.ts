import type { CalendarEvent } from '../core/index.ts';
// The public sessions of activities as iCalendar events (core/ical.ts writes them). Pure: the feeds
// (/areas/<code>/calendar.ics, /areas/<code>/activities/<id>.ics) hand in what public.ts read.

export type PublicSessionEvent = {
	id: string;
	activityId: string;
	title: string;
	description: string | null;
	startsAt: Date;
	endsAt: Date;
	place: string | null;
	updatedAt: Date;
	/** The activity's public page, so the calendar entry leads back to it. */
	url: string | null;
};

/** One event per session (not an RRULE): sessions are rows of their own, moved or cancelled one by one. */
export function sessionEvent(s: PublicSessionEvent): CalendarEvent {
	return {
		uid: `activity-session-${s.id}@wijkweb`,
		stamp: s.updatedAt,
		start: s.startsAt,
		end: s.endsAt,
		summary: s.title,
		location: s.place,
		description: s.description,
		url: s.url
	};
}
