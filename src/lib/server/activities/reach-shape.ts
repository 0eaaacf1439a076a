import { cell, monthsOf, suppressNested, suppressTable, type Cell, type FigureOptions } from '../stats/index.ts';
import { shareOf } from './reach-rules.ts';
import type { ActivityKind } from './schema.ts';

// From the counts of reach.ts to what may be shown: every count through the statistics rules of
// stats/, rows in a fixed order (every month of the period, zeros included). No I/O: the page, the
// CSV, the XLSX and the API show exactly these cells.

/** The headline figures, in the order the page and the downloads list them. */
export const ACTIVITY_REACH_FIGURES = [
	'participants',
	'families',
	'children',
	'newcomers',
	'returning',
	'foreignOrigin',
	'originUnknown',
	'vulnerable',
	'socialServiceClients',
	'sessions',
	'attendances',
	'anonymous'
] as const;
export type ActivityReachFigure = (typeof ACTIVITY_REACH_FIGURES)[number];

/** Shares of the participants, in whole percent (null when a count behind it is hidden). */
export const ACTIVITY_REACH_SHARES = ['children', 'foreignOrigin', 'vulnerable', 'socialServiceClients'] as const;
export type ActivityReachShare = (typeof ACTIVITY_REACH_SHARES)[number];

/** What reach.ts counts, as one row. */
export type ReachCounts = Record<ActivityReachFigure, number> & {
	countries: { country: string; people: number }[];
	monthly: { month: string; newcomers: number; returning: number }[];
	activities: { id: string; title: string; kind: ActivityKind; sessions: number; attendances: number; participants: number; anonymous: number }[];
};

export type ActivityReach = {
	period: { from: string; to: string };
	areaId: string | null;
	kind: ActivityKind | null;
	activityIds: string[];
	figures: Record<ActivityReachFigure, Cell>;
	shares: Record<ActivityReachShare, number | null>;
	/** People per country of origin (only where it may be counted); the rest is figures.originUnknown. */
	countries: { country: string; people: Cell }[];
	/** Distinct participants per month: new (first attendance ever) and returning. */
	monthly: { month: string; participants: Cell; newcomers: Cell; returning: Cell }[];
	activities: { id: string; title: string; kind: ActivityKind; sessions: Cell; attendances: Cell; participants: Cell; anonymous: Cell }[];
};

/** Figures that count part of another: their difference is a group too, and must not be 1 to 4. */
const NESTED = [
	['participants', 'newcomers'],
	['participants', 'returning'],
	['participants', 'children'],
	['participants', 'foreignOrigin'],
	['participants', 'originUnknown'],
	['participants', 'vulnerable'],
	['participants', 'socialServiceClients']
] as const satisfies ReadonlyArray<readonly [ActivityReachFigure, ActivityReachFigure]>;

const HIDDEN: Cell = { value: null, suppressed: true };

/**
 * Each month's participants are its new plus its returning people. Columns are suppressed first (their
 * totals are published); then, in a month where only one of the two parts is hidden, the other is
 * hidden too, or the month's total minus it would give the hidden one back. (stats' suppressGrid would
 * hide the month's total instead in some tables; the chart needs the totals, so not used here yet.)
 */
function monthlyCells(rows: { newcomers: number; returning: number }[], opts: FigureOptions) {
	const newcomers = suppressTable(
		rows.map((r) => r.newcomers),
		opts
	);
	const returning = suppressTable(
		rows.map((r) => r.returning),
		opts
	);
	return rows.map((r, i) => {
		const [n, b] = [newcomers[i]!, returning[i]!];
		const one = n.suppressed !== b.suppressed;
		return { participants: cell(r.newcomers + r.returning, opts), newcomers: one ? HIDDEN : n, returning: one ? HIDDEN : b };
	});
}

export function shapeReach(
	q: { from: string; to: string; areaId: string | null; kind: ActivityKind | null; activityIds: string[] },
	c: ReachCounts,
	// Figures that leave the organisation (a token of another organisation) are also rounded to 5.
	opts: FigureOptions = {}
): ActivityReach {
	const figures = suppressNested<ActivityReachFigure>(
		Object.fromEntries(ACTIVITY_REACH_FIGURES.map((k) => [k, c[k]])) as Record<ActivityReachFigure, number>,
		NESTED,
		opts
	);
	const shares = Object.fromEntries(ACTIVITY_REACH_SHARES.map((k) => [k, shareOf(figures[k], figures.participants)])) as Record<
		ActivityReachShare,
		number | null
	>;
	// Most people first; the unknown origins are part of the same table (its total is the participants).
	const countries = [...c.countries].sort((a, b) => b.people - a.people || a.country.localeCompare(b.country));
	const countryCells = suppressTable([...countries.map((x) => x.people), c.originUnknown], opts);
	const byMonth = new Map(c.monthly.map((m) => [m.month, m]));
	const months = monthsOf(q.from, q.to).map((month) => ({
		month,
		newcomers: byMonth.get(month)?.newcomers ?? 0,
		returning: byMonth.get(month)?.returning ?? 0
	}));
	const monthCells = monthlyCells(months, opts);
	const acts = [...c.activities].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
	const column = (k: 'sessions' | 'attendances' | 'participants' | 'anonymous') =>
		suppressTable(
			acts.map((a) => a[k]),
			opts
		);
	const [sessions, attendances, participants, anonymous] = [column('sessions'), column('attendances'), column('participants'), column('anonymous')];
	return {
		period: { from: q.from, to: q.to },
		areaId: q.areaId,
		kind: q.kind,
		activityIds: q.activityIds,
		figures: countryCells.at(-1)!.suppressed && !figures.originUnknown.suppressed ? { ...figures, originUnknown: HIDDEN } : figures,
		shares,
		countries: countries.map((x, i) => ({ country: x.country, people: countryCells[i]! })),
		monthly: months.map((m, i) => ({ month: m.month, ...monthCells[i]! })),
		activities: acts.map((a, i) => ({
			id: a.id,
			title: a.title,
			kind: a.kind,
			sessions: sessions[i]!,
			attendances: attendances[i]!,
			participants: participants[i]!,
			anonymous: anonymous[i]!
		}))
	};
}
