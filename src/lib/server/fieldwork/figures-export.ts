import writeXlsxFile from 'write-excel-file/node';
import type { Cell } from '../stats/index.ts';
import type { FieldworkFigures } from './figures-shape.ts';

// The fieldwork figures as a download: exactly the page's cells ("<5" written as such), one sheet of
// rows, as CSV or XLSX. The words come from the caller, in the reader's language.

export type FiguresSheetLabels = {
	title: string;
	period: string;
	filters: string;
	/** The filters in words ("Rabot · Housing · Home visit", or "all"). */
	filterText: string;
	figure: string;
	value: string;
	contacts: string;
	hours: string;
	knownPeople: string;
	anonymousPeople: string;
	homeVisits: string;
	byType: string;
	byTheme: string;
	byMonth: string;
	byArea: string;
	type: string;
	theme: string;
	month: string;
	area: string;
	noArea: string;
	homeVisitsPerYear: string;
	year: string;
	target: string;
	workers: string;
	perWorker: string;
	questions: string;
	referrals: string;
	byPartner: string;
	partner: string;
	toActivity: string;
	overrides: string;
	status: string;
	count: string;
	typeName: (code: string) => string;
	themeName: (code: string) => string;
	monthName: (month: string) => string;
	questionStatus: (code: string) => string;
	referralStatus: (code: string) => string;
	suppressed: string;
	notes: string[];
};

type Value = string | number | null;

/** A cell a spreadsheet would run as a formula (= + - @, their full-width forms, tab, CR) stays text. */
export function neutralise(text: string): string {
	return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

/** The rows of the download as they are; numbers stay numbers, a hidden cell is the "<5" text. */
function sheetRows(f: FieldworkFigures, l: FiguresSheetLabels): Value[][] {
	const out = (c: Cell): Value => (c.suppressed || c.value === null ? l.suppressed : c.value);
	const table = <R extends { contacts: Cell; hours: Cell }>(heading: string, column: string, rows: R[], name: (r: R) => string): Value[][] => [
		[],
		[heading],
		[column, l.contacts, l.hours],
		...rows.map((r) => [name(r), out(r.contacts), out(r.hours)])
	];
	return [
		[l.title],
		[l.period, `${f.period.from} – ${f.period.to}`],
		[l.filters, l.filterText],
		[],
		[l.figure, l.value],
		[l.contacts, out(f.totals.contacts)],
		[l.hours, out(f.totals.hours)],
		[l.knownPeople, out(f.totals.knownPeople)],
		[l.anonymousPeople, out(f.totals.anonymousPeople)],
		[l.homeVisits, out(f.totals.homeVisits)],
		...table(l.byType, l.type, f.byType, (r) => l.typeName(r.type)),
		...table(l.byTheme, l.theme, f.byTheme, (r) => l.themeName(r.theme)),
		...table(l.byMonth, l.month, f.byMonth, (r) => l.monthName(r.month)),
		...table(l.byArea, l.area, f.byArea, (r) => r.name ?? l.noArea),
		[],
		[l.homeVisitsPerYear],
		[l.year, l.homeVisits, l.target, l.workers, l.perWorker],
		...f.homeVisits.years.map((y) => [y.year, out(y.total), y.target, out(y.workers), out(y.perWorker)]),
		[],
		[l.questions],
		[l.status, l.count],
		...f.questions.byStatus.map((r) => [l.questionStatus(r.status), out(r.count)]),
		[l.questions, out(f.questions.total)],
		[],
		[l.referrals],
		[l.status, l.count],
		...f.referrals.byStatus.map((r) => [l.referralStatus(r.status), out(r.count)]),
		[l.referrals, out(f.referrals.total)],
		[l.overrides, out(f.referrals.overrides)],
		[],
		[l.byPartner],
		[l.partner, l.count],
		...f.referrals.byPartner.map((r) => [r.name ?? l.toActivity, out(r.count)]),
		[],
		...l.notes.map((n) => [n])
	];
}

/** The rows of the CSV: every text neutralised (a CSV cell has no type; a partner's name is typed by people). */
export function figuresRows(f: FieldworkFigures, labels: FiguresSheetLabels): Value[][] {
	return sheetRows(f, labels).map((row) => row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
}

const quote = (v: Value) => {
	const s = v === null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the UTF-8 (Bulgarian, Arabic). Texts neutralised. */
export function csvText(rows: Value[][]): string {
	return '\uFEFF' + rows.map((row) => row.map((v) => quote(typeof v === 'string' ? neutralise(v) : v)).join(',')).join('\r\n') + '\r\n';
}

export function figuresCsv(f: FieldworkFigures, labels: FiguresSheetLabels): string {
	return csvText(sheetRows(f, labels));
}

/** One XLSX sheet with the same rows: numbers as numbers, "<5" and words as text cells (never formulas). */
export async function figuresXlsx(f: FieldworkFigures, labels: FiguresSheetLabels): Promise<Buffer> {
	const data = sheetRows(f, labels).map((row) => row.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String })));
	const sheet = labels.title.replace(/[[\]:*?/\\']/g, ' ').slice(0, 31) || 'Figures';
	return writeXlsxFile(data, { sheet, columns: [{ width: 44 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }] }).toBuffer();
}
