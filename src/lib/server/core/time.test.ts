import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	addYears,
	ageAt,
	belgianClock,
	belgianDateOf,
	belgianLocalToInstant,
	dayOfWeek,
	daysBetween,
	endOfBelgianDay,
	endOfBelgianMonth,
	isoWeek,
	lastDayOfMonth,
	startOfBelgianDay,
	startOfBelgianMonth,
	startOfBelgianWeek,
	todayInBelgium,
	wholeWeeksBetween
} from './time.ts';

const HOUR = 3_600_000;
const hoursOf = (day: string) => (endOfBelgianDay(day).getTime() - startOfBelgianDay(day).getTime()) / HOUR;
const iso = (d: Date) => d.toISOString();

// The clock-change Sundays: summer time starts on the last Sunday of March (02:00 → 03:00) and ends on
// the last Sunday of October (03:00 → 02:00).
const SPRING = ['2026-03-29', '2027-03-28'];
const AUTUMN = ['2026-10-25', '2027-10-31'];

describe('a Belgian day', () => {
	it('is 23 hours on the spring Sundays, 25 on the autumn ones, 24 around them', () => {
		for (const day of SPRING) expect(hoursOf(day), day).toBe(23);
		for (const day of AUTUMN) expect(hoursOf(day), day).toBe(25);
		for (const day of [...SPRING, ...AUTUMN]) {
			expect(hoursOf(addDays(day, -1)), day).toBe(24);
			expect(hoursOf(addDays(day, 1)), day).toBe(24);
		}
	});

	it('starts at 00:00 Brussels time on the clock-change days (the start of the office-hour tally)', () => {
		expect(iso(startOfBelgianDay('2026-03-29'))).toBe('2026-03-28T23:00:00.000Z');
		expect(iso(endOfBelgianDay('2026-03-29'))).toBe('2026-03-29T22:00:00.000Z');
		expect(iso(startOfBelgianDay('2027-03-28'))).toBe('2027-03-27T23:00:00.000Z');
		expect(iso(startOfBelgianDay('2026-10-25'))).toBe('2026-10-24T22:00:00.000Z');
		expect(iso(endOfBelgianDay('2026-10-25'))).toBe('2026-10-25T23:00:00.000Z');
		expect(iso(startOfBelgianDay('2027-10-31'))).toBe('2027-10-30T22:00:00.000Z');
	});

	it('is the day of an instant on the Belgian clock, not the UTC one', () => {
		expect(belgianDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // summer: UTC+2
		expect(belgianDateOf(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31'); // winter: UTC+1
		expect(belgianDateOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
		expect(belgianDateOf(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-28'); // 00:30 on the spring Sunday
		expect(belgianDateOf(new Date('2027-10-30T21:59:00Z'))).toBe('2027-10-30'); // 23:59 the evening before autumn
		expect(todayInBelgium(new Date('2027-10-30T22:00:00Z'))).toBe('2027-10-31');
	});

	it('reads the wall clock: ISO weekday and minutes since midnight, across both changes', () => {
		expect(belgianClock(new Date('2026-07-06T08:15:00Z'))).toEqual({ day: '2026-07-06', dayOfWeek: 1, minute: 10 * 60 + 15 });
		expect(belgianClock(new Date('2026-01-11T23:30:00Z'))).toEqual({ day: '2026-01-12', dayOfWeek: 1, minute: 30 });
		// 10:00 on the spring Sunday is 8 hours after midnight there, not 10; 10:00 in autumn is 11 hours after.
		expect(belgianClock(new Date('2027-03-28T08:00:00Z'))).toEqual({ day: '2027-03-28', dayOfWeek: 7, minute: 600 });
		expect(belgianClock(new Date('2027-10-31T09:00:00Z'))).toEqual({ day: '2027-10-31', dayOfWeek: 7, minute: 600 });
	});
});

describe('a Belgian local time as an instant', () => {
	it('reads a deadline in winter and in summer time', () => {
		expect(iso(belgianLocalToInstant('2027-03-31', '23:59'))).toBe('2027-03-31T21:59:00.000Z');
		expect(iso(belgianLocalToInstant('2027-01-31', '23:59'))).toBe('2027-01-31T22:59:00.000Z');
		expect(iso(belgianLocalToInstant('2027-03-28', '00:00'))).toBe(iso(startOfBelgianDay('2027-03-28')));
	});

	it('reads the skipped spring hour on the clock before the change, and the doubled autumn hour as its first', () => {
		// 02:30 does not exist on the spring nights: it is 03:30 summer time (an hour after 01:30 winter time).
		expect(iso(belgianLocalToInstant('2026-03-29', '02:30'))).toBe('2026-03-29T01:30:00.000Z');
		expect(iso(belgianLocalToInstant('2027-03-28', '02:30'))).toBe('2027-03-28T01:30:00.000Z');
		expect(iso(belgianLocalToInstant('2027-03-28', '03:30'))).toBe('2027-03-28T01:30:00.000Z');
		// 02:30 happens twice on the autumn nights: the first time, still in summer time (UTC+2).
		expect(iso(belgianLocalToInstant('2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z');
		expect(iso(belgianLocalToInstant('2027-10-31', '02:30'))).toBe('2027-10-31T00:30:00.000Z');
	});
});

describe('weeks and months', () => {
	it('numbers ISO weeks across the turn of the year', () => {
		expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
		expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
		expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
		expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
		expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
	});

	it('starts a week on Monday 00:00 in Belgium, also in the week of a clock change', () => {
		expect(iso(startOfBelgianWeek('2027-03-28'))).toBe('2027-03-21T23:00:00.000Z'); // Monday 22 March, winter time
		expect(iso(startOfBelgianWeek('2027-03-29'))).toBe('2027-03-28T22:00:00.000Z'); // Monday 29 March, summer time
		expect(dayOfWeek('2026-11-23')).toBe(1);
		expect(dayOfWeek('2026-11-29')).toBe(7);
	});

	it('ends February on the 29th in a leap year, as a day and as an instant', () => {
		expect(lastDayOfMonth('2028-02-10')).toBe('2028-02-29');
		expect(lastDayOfMonth('2027-02-10')).toBe('2027-02-28');
		expect(iso(startOfBelgianMonth('2028-02-29'))).toBe('2028-01-31T23:00:00.000Z');
		expect(iso(endOfBelgianMonth('2028-02-10'))).toBe('2028-02-29T23:00:00.000Z');
		// March 2027 holds the spring change: 31 days minus an hour.
		expect((endOfBelgianMonth('2027-03-01').getTime() - startOfBelgianMonth('2027-03-31').getTime()) / HOUR).toBe(31 * 24 - 1);
	});

	it('counts whole weeks on the Belgian clock: two weeks across the spring change are two, not one', () => {
		// Monday 22 March 10:00 winter time to Monday 5 April 10:00 summer time: 14 days minus an hour of UTC.
		expect(wholeWeeksBetween(new Date('2027-03-22T09:00:00Z'), new Date('2027-04-05T08:00:00Z'))).toBe(2);
		expect(wholeWeeksBetween(new Date('2027-03-22T09:00:00Z'), new Date('2027-04-05T07:59:00Z'))).toBe(1);
		// Monday 25 October 11:00 summer time to Monday 1 November 11:00 winter time: a week plus an hour of UTC.
		expect(wholeWeeksBetween(new Date('2027-10-25T09:00:00Z'), new Date('2027-11-01T10:00:00Z'))).toBe(1);
		expect(wholeWeeksBetween(new Date('2027-10-25T09:00:00Z'), new Date('2027-11-01T09:30:00Z'))).toBe(0);
	});
});

describe('plain days', () => {
	it('adds days, months and years, keeping the day inside the month', () => {
		expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
		expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
		expect(addMonths('2027-03-31', 1)).toBe('2027-04-30');
		expect(addMonths('2027-01-15', -12)).toBe('2026-01-15');
		expect(addYears('2026-03-15', 3)).toBe('2029-03-15');
		expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
		expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
		expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
		expect(daysBetween('2027-10-31', '2027-10-30')).toBe(-1);
	});

	it('ages someone born on 29 February a year on 1 March in a common year, on the 29th in a leap year', () => {
		expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
		expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
		expect(ageAt('2008-02-29', '2028-02-28')).toBe(19);
		expect(ageAt('2008-02-29', '2028-02-29')).toBe(20);
		expect(ageAt('1990-06-15', '2026-06-14')).toBe(35);
		expect(ageAt('1990-06-15', '2026-06-15')).toBe(36);
	});
});
