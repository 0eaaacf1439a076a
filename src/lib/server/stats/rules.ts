import { addMonths, lastDayOfMonth } from '../core/index.ts';
import type { Cell } from '../../stats.ts';
// The statistics rules every module's figures share (mutual aid's reach, fieldwork's figures, the
// activities' reach): the privacy rule on small numbers, and the calendar of a period. No I/O, so a
// page, its CSV, its XLSX and the API all show exactly the same cells.

/** Counts from 1 to MIN_SHOWN - 1 are never shown: a group that small could point at someone. */
export const MIN_SHOWN = 5;

export type { Cell };

const small = (n: number) => n > 0 && n < MIN_SHOWN;

/** A single figure: hidden when it counts 1 to 4 (0 is shown: nobody can be pointed at). */
export function cell(n: number): Cell {
	return small(n) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/**
 * The cells of a table whose total is shown elsewhere (by category, per month). First every count of 1
 * to 4 is hidden. When that hides exactly one cell, the total minus the shown cells would give it back,
 * so the smallest other non-zero cell is hidden too. (If there is none, the hidden cell equals the total,
 * which is itself 1 to 4 and hidden.) Zeros stay shown: they reveal nobody, and hiding them would not
 * hide anything either, since a hidden cell is known to be non-zero.
 */
export function suppressTable(values: readonly number[]): Cell[] {
	const hide = values.map(small);
	if (hide.filter(Boolean).length === 1) {
		let pick = -1;
		values.forEach((v, i) => {
			if (!hide[i] && v > 0 && (pick < 0 || v < values[pick]!)) pick = i;
		});
		if (pick >= 0) hide[pick] = true;
	}
	return values.map((v, i) => (hide[i] ? { value: null, suppressed: true } : { value: v, suppressed: false }));
}

/**
 * Figures where one counts part of another (volunteers still active of those eligible, the network at
 * the start of the one at the end, repeat links of the links made): shown side by side, their
 * difference is a group too. When it is 1 to 4, the part is hidden as well.
 */
export function suppressNested<K extends string>(values: Record<K, number>, pairs: ReadonlyArray<readonly [whole: K, part: K]>): Record<K, Cell> {
	const cells = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cell(v as number)])) as Record<K, Cell>;
	for (const [whole, part] of pairs) {
		if (!cells[whole].suppressed && !cells[part].suppressed && small(values[whole] - values[part])) cells[part] = { value: null, suppressed: true };
	}
	return cells;
}

/**
 * The default period: 12 whole calendar months ending with the current one (a 'YYYY-MM-DD' date as
 * `today`), so that what happened today is counted: from the first day of the month 11 months ago to
 * the last day of this month.
 */
export function lastTwelveMonths(today: string): { from: string; to: string } {
	return { from: `${addMonths(today, -11).slice(0, 7)}-01`, to: lastDayOfMonth(today) };
}

/** Every month ('YYYY-MM') the period touches, in order: the rows of the monthly chart. */
export function monthsOf(from: string, to: string): string[] {
	const [fy, fm] = from.split('-').map(Number) as [number, number];
	const [ty, tm] = to.split('-').map(Number) as [number, number];
	const out: string[] = [];
	for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((m = 1), y++) : m++) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
	}
	return out;
}
