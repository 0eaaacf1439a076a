import { cell, monthsOf, suppressNested, suppressTable, type Cell, type FigureOptions } from '../stats/index.ts';
import { THEMES } from '../../themes.ts';
import { CONTACT_TYPES, QUESTION_STATUSES, REFERRAL_STATUSES } from './schema.ts';

// The fieldwork figures from the counts the database gave (figures.ts) to the cells a page, a file
// and the API show: rows in a fixed order (zeros included), every count through the privacy rule of
// stats/. No I/O, so the rule is tested here on known numbers.

/** A community worker's yearly target of home visits (DOMAIN.md "2. Fieldwork"). */
export const HOME_VISIT_TARGET = 60;

/** One row of the statement in figures.ts: a dimension, its key, a count and (for contacts) the minutes. */
export type FigureRow = { dim: string; key: string; n: number; minutes: number; name: string | null };

export type FieldworkFigures = {
	period: { from: string; to: string };
	areaId: string | null;
	theme: string | null;
	type: string | null;
	totals: { contacts: Cell; hours: Cell; knownPeople: Cell; anonymousPeople: Cell; homeVisits: Cell };
	byType: { type: string; contacts: Cell; hours: Cell }[];
	byTheme: { theme: string; contacts: Cell; hours: Cell }[];
	byMonth: { month: string; contacts: Cell; hours: Cell }[];
	byArea: { areaId: string | null; name: string | null; contacts: Cell; hours: Cell }[];
	homeVisits: {
		target: number;
		years: { year: string; months: number; target: number; total: Cell; workers: Cell; perWorker: Cell }[];
	};
	questions: { total: Cell; byStatus: { status: string; count: Cell }[] };
	referrals: {
		total: Cell;
		overrides: Cell;
		byStatus: { status: string; count: Cell }[];
		byPartner: { partnerId: string | null; name: string | null; count: Cell }[];
	};
};

const HIDDEN: Cell = { value: null, suppressed: true };
const shown = (value: number): Cell => ({ value, suppressed: false });

/** Whole hours of a number of minutes (the API's cells are whole numbers). */
export const hoursOf = (minutes: number) => Math.round(minutes / 60);

/**
 * A table of contacts and their hours: the contact counts suppressed as a table, and an hours cell
 * hidden wherever its contacts are (hours of one to four contacts can point at the people on them).
 */
function contactTable(keys: string[], get: (k: string) => FigureRow | undefined, opts: FigureOptions) {
	const counts = suppressTable(
		keys.map((k) => get(k)?.n ?? 0),
		opts
	);
	return keys.map((key, i) => {
		const contacts = counts[i]!;
		return { key, contacts, hours: contacts.suppressed ? HIDDEN : shown(hoursOf(get(key)?.minutes ?? 0)), name: get(key)?.name ?? null };
	});
}

const index = (rows: FigureRow[], dim: string) => new Map(rows.filter((r) => r.dim === dim).map((r) => [r.key, r]));
const one = (rows: FigureRow[], dim: string) => rows.find((r) => r.dim === dim) ?? { dim, key: '', n: 0, minutes: 0, name: null };
/** Known codes first in their order, then any code the list does not know yet (so nothing is dropped). */
const ordered = (known: readonly string[], found: Map<string, unknown>) => [...known, ...[...found.keys()].filter((k) => !known.includes(k)).sort()];

/** The months of the period that fall in each calendar year: a partial year gets a share of the target. */
function yearsOf(from: string, to: string): { year: string; months: number }[] {
	const out = new Map<string, number>();
	for (const m of monthsOf(from, to)) out.set(m.slice(0, 4), (out.get(m.slice(0, 4)) ?? 0) + 1);
	return [...out].map(([year, months]) => ({ year, months }));
}

