import { InvalidError, addDays, addMonths, belgianLocalToInstant, daysBetween } from '../core/index.ts';
import { ACTIVITY_LIMITS, type Recurrence } from './schema.ts';

// Laying out a series' sessions (no I/O). Every session is placed on the Belgian wall clock: a weekly
// workshop at 14:00 stays at 14:00 after the clock changes in March and October (its UTC instant moves
// by an hour). The length is minutes of real time added to the start.

export type SeriesPlan = {
	recurrence: Recurrence;
	/** The first day, YYYY-MM-DD (weekly, biweekly, monthly: the day the rhythm starts from). */
	startsOn: string;
	/** The last day a session may fall on (included). Required except for picked dates. */
	endsOn: string | null;
	/** Local start time 'HH:MM'. */
	startTime: string;
	durationMinutes: number;
	/** For `dates`: the days picked, in any order (doubles are one session). */
	dates?: string[];
};

export type Slot = { startsAt: Date; endsAt: Date };

/** One session on a Belgian day at a local time. */
export function slotOn(day: string, startTime: string, durationMinutes: number): Slot {
	const startsAt = belgianLocalToInstant(day, startTime);
	return { startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) };
}

/** The days a series falls on: its rhythm from startsOn up to endsOn included. */
export function seriesDays(plan: Pick<SeriesPlan, 'recurrence' | 'startsOn' | 'endsOn' | 'dates'>): string[] {
	if (plan.recurrence === 'dates') {
		const days = [...new Set(plan.dates ?? [])].sort();
		if (!days.length) throw new InvalidError({ dates: 'act_error_dates' });
		if (days.length > ACTIVITY_LIMITS.sessionsMax) throw new InvalidError({ dates: 'act_error_too_many_sessions' });
		return days;
	}
	if (!plan.endsOn) throw new InvalidError({ endsOn: 'error_required' });
	if (daysBetween(plan.startsOn, plan.endsOn) < 0) throw new InvalidError({ endsOn: 'act_error_ends_before' });
	const days: string[] = [];
	for (let i = 0; ; i++) {
		// Monthly counts from the first day each time (not from the previous session), so a series on the
		// 31st falls on the last day of a shorter month and comes back to the 31st after it.
		const day =
			plan.recurrence === 'weekly'
				? addDays(plan.startsOn, 7 * i)
				: plan.recurrence === 'biweekly'
					? addDays(plan.startsOn, 14 * i)
					: addMonths(plan.startsOn, i);
		if (daysBetween(day, plan.endsOn) < 0) break;
		if (days.length === ACTIVITY_LIMITS.sessionsMax) throw new InvalidError({ endsOn: 'act_error_too_many_sessions' });
		days.push(day);
	}
	return days;
}

/** The sessions of a series, in order. */
export function layOutSeries(plan: SeriesPlan): Slot[] {
	return seriesDays(plan).map((day) => slotOn(day, plan.startTime, plan.durationMinutes));
}
