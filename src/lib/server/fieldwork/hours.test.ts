import { describe, expect, it } from 'vitest';
import { directMinutesPerWeek, hoursAndMinutes, isDirectContact, progressOf, targetFor, weekOf, weekProgress } from './hours.ts';

const at = (iso: string) => new Date(iso);

describe('direct contact', () => {
	it('counts every type except phone and online', () => {
		expect(isDirectContact('street')).toBe(true);
		expect(isDirectContact('home_visit')).toBe(true);
		expect(isDirectContact('group')).toBe(true);
		expect(isDirectContact('phone')).toBe(false);
		expect(isDirectContact('online')).toBe(false);
	});

	it('leaves phone and online contacts out of the week', () => {
		const weeks = directMinutesPerWeek([
			{ type: 'phone', startedAt: at('2026-12-01T10:00:00+01:00'), durationMinutes: 30 },
			{ type: 'online', startedAt: at('2026-12-01T11:00:00+01:00'), durationMinutes: 30 },
			{ type: 'street', startedAt: at('2026-12-01T12:00:00+01:00'), durationMinutes: 45 }
		]);
		expect([...weeks]).toEqual([['2026-11-30', 45]]);
	});
});

describe('weeks on the Belgian clock', () => {
	it('splits a contact across midnight Sunday to Monday over the two weeks', () => {
		// Sunday 6 December 2026 23:30 Brussels (winter time, UTC+1) for 90 minutes.
		const weeks = directMinutesPerWeek([{ type: 'street', startedAt: at('2026-12-06T23:30:00+01:00'), durationMinutes: 90 }]);
		expect(weeks.get('2026-11-30')).toBe(30);
		expect(weeks.get('2026-12-07')).toBe(60);
	});

	it('keeps a contact across midnight on a weekday in one week', () => {
		const weeks = directMinutesPerWeek([{ type: 'street', startedAt: at('2026-12-02T23:00:00+01:00'), durationMinutes: 120 }]);
		expect([...weeks]).toEqual([['2026-11-30', 120]]);
	});

	it('uses Brussels, not UTC, for the week boundary', () => {
		// Monday 00:30 in Brussels is still Sunday 23:30 in UTC: it belongs to the new week.
		expect(weekOf(at('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
		expect(weekOf(at('2026-12-06T22:59:00Z'))).toBe('2026-11-30');
	});

	it('puts New Year in ISO weeks: 1 January 2026 is in the week of Monday 29 December 2025', () => {
		expect(weekOf(at('2026-01-01T12:00:00+01:00'))).toBe('2025-12-29');
		// 2026 has 53 ISO weeks: 31 December 2026 (a Thursday) and 3 January 2027 are in week 53.
		expect(weekOf(at('2026-12-31T12:00:00+01:00'))).toBe('2026-12-28');
		expect(weekOf(at('2027-01-03T23:59:00+01:00'))).toBe('2026-12-28');
		expect(weekOf(at('2027-01-04T00:00:00+01:00'))).toBe('2027-01-04');
	});

	it('splits at the right instant in the week of the spring clock change (23-hour Sunday, 29 March 2026)', () => {
		// Sunday 29 March 2026 is 23 hours long: 22:00 summer time (UTC+2) is 2 hours before Monday.
		const weeks = directMinutesPerWeek([{ type: 'street', startedAt: at('2026-03-29T22:00:00+02:00'), durationMinutes: 180 }]);
		expect(weeks.get('2026-03-23')).toBe(120);
		expect(weeks.get('2026-03-30')).toBe(60);
		// A contact over the skipped hour itself (01:30 winter → 04:30 summer) is 2 real hours.
		const night = directMinutesPerWeek([{ type: 'street', startedAt: at('2026-03-29T01:30:00+01:00'), durationMinutes: 120 }]);
		expect([...night]).toEqual([['2026-03-23', 120]]);
	});

	it('splits at the right instant in the week of the autumn clock change (25-hour Sunday, 25 October 2026)', () => {
		// After the change Brussels is UTC+1 again: Monday 26 October 00:00 is 25 October 23:00 UTC.
		const weeks = directMinutesPerWeek([{ type: 'street', startedAt: at('2026-10-25T22:15:00Z'), durationMinutes: 100 }]);
		expect(weeks.get('2026-10-19')).toBe(45);
		expect(weeks.get('2026-10-26')).toBe(55);
		// The hour seen twice (02:00–03:00) counts twice: a contact from 01:30 summer time for 3 real hours.
		const night = directMinutesPerWeek([{ type: 'street', startedAt: at('2026-10-25T01:30:00+02:00'), durationMinutes: 180 }]);
		expect([...night]).toEqual([['2026-10-19', 180]]);
	});

	it('sums minutes exactly over many contacts', () => {
		const contacts = Array.from({ length: 7 }, (_, i) => ({
			type: 'home_visit' as const,
			startedAt: at(`2026-12-0${i + 1}T09:00:00+01:00`),
			durationMinutes: 17
		}));
		const weeks = directMinutesPerWeek(contacts);
		// 1 December 2026 is a Tuesday: the 1st–6th are in one week, the 7th in the next.
		expect(weeks.get('2026-11-30')).toBe(6 * 17);
		expect(weeks.get('2026-12-07')).toBe(17);
	});
});

describe('this week against the target', () => {
	const now = at('2026-12-03T15:00:00+01:00');
	const contacts = [
		{ type: 'street' as const, startedAt: at('2026-11-30T18:00:00+01:00'), durationMinutes: 600 },
		{ type: 'street' as const, startedAt: at('2026-12-02T18:00:00+01:00'), durationMinutes: 300 },
		// Last week: not this week's.
		{ type: 'street' as const, startedAt: at('2026-11-29T18:00:00+01:00'), durationMinutes: 240 }
	];

	it('gives the minutes so far and the share of the target', () => {
		expect(weekProgress(contacts, 30, now)).toEqual({ week: '2026-11-30', minutes: 900, targetHours: 30, percent: 50 });
	});

	it('caps the bar at 100 % and has no share without a target', () => {
		expect(weekProgress(contacts, 10, now).percent).toBe(100);
		expect(weekProgress(contacts, null, now).percent).toBeNull();
	});

	it('defaults an outreach worker to 30 hours, others to no target, and keeps a worker’s own', () => {
		expect(targetFor(null, true)).toBe(30);
		expect(targetFor(null, false)).toBeNull();
		expect(targetFor(20, true)).toBe(20);
		expect(targetFor(12, false)).toBe(12);
	});

	it('puts minutes summed elsewhere (the home page sums them in SQL) against the target', () => {
		expect(progressOf('2026-11-30', 900, 30)).toEqual({ week: '2026-11-30', minutes: 900, targetHours: 30, percent: 50 });
		expect(progressOf('2026-11-30', 5000, 30).percent).toBe(100);
		expect(progressOf('2026-11-30', 90, null)).toEqual({ week: '2026-11-30', minutes: 90, targetHours: null, percent: null });
	});

	it('shows hours and minutes', () => {
		expect(hoursAndMinutes(905)).toEqual({ hours: 15, minutes: 5 });
	});
});
