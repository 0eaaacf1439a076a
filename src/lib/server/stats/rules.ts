import { addMonths, lastDayOfMonth } from '../core/index.ts';
import type { Cell } from '../../stats.ts';
// The statistics rules every module's figures share (mutual aid's reach, fieldwork's figures, the
// activities' reach): the privacy rule on small numbers, and the calendar of a period. No I/O, so a
// page, its CSV, its XLSX and the API all show exactly the same cells.

/** Counts from 1 to MIN_SHOWN - 1 are never shown: a group that small could point at someone. */
export const MIN_SHOWN = 5;

/** External figures (that leave the organisation) are rounded to a multiple of this. */
export const ROUND_TO = 5;

export type { Cell };

/**
 * Who receives the figures. `internal`: the organisation's own staff, exact (small groups hidden).
 * `external`: anything that leaves the organisation (the public page, a funder, a steering group, the
 * API for holders outside the organisation): also rounded to 5, after suppression, so two published
 * figures (two months, an area and the rest) never differ by 1 to 4 people.
 * `preview`: an author inside the organisation looking at the external figures before sending them:
 * each cell keeps its `exact` count beside the published value.
 */
export type Audience = 'internal' | 'external';
export type FigureOptions = { audience?: Audience; preview?: boolean };

const small = (n: number) => n > 0 && n < MIN_SHOWN;

/** The nearest multiple of 5 (halves up); a count of 5 or more stays 5 or more, 0 stays 0. */
export const roundToFive = (n: number) => Math.round(n / ROUND_TO) * ROUND_TO;

/** The published cell of a count, once it is known whether it is hidden. */
function publish(n: number, hidden: boolean, opts: FigureOptions = {}): Cell {
	const external = opts.audience === 'external';
	const c: Cell = hidden
		? { value: null, suppressed: true }
		: external
			? { value: roundToFive(n), suppressed: false, rounded: true }
			: { value: n, suppressed: false };
	if (external && opts.preview) c.exact = n;
	return c;
}

/** A single figure: hidden when it counts 1 to 4 (0 is shown: nobody can be pointed at). */
export function cell(n: number, opts?: FigureOptions): Cell {
	return publish(n, small(n), opts);
}

/**
 * The cells of a table whose total is shown elsewhere (by category, per month). First every count of 1
 * to 4 is hidden. When that hides exactly one cell, the total minus the shown cells would give it back,
 * so the smallest other non-zero cell is hidden too. (If there is none, the hidden cell equals the total,
 * which is itself 1 to 4 and hidden.) Zeros stay shown: they reveal nobody, and hiding them would not
 * hide anything either, since a hidden cell is known to be non-zero. It is suppressGrid's rule for a
 * single line, kept in this shape because the callers' totals are separate figures.
 */
export function suppressTable(values: readonly number[], opts?: FigureOptions): Cell[] {
	const hide = values.map(small);
	if (hide.filter(Boolean).length === 1) {
		let pick = -1;
		values.forEach((v, i) => {
			if (!hide[i] && v > 0 && (pick < 0 || v < values[pick]!)) pick = i;
		});
		if (pick >= 0) hide[pick] = true;
	}
	return values.map((v, i) => publish(v, hide[i]!, opts));
}

/**
 * Figures where one counts part of another (volunteers still active of those eligible, the network at
 * the start of the one at the end, repeat links of the links made): shown side by side, their
 * difference is a group too. When it is 1 to 4, the part is hidden as well.
 */
export function suppressNested<K extends string>(
	values: Record<K, number>,
	pairs: ReadonlyArray<readonly [whole: K, part: K]>,
	opts?: FigureOptions
): Record<K, Cell> {
	const hide = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, small(v as number)])) as Record<K, boolean>;
	for (const [whole, part] of pairs) {
		if (!hide[whole] && !hide[part] && small(values[whole] - values[part])) hide[part] = true;
	}
	return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, publish(v as number, hide[k as K], opts)])) as Record<K, Cell>;
}

export type Grid = { cells: Cell[][]; rowTotals: Cell[]; columnTotals: Cell[]; total: Cell };

/**
 * A table with totals both ways (people per month × country, per activity × month). The table and its
 * totals are one (R+1) × (C+1) array: each line (a row with its total, a column with its total, the
 * row totals with the grand total, the column totals with it) is an equation "the parts add up to the
 * whole". Seen as a graph (a node per line of rows and per line of columns, an edge per hidden entry), a
 * hidden entry can be recomputed exactly when it lies on no cycle: a line with one hidden entry, or a
 * bridge between two groups of hidden entries. On a cycle, adding 1 and taking 1 in turn keeps every
 * equation and every hidden count ≥ 0 (hidden counts are ≥ 1), so the entry has at least two possible
 * values. So: hide every 1 to 4, then, while a hidden entry lies on no cycle, hide the smallest non-zero
 * entry that closes a cycle through it (greedy, good enough for tables of a few dozen cells).
 * Zeros are never hidden: they reveal nobody, and a hidden count is known to be ≥ 1 anyway.
 */
