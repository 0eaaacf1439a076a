import { cell, type Cell, type FigureOptions } from '../stats/index.ts';
import type { Measure } from '../../measures.ts';
import { perWeekAverage, type Period } from './periods.ts';

// A period's value against the target, as every page, file and the API show it. Pure.
// - People and households are counts of people: 1 to 4 is shown as "<5" (stats' rule), and a hidden
//   value has no traffic light either (the light would tell on which side of the target it lies).
//   Hours and events (contacts, sessions, links) are not counts of people and are shown as they are.
// - Average per week: the period's total ÷ (its days within the indicator's range ÷ 7).
// - Status: met when the value reaches the target; near from 80 % of it; behind below. A period that
//   has not started has no value yet ('pending'); the current one is marked so its value reads "so far".

export type Status = 'met' | 'near' | 'behind' | 'pending' | 'hidden';
export const NEAR = 0.8;

export type PeriodValue = Period & {
	value: Cell;
	target: number;
	status: Status;
	current: boolean;
};

const PEOPLE: readonly Measure[] = ['people', 'households'];

export function statusOf(value: number, target: number): Exclude<Status, 'pending' | 'hidden'> {
	if (value >= target) return 'met';
	return value >= target * NEAR ? 'near' : 'behind';
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The periods' values: `raw` holds a period's total (computed or entered; null: nothing entered), in
 * the periods' order. `today` is a Belgian date.
 */
export function shapeValues(
	def: { measure: Measure | null; perWeek: boolean; target: number },
	periods: readonly Period[],
	raw: readonly (number | null)[],
	range: Period,
	today: string,
	// A token of another organisation gets people counts rounded to 5 as well (stats/rules.ts).
	opts: FigureOptions = {}
): PeriodValue[] {
	return periods.map((p, i) => {
		const current = p.from <= today && today < p.to;
		const base = { ...p, target: def.target, current };
		const total = raw[i] ?? null;
		if (p.from > today || total === null) return { ...base, value: { value: null, suppressed: false }, status: 'pending' };
		const shown = def.measure && PEOPLE.includes(def.measure) ? cell(total, opts) : { value: total, suppressed: false };
		if (shown.suppressed) return { ...base, value: shown, status: 'hidden' };
		// The published count (rounded for an external reader) is what the average and the light are of.
		const published = shown.value ?? total;
		const value = round(def.perWeek ? (perWeekAverage(published, p, range) ?? 0) : published);
		const rounded = shown.rounded ? { rounded: true } : {};
		return { ...base, value: { value, suppressed: false, ...rounded }, status: statusOf(value, def.target) };
	});
}
