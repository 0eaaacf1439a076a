import writeXlsxFile from 'write-excel-file/node';
import type { Cell } from '../stats/index.ts';
import { ACTIVITY_REACH_FIGURES, type ActivityReach, type ActivityReachFigure } from './reach-shape.ts';

// The reach of activities as a download: the same suppressed cells as the page, as one sheet of rows
// (CSV or XLSX). The words come from the caller, in the reader's language.

export type ActivityReachSheetLabels = {
	title: string;
	period: string;
	scope: string;
	scopeName: string;
	figure: string;
	value: string;
	figures: Record<ActivityReachFigure, string>;
	countries: string;
	country: string;
	countryName: (code: string) => string;
	unknown: string;
	people: string;
	monthly: string;
	month: string;
	participants: string;
	newcomers: string;
	returning: string;
	perActivity: string;
	activity: string;
	sessions: string;
	attendances: string;
	anonymous: string;
	suppressed: string;
	note: string;
};

type Value = string | number | null;

/** A CSV cell starting with = + - @ (or their full-width forms, a tab, a CR) would run as a formula (OWASP). */
export function neutralise(text: string): string {
	return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

const out = (c: Cell, l: ActivityReachSheetLabels): Value => (c.suppressed || c.value === null ? l.suppressed : c.value);

function sheetRows(r: ActivityReach, l: ActivityReachSheetLabels): Value[][] {
	return [
		[l.title],
		[l.period, `${r.period.from} – ${r.period.to}`],
		[l.scope, l.scopeName],
		[],
		[l.figure, l.value],
		...ACTIVITY_REACH_FIGURES.map((k) => [l.figures[k], out(r.figures[k], l)]),
		[],
		[l.countries],
		[l.country, l.people],
		...r.countries.map((c) => [l.countryName(c.country), out(c.people, l)]),
		[l.unknown, out(r.figures.originUnknown, l)],
		[],
		[l.monthly],
		[l.month, l.participants, l.newcomers, l.returning],
		...r.monthly.map((m) => [m.month, out(m.participants, l), out(m.newcomers, l), out(m.returning, l)]),
		[],
		[l.perActivity],
		[l.activity, l.sessions, l.attendances, l.participants, l.anonymous],
		...r.activities.map((a) => [a.title, out(a.sessions, l), out(a.attendances, l), out(a.participants, l), out(a.anonymous, l)]),
		[],
		[l.note]
	];
}

/** The rows of the CSV: texts neutralised (activity titles are typed by people). */
export function activityReachRows(r: ActivityReach, l: ActivityReachSheetLabels): Value[][] {
	return sheetRows(r, l).map((row) => row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
}

const quote = (v: Value) => {
	const s = v === null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the UTF-8 (Bulgarian, Arabic). */
export function activityReachCsv(r: ActivityReach, l: ActivityReachSheetLabels): string {
	return (
		'\uFEFF' +
		activityReachRows(r, l)
			.map((row) => row.map(quote).join(','))
			.join('\r\n') +
		'\r\n'
	);
}

/** One XLSX sheet with the same rows: numbers as numbers, "<5" and words as text (never run as formulas). */
export async function activityReachXlsx(r: ActivityReach, l: ActivityReachSheetLabels): Promise<Buffer> {
	const data = sheetRows(r, l).map((row) => row.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String })));
	const sheet = l.title.replace(/[[\]:*?/\\']/g, ' ').slice(0, 31) || 'Reach';
	return writeXlsxFile(data, { sheet, columns: [{ width: 44 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }] }).toBuffer();
}
