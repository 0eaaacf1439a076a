import { addDays, addMonths, dayOfWeek, daysBetween, startOfBelgianDay } from '../core/index.ts';
import type { PeriodType } from '../../measures.ts';
import type { MetricPeriod } from '../stats/index.ts';

// The calendar of indicators, on Belgian dates ('YYYY-MM-DD'): a period is [from, to), `from`
// included and `to` excluded. Dates, never instants: a week is Monday to Monday whatever the clocks do
// that night (the metrics turn the dates into instants at 00:00 Brussels, so a week with a clock change
// is 167 or 169 hours long and still one week). Pure: no I/O.

export type Period = MetricPeriod;

/** How many months a period of this type lasts (weeks are counted in days). */
const MONTHS: Record<Exclude<PeriodType, 'week'>, number> = { month: 1, quarter: 3, year: 12, programme_year: 12 };

/** The first day of the period of `type` that holds `day` (a programme year starts on the first of `startMonth`). */
export function periodStartOf(day: string, type: PeriodType, startMonth: number | null = null): string {
	if (type === 'week') return addDays(day, 1 - dayOfWeek(day));
	const [y, m] = day.split('-').map(Number) as [number, number];
	const first = type === 'month' ? m : type === 'quarter' ? m - ((m - 1) % 3) : type === 'year' ? 1 : (startMonth ?? 1);
	const year = type === 'programme_year' && m < first ? y - 1 : y;
	return `${String(year).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
}

/** The day after the period that starts on `from` ends. */
export function periodEnd(from: string, type: PeriodType): string {
	return type === 'week' ? addDays(from, 7) : addMonths(from, MONTHS[type]);
}

/** Whether [from, to) is made of whole periods of this type (the indicator's range must be). */
export function isWholePeriods(from: string, to: string, type: PeriodType, startMonth: number | null = null): boolean {
	return to > from && periodStartOf(from, type, startMonth) === from && periodStartOf(to, type, startMonth) === to;
}

/** Every period of `type` that overlaps [from, to), in order, each whole (not cut at the range's ends). */
export function periodsOf(from: string, to: string, type: PeriodType, startMonth: number | null = null): Period[] {
	const out: Period[] = [];
	for (let p = periodStartOf(from, type, startMonth); p < to; p = periodEnd(p, type)) out.push({ from: p, to: periodEnd(p, type) });
	return out;
}

/** Days of the period that lie within the range [from, to). */
export function daysWithin(period: Period, range: Period): number {
	const from = period.from > range.from ? period.from : range.from;
	const to = period.to < range.to ? period.to : range.to;
	return to > from ? daysBetween(from, to) : 0;
}

/**
 * An average per week over a period: the total ÷ (the period's days within the range ÷ 7). Partial
 * weeks count by their days, so a month of 31 days is 31/7 weeks, not 4 or 5. Null when no day counts.
 */
export function perWeekAverage(total: number, period: Period, range: Period): number | null {
	const days = daysWithin(period, range);
	return days ? (total * 7) / days : null;
}

/** The periods as instants for SQL: 00:00 Brussels on each `from` and `to` (ISO strings, UTC). */
export function instantsOf(periods: readonly Period[]): { starts: string[]; ends: string[] } {
	return { starts: periods.map((p) => startOfBelgianDay(p.from).toISOString()), ends: periods.map((p) => startOfBelgianDay(p.to).toISOString()) };
}