export function shapeFigures(
	q: { from: string; to: string; areaId: string | null; theme: string | null; type: string | null },
	rows: FigureRow[],
	// External (a token held outside the organisation): every count also rounded to 5 (stats/).
	opts: FigureOptions = {}
): FieldworkFigures {
	const total = one(rows, 'total');
	const contacts = cell(total.n, opts);

	const byType = contactTable(ordered(CONTACT_TYPES, index(rows, 'type')), (k) => index(rows, 'type').get(k), opts);
	const themes = index(rows, 'theme');
	const byTheme = contactTable(ordered(THEMES, themes), (k) => themes.get(k), opts);
	const months = index(rows, 'month');
	const byMonth = contactTable(monthsOf(q.from, q.to), (k) => months.get(k), opts);
	const areas = index(rows, 'area');
	// Only the neighbourhoods with contacts: a city has many, and a missing one has none.
	const byArea = contactTable(
		[...areas.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff')).map((r) => r.key),
		(k) => areas.get(k),
		opts
	);

	// Home visits: the total is the by-type row itself, so the two never disagree; the years add up to
	// it, so they are a table; a worker's count is only ever an average over five or more workers.
	const homeVisits = byType.find((r) => r.key === 'home_visit')!.contacts;
	const visits = index(rows, 'home_year');
	const workers = index(rows, 'workers_year');
	const years = yearsOf(q.from, q.to);
	const yearTotals = suppressTable(
		years.map((y) => visits.get(y.year)?.n ?? 0),
		opts
	);
	const homeYears = years.map((y, i) => {
		const t = homeVisits.suppressed ? HIDDEN : yearTotals[i]!;
		const w = cell(workers.get(y.year)?.n ?? 0, opts);
		// One decimal: an average, never a named worker's count (and hidden with fewer than five workers).
		// From the exact counts, so a rounded total never skews the average.
		const [n, k] = [visits.get(y.year)?.n ?? 0, workers.get(y.year)?.n ?? 0];
		const perWorker = t.suppressed || w.suppressed ? HIDDEN : shown(k ? Math.round((n / k) * 10) / 10 : 0);
		return { year: y.year, months: y.months, target: Math.round((HOME_VISIT_TARGET * y.months) / 12), total: t, workers: w, perWorker };
	});

	const questions = index(rows, 'question');
	const questionCounts = suppressTable(
		ordered(QUESTION_STATUSES, questions).map((s) => questions.get(s)?.n ?? 0),
		opts
	);
	const referrals = index(rows, 'referral');
	const referralKeys = ordered(REFERRAL_STATUSES, referrals);
	const referralCounts = suppressTable(
		referralKeys.map((s) => referrals.get(s)?.n ?? 0),
		opts
	);
	const partners = [...index(rows, 'partner').values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
	const partnerCounts = suppressTable(
		partners.map((p) => p.n),
		opts
	);
	const referralTotal = [...referrals.values()].reduce((s, r) => s + r.n, 0);
	const nested = suppressNested({ referrals: referralTotal, overrides: one(rows, 'override').n }, [['referrals', 'overrides']], opts);

	return {
		period: { from: q.from, to: q.to },
		areaId: q.areaId,
		theme: q.theme,
		type: q.type,
		totals: {
			contacts,
			hours: contacts.suppressed ? HIDDEN : shown(hoursOf(total.minutes)),
			knownPeople: cell(one(rows, 'people').n, opts),
			anonymousPeople: cell(one(rows, 'anonymous').n, opts),
			homeVisits
		},
		byType: byType.map((r) => ({ type: r.key, contacts: r.contacts, hours: r.hours })),
		byTheme: byTheme.map((r) => ({ theme: r.key, contacts: r.contacts, hours: r.hours })),
		byMonth: byMonth.map((r) => ({ month: r.key, contacts: r.contacts, hours: r.hours })),
		byArea: byArea.map((r) => ({ areaId: r.key || null, name: r.name, contacts: r.contacts, hours: r.hours })),
		homeVisits: { target: HOME_VISIT_TARGET, years: homeYears },
		questions: {
			total: cell(
				[...questions.values()].reduce((s, r) => s + r.n, 0),
				opts
			),
			byStatus: ordered(QUESTION_STATUSES, questions).map((status, i) => ({ status, count: questionCounts[i]! }))
		},
		referrals: {
			total: nested.referrals,
			overrides: nested.overrides,
			byStatus: referralKeys.map((status, i) => ({ status, count: referralCounts[i]! })),
			byPartner: partners.map((p, i) => ({ partnerId: p.key || null, name: p.name, count: partnerCounts[i]! }))
		}
	};
}
