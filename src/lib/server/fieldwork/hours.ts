import { addDays, belgianDateOf, startOfBelgianDay, startOfBelgianWeek } from '../core/index.ts';
import type { ContactType } from './schema.ts';

// Hours of direct contact per ISO week, on the Belgian clock. Pure: no I/O, `now` is a parameter.
// A week is [Monday 00:00, next Monday 00:00) in Brussels as instants, so a week with a clock change
// is 167 or 169 hours long and a contact is cut at the instant the week ends, never by local-time
// arithmetic. Minutes stay whole: Belgian midnights fall on whole UTC minutes.

/**
 * THE rule for "direct contact": meeting people where they are, face to face. Every contact type
 * counts except a phone call and an online contact, which happen at a distance (the outreach target
 * of DOMAIN.md, "30 hours a week of direct contact with young people where they are", is time on
 * the street, at home, at a partner, in a group or at office hours).
 */
export const AT_A_DISTANCE: readonly ContactType[] = ['phone', 'online'];

export function isDirectContact(type: ContactType): boolean {
	return !AT_A_DISTANCE.includes(type);
}

/** The default weekly target for an outreach worker without one of their own (DOMAIN.md: 30 h). */
export const OUTREACH_TARGET_HOURS = 30;

export type TimedContact = { type: ContactType; startedAt: Date; durationMinutes: number };

const MINUTE = 60_000;

/** The Monday (a Belgian day, 'YYYY-MM-DD') of the ISO week an instant falls in. */
export function weekOf(at: Date): string {
	const start = startOfBelgianWeek(belgianDateOf(at));
	return belgianDateOf(start);
}

/**
 * Minutes of direct contact per ISO week, keyed by the week's Monday. A contact across midnight
 * Sunday → Monday is split over the two weeks at that instant.
 */
export function directMinutesPerWeek(contacts: readonly TimedContact[]): Map<string, number> {
	const weeks = new Map<string, number>();
	for (const c of contacts) {
		if (!isDirectContact(c.type) || c.durationMinutes <= 0) continue;
		let from = c.startedAt.getTime();
		const end = from + c.durationMinutes * MINUTE;
		while (from < end) {
			const monday = weekOf(new Date(from));
			const next = startOfBelgianDay(addDays(monday, 7)).getTime();
			const until = Math.min(end, next);
			weeks.set(monday, (weeks.get(monday) ?? 0) + Math.round((until - from) / MINUTE));
			from = until;
		}
	}
	return weeks;
}

export type WeekProgress = {
	/** The Monday of this week. */
	week: string;
	/** Direct contact so far this week (contacts that have started; a contact is counted whole once logged). */
	minutes: number;
	/** The target in hours (null: none set and not an outreach worker). */
	targetHours: number | null;
	/** Whole percent of the target reached, capped at 100 for a bar; null without a target. */
	percent: number | null;
};

/** This week so far against the target. */
export function weekProgress(contacts: readonly TimedContact[], targetHours: number | null, now: Date = new Date()): WeekProgress {
	const week = weekOf(now);
	return progressOf(week, directMinutesPerWeek(contacts).get(week) ?? 0, targetHours);
}

/** A week's direct minutes (summed elsewhere, e.g. in SQL by the home page) against the target. */
export function progressOf(week: string, minutes: number, targetHours: number | null): WeekProgress {
	const percent = targetHours && targetHours > 0 ? Math.min(100, Math.floor((minutes * 100) / (targetHours * 60))) : null;
	return { week, minutes, targetHours, percent };
}

/** The target shown: the worker's own, else 30 h for an outreach worker, else none. */
export function targetFor(ownTarget: number | null | undefined, isOutreach: boolean): number | null {
	if (ownTarget !== null && ownTarget !== undefined) return ownTarget;
	return isOutreach ? OUTREACH_TARGET_HOURS : null;
}

/** Hours and minutes as the page shows them ("12 h 05"): the numbers, words come from messages. */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
	return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
