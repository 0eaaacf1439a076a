import { Temporal } from 'temporal-polyfill';
import { BELGIAN_ZONE } from '../../zone.ts';

// One clock for every module. Plain dates are 'YYYY-MM-DD' strings (what the database and the forms
// hold); instants are Dates. Days, weeks and months are Belgian ones: a day there is 23 hours on the
// last Sunday of March and 25 on the last Sunday of October, so no arithmetic on milliseconds here.
// Pure: no I/O; `now` is always a parameter with the real clock as default.

export { BELGIAN_ZONE };

/** @public A day in the calendar, 'YYYY-MM-DD'. */
export type PlainDay = string;

const plain = (day: PlainDay) => Temporal.PlainDate.from(day);
const toDate = (z: Temporal.ZonedDateTime) => new Date(z.epochMilliseconds);
const inBelgium = (at: Date) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(BELGIAN_ZONE);

/** The Belgian day an instant falls on. */
export function belgianDateOf(at: Date): PlainDay {
	return inBelgium(at).toPlainDate().toString();
}

/** The day it is in Belgium now. */
export function todayInBelgium(now: Date = new Date()): PlainDay {
	return belgianDateOf(now);
}

/** The first instant of a Belgian day (00:00 there). */
export function startOfBelgianDay(day: PlainDay): Date {
	return toDate(plain(day).toZonedDateTime({ timeZone: BELGIAN_ZONE }));
}

/** The first instant after a Belgian day (00:00 the next day): a day is [start, end). */
export function endOfBelgianDay(day: PlainDay): Date {
	return startOfBelgianDay(addDays(day, 1));
}

/** @public The first instant of the ISO week (Monday 00:00 in Belgium) that holds the day (for weekly figures). */
export function startOfBelgianWeek(day: PlainDay): Date {
	return startOfBelgianDay(addDays(day, 1 - dayOfWeek(day)));
}

/** The first instant of the day's month in Belgium. */
export function startOfBelgianMonth(day: PlainDay): Date {
	return startOfBelgianDay(plain(day).with({ day: 1 }).toString());
}

/** The first instant after the day's month in Belgium: a month is [start, end). */
export function endOfBelgianMonth(day: PlainDay): Date {
	return startOfBelgianDay(plain(day).with({ day: 1 }).add({ months: 1 }).toString());
}

/** The last day of the day's month. */
export function lastDayOfMonth(day: PlainDay): PlainDay {
	const d = plain(day);
	return d.with({ day: d.daysInMonth }).toString();
}

/**
 * @public Funding deadlines ("31 March 23:59 Brussels") need it; no caller yet.
 * A Belgian wall-clock time ('HH:MM' on a day) as an instant, e.g. a deadline of 31 March 23:59.
 * Rule for the two hours that are not one instant ('compatible', as RFC 5545 and most calendars):
 * a time in the hour skipped in spring (02:00–02:59 on the last Sunday of March) is read on the
 * clock before the change, so 02:30 is 03:30 summer time; a time in the hour seen twice in autumn
 * (02:00–02:59 on the last Sunday of October) is the first of the two, still summer time.
 */
export function belgianLocalToInstant(day: PlainDay, time: string): Date {
	const local = plain(day).toPlainDateTime(Temporal.PlainTime.from(time));
	return toDate(local.toZonedDateTime(BELGIAN_ZONE, { disambiguation: 'compatible' }));
}

/** The Belgian wall clock at an instant: its day, ISO weekday (1 = Monday … 7 = Sunday) and minutes since midnight. */
export function belgianClock(at: Date): { day: PlainDay; dayOfWeek: number; minute: number } {
	const z = inBelgium(at);
	return { day: z.toPlainDate().toString(), dayOfWeek: z.dayOfWeek, minute: z.hour * 60 + z.minute };
}

/** Whole years of age on a day; born on 29 February, one is a year older on 1 March in a common year. */
export function ageAt(birthDate: PlainDay, day: PlainDay): number {
	return plain(birthDate).until(plain(day), { largestUnit: 'years' }).years;
}

/** @public The ISO week of a day (for weekly figures): weeks start on Monday; week 1 is the one with the year's first Thursday. */
export function isoWeek(day: PlainDay): { year: number; week: number } {
	const d = plain(day);
	return { year: d.yearOfWeek!, week: d.weekOfYear! };
}

// Matching asks the weekday of the same few days for every candidate (thousands on a city's data);
// parsing a PlainDate each time cost more than the rest of the scoring. Bounded: days come from data.
const weekdays = new Map<PlainDay, number>();

/** The ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(day: PlainDay): number {
	let n = weekdays.get(day);
	if (n === undefined) {
		n = plain(day).dayOfWeek;
		if (weekdays.size < 5000) weekdays.set(day, n);
	}
	return n;
}

export function addDays(day: PlainDay, n: number): PlainDay {
	return plain(day).add({ days: n }).toString();
}

/** The same day `n` months later; a day the month does not have becomes its last (31 March + 1 → 30 April). */
export function addMonths(day: PlainDay, n: number): PlainDay {
	return plain(day).add({ months: n }).toString();
}

/** The same day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(day: PlainDay, n: number): PlainDay {
	return plain(day).add({ years: n }).toString();
}

/** Calendar days from one day to another (negative when `to` comes first). */
export function daysBetween(from: PlainDay, to: PlainDay): number {
	return plain(from).until(plain(to), { largestUnit: 'days' }).days;
}

/** Whole weeks from one instant to another on the Belgian clock (a week across a clock change is still 7 days). */
export function wholeWeeksBetween(from: Date, to: Date): number {
	return inBelgium(from).until(inBelgium(to), { largestUnit: 'weeks' }).weeks;
}
