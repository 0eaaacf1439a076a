import writeXlsxFile from 'write-excel-file/node';
import { addDays } from '../core/index.ts';
import type { Cell } from '../stats/index.ts';

// An indicator's values as a download: exactly the page's cells ("<5" written as such), one sheet of
// rows, as CSV or XLSX. The words come from the caller, in the reader's language. Pure but for the
// XLSX writer.

export type IndicatorSheetLabels = {
	title: string;
	counts: string;
	countsText: string;
	where: string;
	whereText: string;
	range: string;
	rangeText: string;
	period: string;
	from: string;
	to: string;
	value: string;
	target: string;
	status: string;
	enteredBy: string;
	periodName: (from: string) => string;
	statusName: (status: string) => string;
	suppressed: string;
	notes: string[];
};

type Row = { from: string; to: string; value: Cell; target: number; status: string; entry?: { enteredBy: string | null } | null };
type Value = string | number | null;

/** A cell a spreadsheet would run as a formula (= + - @, their full-width forms, tab, CR) stays text. */
const neutralise = (text: string) => (/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text);

function sheetRows(rows: readonly Row[], l: IndicatorSheetLabels): Value[][] {
	const out = (c: Cell): Value => (c.suppressed ? l.suppressed : c.value);
	const manual = rows.some((r) => r.entry !== undefined);
	return [
		[l.title],
		[l.counts, l.countsText],
		[l.where, l.whereText],
		[l.range, l.rangeText],
		[],
		[l.period, l.from, l.to, l.value, l.target, l.status, ...(manual ? [l.enteredBy] : [])],
		// `to` is excluded in the data; the files say the last day, as the page does.
		...rows.map((r) => [
			l.periodName(r.from),
			r.from,
			lastDay(r.to),
			out(r.value),
			r.target,
			l.statusName(r.status),
			...(manual ? [r.entry?.enteredBy ?? null] : [])
		]),
		[],
		...l.notes.map((n) => [n])
	];
}

const lastDay = (to: string) => addDays(to, -1);

const quote = (v: Value) => {
	const s = v === null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** RFC 4180 CSV with a byte-order mark (spreadsheets then read the UTF-8 of Bulgarian and Arabic). */
export function indicatorCsv(rows: readonly Row[], labels: IndicatorSheetLabels): string {
	return (
		'\uFEFF' +
		sheetRows(rows, labels)
			.map((row) => row.map((v) => quote(typeof v === 'string' ? neutralise(v) : v)).join(','))
			.join('\r\n') +
		'\r\n'
	);
}

/** One XLSX sheet with the same rows: numbers as numbers, "<5" and words as text (never formulas). */
export async function indicatorXlsx(rows: readonly Row[], labels: IndicatorSheetLabels): Promise<Buffer> {
	const data = sheetRows(rows, labels).map((row) =>
		row.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String }))
	);
	const sheet = labels.title.replace(/[[\]:*?/\\']/g, ' ').slice(0, 31) || 'Indicator';
	return writeXlsxFile(data, {
		sheet,
		columns: [{ width: 30 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 18 }, { width: 20 }]
	}).toBuffer();
}
