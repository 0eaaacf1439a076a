import { describe, expect, it } from 'vitest';
import { daysWithin, instantsOf, isWholePeriods, perWeekAverage, periodEnd, periodStartOf, periodsOf } from './periods.ts';

const HOUR = 3_600_000;
const length = (p: { from: string; to: string }) => {
	const { starts, ends } = instantsOf([p]);
	return (Date.parse(ends[0]!) - Date.parse(starts[0]!)) / HOUR;
};

describe('weeks (ISO, Monday, Europe/Brussels)', () => {
	it('starts on the Monday of the day, across a year boundary', () => {
		expect(periodStartOf('2026-12-02', 'week')).toBe('2026-11-30');
		expect(periodStartOf('2026-11-30', 'week')).toBe('2026-11-30');
		expect(periodStartOf('2027-01-03', 'week')).toBe('2026-12-28');
		expect(periodEnd('2026-12-28', 'week')).toBe('2027-01-04');
	});

	it('the week of the spring clock change is 167 hours, the autumn one 169, each still one week', () => {
		const spring = periodsOf('2026-03-23', '2026-03-30', 'week');
		expect(spring).toEqual([{ from: '2026-03-23', to: '2026-03-30' }]);
		expect(length(spring[0]!)).toBe(167);
		const autumn = periodsOf('2026-10-19', '2026-11-02', 'week');
		expect(autumn.map((p) => p.from)).toEqual(['2026-10-19', '2026-10-26']);
		expect(autumn.map(length)).toEqual([169, 168]); // the clocks go back on Sunday 25 October 2026
		// Monday 00:00 in Brussels: 23:00 UTC in winter, 22:00 UTC in summer.
		expect(instantsOf(spring).starts[0]).toBe('2026-03-22T23:00:00.000Z');
		expect(instantsOf(spring).ends[0]).toBe('2026-03-29T22:00:00.000Z');
	});

	it('a range of whole weeks starts and ends on a Monday', () => {
		expect(isWholePeriods('2026-01-05', '2026-03-30', 'week')).toBe(true);
		expect(isWholePeriods('2026-01-01', '2026-03-30', 'week')).toBe(false);
		expect(periodsOf('2026-01-05', '2027-01-04', 'week')).toHaveLength(52);
	});
});

describe('months, quarters, years, programme years', () => {
	it('months and quarters', () => {
		expect(periodStartOf('2026-02-28', 'month')).toBe('2026-02-01');
		expect(periodStartOf('2026-08-15', 'quarter')).toBe('2026-07-01');
		expect(periodStartOf('2026-12-31', 'quarter')).toBe('2026-10-01');
		expect(periodsOf('2026-01-01', '2027-01-01', 'quarter').map((p) => p.from)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
		expect(periodsOf('2026-01-01', '2027-01-01', 'month')).toHaveLength(12);
	});

	it('a programme year starting in September runs September to August', () => {
		expect(periodStartOf('2026-08-31', 'programme_year', 9)).toBe('2025-09-01');
		expect(periodStartOf('2026-09-01', 'programme_year', 9)).toBe('2026-09-01');
		expect(periodsOf('2025-09-01', '2027-09-01', 'programme_year', 9)).toEqual([
			{ from: '2025-09-01', to: '2026-09-01' },
			{ from: '2026-09-01', to: '2027-09-01' }
		]);
		expect(isWholePeriods('2025-09-01', '2026-09-01', 'programme_year', 9)).toBe(true);
		expect(isWholePeriods('2026-01-01', '2027-01-01', 'programme_year', 9)).toBe(false);
		expect(isWholePeriods('2026-01-01', '2027-01-01', 'year')).toBe(true);
	});

	it('a period type that does not divide the range is told', () => {
		expect(isWholePeriods('2026-01-01', '2026-05-01', 'quarter')).toBe(false);
		expect(isWholePeriods('2026-01-01', '2026-07-01', 'quarter')).toBe(true);
		expect(isWholePeriods('2026-01-15', '2026-03-01', 'month')).toBe(false);
		expect(isWholePeriods('2026-03-01', '2026-03-01', 'month')).toBe(false);
	});

	it('periods overlapping a range are whole, not cut', () => {
		expect(periodsOf('2026-01-15', '2026-03-10', 'month').map((p) => p.from)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
	});
});

describe('average per week over a period', () => {
	it('a month of 31 days is 31/7 weeks; partial weeks count by their days', () => {
		const march = { from: '2026-03-01', to: '2026-04-01' };
		expect(perWeekAverage(31, march, march)).toBe(7);
		const feb = { from: '2026-02-01', to: '2026-03-01' };
		expect(perWeekAverage(120, feb, feb)).toBe(30);
	});

	it('only the days of the period within the range count', () => {
		const march = { from: '2026-03-01', to: '2026-04-01' };
		const range = { from: '2026-03-18', to: '2026-12-01' };
		expect(daysWithin(march, range)).toBe(14);
		expect(perWeekAverage(60, march, range)).toBe(30);
		expect(perWeekAverage(60, march, { from: '2026-05-01', to: '2026-06-01' })).toBeNull();
	});

	it('a week is 7 days, even the one the clocks change in', () => {
		const week = { from: '2026-10-19', to: '2026-10-26' };
		expect(perWeekAverage(30, { from: '2026-10-26', to: '2026-11-02' }, { from: '2026-10-26', to: '2026-11-02' })).toBe(30);
		expect(daysWithin(week, week)).toBe(7);
	});
});