export function suppressGrid(values: readonly (readonly number[])[], opts?: FigureOptions): Grid {
	const R = values.length;
	const C = R ? values[0]!.length : 0;
	for (const row of values) if (row.length !== C) throw new Error('suppressGrid: rows of unequal length');
	// The whole array: rows 0..R-1 with their total in column C, the column totals in row R.
	const full: number[][] = values.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
	full.push(Array.from({ length: C + 1 }, (_, j) => full.reduce((a, row) => a + row[j]!, 0)));
	const hide = full.map((row) => row.map(small));
	if (R && C) secure(full, hide);
	const at = (i: number, j: number) => publish(full[i]![j]!, hide[i]![j]!, opts);
	return {
		cells: values.map((row, i) => row.map((_, j) => at(i, j))),
		rowTotals: values.map((_, i) => at(i, C)),
		columnTotals: Array.from({ length: C }, (_, j) => at(R, j)),
		total: at(R, C)
	};
}

/** Adds hidden entries until every hidden entry lies on a cycle of hidden entries (see suppressGrid). */
function secure(full: number[][], hide: boolean[][]) {
	const rows = full.length;
	const cols = full[0]!.length;
	for (;;) {
		const exposed = firstExposed(hide, rows, cols);
		if (!exposed) return;
		const [ei, ej] = exposed;
		// Without the exposed edge, the nodes reachable from its row node: a new hidden entry from a row
		// node in that part to a column node outside it closes a cycle through the exposed one.
		const side = reach(hide, rows, cols, ei, [ei, ej]);
		let pick: [number, number] | null = null;
		for (let i = 0; i < rows; i++)
			for (let j = 0; j < cols; j++) {
				if (hide[i]![j] || full[i]![j]! === 0) continue;
				if (side.rows[i] === side.cols[j]) continue;
				if (!pick || full[i]![j]! < full[pick[0]]![pick[1]]!) pick = [i, j];
			}
		if (pick) hide[pick[0]]![pick[1]] = true;
		else {
			// No single entry closes a cycle (the rest is zeros): hide every non-zero entry of its two lines,
			// and if even that leaves it exposed, the entry is its lines' only non-zero one, whose total is it.
			let changed = false;
			for (let j = 0; j < cols; j++) if (!hide[ei]![j] && full[ei]![j]! > 0) changed = hide[ei]![j] = true;
			for (let i = 0; i < rows; i++) if (!hide[i]![ej] && full[i]![ej]! > 0) changed = hide[i]![ej] = true;
			if (!changed) return;
		}
	}
}

/** A hidden entry on no cycle of hidden entries (a bridge of the graph), or null. */
function firstExposed(hide: boolean[][], rows: number, cols: number): [number, number] | null {
	for (let i = 0; i < rows; i++)
		for (let j = 0; j < cols; j++) {
			if (!hide[i]![j]) continue;
			// On a cycle iff the column node stays reachable from the row node without this edge.
			if (!reach(hide, rows, cols, i, [i, j]).cols[j]) return [i, j];
		}
	return null;
}

/** Nodes reachable from row node `from` over hidden entries, leaving out the entry `skip`. */
function reach(hide: boolean[][], rows: number, cols: number, from: number, skip: [number, number]) {
	const seenRows = Array<boolean>(rows).fill(false);
	const seenCols = Array<boolean>(cols).fill(false);
	const queue: ['r' | 'c', number][] = [['r', from]];
	seenRows[from] = true;
	while (queue.length) {
		const [kind, n] = queue.pop()!;
		if (kind === 'r') {
			for (let j = 0; j < cols; j++)
				if (hide[n]![j] && !seenCols[j] && !(n === skip[0] && j === skip[1])) {
					seenCols[j] = true;
					queue.push(['c', j]);
				}
		} else {
			for (let i = 0; i < rows; i++)
				if (hide[i]![n] && !seenRows[i] && !(i === skip[0] && n === skip[1])) {
					seenRows[i] = true;
					queue.push(['r', i]);
				}
		}
	}
	return { rows: seenRows, cols: seenCols };
}

/**
 * The audience of figures read by this actor: over the API, a token whose holder has no role inside
 * the organisation (the city's programme officer, a funder's jury or expert) receives external
 * figures; the organisation's own staff, and every page, get internal ones (a page that publishes asks
 * for external itself).
 */
export function audienceOf(actor: { via: string; grants: readonly { role: string }[] }): Audience {
	if (actor.via !== 'token') return 'internal';
	return actor.grants.some((g) => IN_HOUSE.has(g.role)) ? 'internal' : 'external';
}
const IN_HOUSE = new Set(['facilitator', 'outreach', 'coordinator', 'admin']);

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
